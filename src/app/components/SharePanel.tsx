/**
 * "Share this setup": a link that carries the card's choices in its fragment, and its QR code, both made on this device.
 * The encoder and the QR library load only when the person asks for a link. Personal details stay out unless ticked.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CardSpec } from '../../core/spec/schema';
import type { Template } from '../../core/template/schema';
import type { Messages } from '../messages/en';
import type * as QrFiles from '../share/qr';
import type { ShareQr } from '../share/qr';
import type { SharedSetupNotice } from '../share/use-shared-setup';

interface Props {
  t: Messages;
  template: Template;
  spec: CardSpec;
}

type Made = { link: string; qr: ShareQr | undefined; dense: boolean } | { error: string };

function saveFile(file: File) {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function SharePanel({ t, template, spec }: Props) {
  const [open, setOpen] = useState(false);
  const [includePersonal, setIncludePersonal] = useState(false);
  const [made, setMade] = useState<Made | undefined>(undefined);
  const [status, setStatus] = useState('');
  const linkInput = useRef<HTMLInputElement>(null);
  const qrModule = useRef<typeof QrFiles | undefined>(undefined);

  // The link of the current choices, made again a moment after each change while the panel is open.
  useEffect(() => {
    if (!open) return;
    let current = true;
    const timer = setTimeout(() => {
      void Promise.all([import('../share/link'), import('../share/qr')])
        .then(async ([share, qr]) => {
          qrModule.current = qr;
          const link = await share.makeShareLink(spec, template, { includePersonal }, window.location.origin + window.location.pathname);
          const code = qr.makeQr(link);
          return { link, qr: code, dense: code !== undefined && code.size > qr.QR_DENSE_MODULES };
        })
        .then(
          (result) => current && setMade(result),
          (error: unknown) => current && setMade({ error: t.shareSetup.failed(error instanceof Error ? error.message : String(error)) }),
        );
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [open, spec, template, includePersonal, t]);

  const copy = async (link: string) => {
    try {
      await navigator.clipboard.writeText(link);
      setStatus(t.shareSetup.copied);
    } catch {
      linkInput.current?.select();
      setStatus(t.shareSetup.copyFailed);
    }
  };

  const download = async (kind: 'svg' | 'png', qr: ShareQr) => {
    const files = qrModule.current;
    if (files === undefined) return;
    try {
      saveFile(kind === 'svg' ? files.qrSvgFile(qr, `${t.shareSetup.qrFileName}.svg`) : await files.qrPngFile(qr, `${t.shareSetup.qrFileName}.png`));
    } catch (error) {
      setStatus(t.shareSetup.failed(error instanceof Error ? error.message : String(error)));
    }
  };

  return (
    <fieldset class="group share">
      <legend>{t.shareSetup.heading}</legend>
      <p class="hint">{t.shareSetup.intro}</p>
      {!open ? (
        <button type="button" class="secondary" onClick={() => setOpen(true)}>
          {t.shareSetup.make}
        </button>
      ) : (
        <>
          <label class="check">
            <input type="checkbox" checked={includePersonal} onChange={(event) => setIncludePersonal(event.currentTarget.checked)} />
            <span>{t.shareSetup.includePersonal}</span>
          </label>
          {includePersonal ? <p class="share-warning">{t.shareSetup.personalWarning}</p> : <p class="hint">{t.shareSetup.personalLeftOut}</p>}
          {spec.clinic.logo !== null && <p class="hint">{t.shareSetup.logoLeftOut}</p>}
          {made === undefined ? (
            <p class="hint">{t.shareSetup.making}</p>
          ) : 'error' in made ? (
            <p class="problem" role="alert">
              {made.error}
            </p>
          ) : (
            <>
              <div class="field">
                <label for="share-link">{t.shareSetup.linkLabel}</label>
                <div class="share-link-row">
                  <input id="share-link" ref={linkInput} type="text" readOnly value={made.link} spellcheck={false} autocomplete="off" onFocus={(event) => event.currentTarget.select()} />
                  <button type="button" onClick={() => void copy(made.link)}>
                    {t.shareSetup.copy}
                  </button>
                </div>
              </div>
              {made.qr === undefined ? (
                <p class="notice">{t.shareSetup.qrTooLong(made.link.length)}</p>
              ) : (
                <>
                  <figure class="share-qr">
                    <QrSvg qr={made.qr} label={t.shareSetup.qrLabel} />
                    <figcaption>{t.shareSetup.qrCaption}</figcaption>
                  </figure>
                  {made.dense && <p class="notice">{t.shareSetup.qrDense}</p>}
                  <div class="actions">
                    <button type="button" class="secondary" onClick={() => made.qr && void download('svg', made.qr)}>
                      {t.shareSetup.downloadSvg}
                    </button>
                    <button type="button" class="secondary" onClick={() => made.qr && void download('png', made.qr)}>
                      {t.shareSetup.downloadPng}
                    </button>
                  </div>
                </>
              )}
            </>
          )}
          <p class="status" role="status" aria-live="polite">
            {status}
          </p>
        </>
      )}
    </fieldset>
  );
}

/** Largest on-screen size of the code, in CSS px. */
const QR_MAX_PX = 288;

/**
 * The code on the page, its 4-module light margin included, black on white in any theme: a whole number of pixels a
 * module (up to 288 px a side), so that its edges stay sharp and a phone can scan it from the screen.
 */
function QrSvg({ qr, label }: { qr: ShareQr; label: string }) {
  const quiet = 4;
  const side = qr.size + 2 * quiet;
  const px = side * Math.max(2, Math.floor(QR_MAX_PX / side));
  return (
    <svg class="share-qr-code" role="img" aria-label={label} width={px} height={px} viewBox={`${-quiet} ${-quiet} ${side} ${side}`} shape-rendering="crispEdges" xmlns="http://www.w3.org/2000/svg">
      <rect x={-quiet} y={-quiet} width={side} height={side} fill="#ffffff" />
      <path d={qr.path} fill="#000000" />
    </svg>
  );
}

/** What opening a share link did: loaded a setup, or why not (nothing changed). Shown at the top of the page. */
export function SharedSetupNotice({ t, notice, onDismiss }: { t: Messages; notice: SharedSetupNotice | undefined; onDismiss: () => void }) {
  if (notice === undefined) return null;
  return notice.kind === 'loaded' ? (
    <div class="notice share-notice" role="status">
      <p>{notice.text}</p>
      <button type="button" class="secondary" onClick={onDismiss}>
        {t.dismiss}
      </button>
    </div>
  ) : (
    <div class="problem share-notice" role="alert">
      <h2>{t.shareSetup.openFailedHeading}</h2>
      <p>{notice.text}</p>
      <p>{t.shareSetup.openFailedKept}</p>
      <button type="button" class="secondary" onClick={onDismiss}>
        {t.dismiss}
      </button>
    </div>
  );
}
