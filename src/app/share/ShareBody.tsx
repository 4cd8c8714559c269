/**
 * The inside of "Share this setup", loaded when the person asks for a link (with the encoder and the QR library):
 * the personal-details choice, the link and its Copy button, the QR code and its downloads. The link is made again a
 * moment after each change of the card.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CardSpec } from '../../core/spec/schema';
import type { Template } from '../../core/template/schema';
import type { Messages } from '../messages/en';
import { makeShareLink } from './link';
import { makeQr, QR_DENSE_MODULES, QR_QUIET_MODULES, qrPngFile, qrSvgFile, type ShareQr } from './qr';
import { saveFile } from '../save-file';

interface Props {
  t: Messages;
  template: Template;
  spec: CardSpec;
}

type Made = { link: string; qr: ShareQr | undefined; dense: boolean } | { error: string };

export function ShareBody({ t, template, spec }: Props) {
  const [includePersonal, setIncludePersonal] = useState(false);
  const [made, setMade] = useState<Made | undefined>(undefined);
  const [status, setStatus] = useState('');
  const linkInput = useRef<HTMLInputElement>(null);
  const personalBox = useRef<HTMLInputElement>(null);

  // The button that opened the panel is gone: keyboard focus moves to the panel's first control.
  useEffect(() => personalBox.current?.focus(), []);

  // The link of the current choices, made again a moment after each change (the first one at once).
  const first = useRef(true);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      makeShareLink(spec, template, { includePersonal }, window.location.origin + window.location.pathname).then(
        (link) => {
          const qr = makeQr(link);
          if (current) setMade({ link, qr, dense: qr !== undefined && qr.size > QR_DENSE_MODULES });
        },
        (error: unknown) => current && setMade({ error: t.shareSetup.failed(error instanceof Error ? error.message : String(error)) }),
      );
    }, first.current ? 0 : 250);
    first.current = false;
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [spec, template, includePersonal, t]);

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
    try {
      const file = kind === 'svg' ? qrSvgFile(qr, `${t.shareSetup.qrFileName}.svg`) : await qrPngFile(qr, `${t.shareSetup.qrFileName}.png`);
      saveFile(file, file.name);
    } catch (error) {
      setStatus(t.shareSetup.failed(error instanceof Error ? error.message : String(error)));
    }
  };

  return (
    <>
      <label class="check">
        <input ref={personalBox} type="checkbox" checked={includePersonal} onChange={(event) => setIncludePersonal(event.currentTarget.checked)} />
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
  );
}

/** Largest on-screen size of the code, in CSS px. */
const QR_MAX_PX = 288;

/**
 * The code on the page, its 4-module light margin included, black on white in any theme: a whole number of pixels a
 * module (up to 288 px a side), so that its edges stay sharp and a phone can scan it from the screen.
 */
function QrSvg({ qr, label }: { qr: ShareQr; label: string }) {
  const quiet = QR_QUIET_MODULES;
  const side = qr.size + 2 * quiet;
  const px = side * Math.max(2, Math.floor(QR_MAX_PX / side));
  return (
    <svg class="share-qr-code" role="img" aria-label={label} width={px} height={px} viewBox={`${-quiet} ${-quiet} ${side} ${side}`} shape-rendering="crispEdges" xmlns="http://www.w3.org/2000/svg">
      <rect x={-quiet} y={-quiet} width={side} height={side} fill="#ffffff" />
      <path d={qr.path} fill="#000000" />
    </svg>
  );
}

