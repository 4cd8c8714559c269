/** Download, print, share and save: the PDF is made on this device, from the same spec as the preview. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CardSpec } from '../../core/spec/schema';
import type { CardFonts } from '../engine/fonts';
import { makePdf, pdfFileName } from '../engine/pdf';
import type { BundledTemplate } from '../engine/templates';
import type { Messages } from '../messages/en';
import { saveFile } from '../save-file';

interface Props {
  t: Messages;
  bundled: BundledTemplate;
  spec: CardSpec;
  fonts: CardFonts | undefined;
  printable: boolean;
  onSave: () => void;
  canSave: boolean;
}

let canShareFiles: boolean | undefined;
/** Whether this browser can share a PDF file (Web Share with files); asked once, not on every render. */
function canShareFilesHere(): boolean {
  canShareFiles ??= typeof navigator.canShare === 'function' && navigator.canShare({ files: [new File([new Uint8Array(1)], 'card.pdf', { type: 'application/pdf' })] });
  return canShareFiles;
}

export function ActionBar({ t, bundled, spec, fonts, printable, onSave, canSave }: Props) {
  const [status, setStatus] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const canShareFiles = canShareFilesHere();

  // The PDF of the current spec, made in the background a moment after the last change. A click then downloads,
  // opens or shares it at once, inside the click itself: browsers refuse a second download, a pop-up or a share
  // that starts after an asynchronous wait, as "not started by the user".
  // Not before the person first touches the page: the PDF engine is the biggest download and the longest task, and
  // the first screen should not wait for it.
  // Specs are never changed in place: a changed card is a new object, so identity says whether the file is current.
  const ready = useRef<{ bundled: BundledTemplate; spec: CardSpec; file: File } | undefined>(undefined);
  const readyFile = () => (ready.current?.bundled === bundled && ready.current.spec === spec ? ready.current.file : undefined);
  const [engaged, setEngaged] = useState(false);
  useEffect(() => {
    const events = ['pointerdown', 'keydown', 'input'] as const;
    const engage = () => setEngaged(true);
    for (const event of events) window.addEventListener(event, engage, { capture: true, once: true });
    return () => {
      for (const event of events) window.removeEventListener(event, engage, { capture: true });
    };
  }, []);
  useEffect(() => {
    if (fonts === undefined || !printable || !engaged) return;
    const timer = setTimeout(() => {
      void makePdf(bundled, spec, fonts).then(
        (bytes) => {
          ready.current = { bundled, spec, file: new File([bytes as BlobPart], pdfFileName(spec), { type: 'application/pdf' }) };
        },
        () => undefined, // made again, with the error shown, when the user clicks
      );
    }, 300);
    return () => clearTimeout(timer);
  }, [bundled, spec, fonts, printable, engaged]);

  const withPdf = async (use: (file: File) => Promise<void> | void) => {
    if (fonts === undefined) return;
    const cached = readyFile();
    if (cached !== undefined) {
      try {
        await use(cached);
        setStatus(spec.paper === 'card' ? '' : t.printReminder);
      } catch (error) {
        if (!(error instanceof DOMException && error.name === 'AbortError')) setStatus(t.pdfFailed(error instanceof Error ? error.message : String(error)));
      }
      return;
    }
    setBusy(true);
    setStatus(t.making);
    try {
      const bytes = await makePdf(bundled, spec, fonts);
      const file = new File([bytes as BlobPart], pdfFileName(spec), { type: 'application/pdf' });
      ready.current = { bundled, spec, file };
      await use(file);
      setStatus(spec.paper === 'card' ? '' : t.printReminder);
    } catch (error) {
      if (!(error instanceof DOMException && error.name === 'AbortError')) setStatus(t.pdfFailed(error instanceof Error ? error.message : String(error)));
      else setStatus('');
    } finally {
      setBusy(false);
    }
  };

  const download = (file: File) => saveFile(file, file.name);
  const print = (file: File) => {
    const url = URL.createObjectURL(file);
    // The browser's PDF viewer prints at the size the PDF says; if pop-ups are blocked, the file is downloaded.
    if (window.open(url, '_blank') === null) download(file);
    setTimeout(() => URL.revokeObjectURL(url), 300_000);
  };
  const share = (file: File) => navigator.share({ files: [file], title: bundled.template.title });

  return (
    <div class="action-bar">
      <div class="actions">
        <button type="button" disabled={!printable || busy} onClick={() => void withPdf(download)}>
          {t.download}
        </button>
        <button type="button" disabled={!printable || busy} onClick={() => void withPdf(print)}>
          {t.print}
        </button>
        {canShareFiles && (
          <button type="button" disabled={!printable || busy} onClick={() => void withPdf(share)}>
            {t.share}
          </button>
        )}
        {canSave && (
          <button type="button" class="secondary" onClick={onSave}>
            {t.save}
          </button>
        )}
      </div>
      <p class="status" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
