/**
 * "Share this setup": a link that carries the card's choices in its fragment, and its QR code, both made on this device.
 * The panel's inside (src/app/share/ShareBody.tsx), the encoder and the QR library load only when the person asks for
 * a link. Personal details stay out unless ticked.
 */
import { useState } from 'preact/hooks';
import type { CardSpec } from '../../core/spec/schema';
import type { Template } from '../../core/template/schema';
import type { Messages } from '../messages/en';
import type { ShareBody as ShareBodyComponent } from '../share/ShareBody';
import type { SharedSetupNotice } from '../share/use-shared-setup';

interface Props {
  t: Messages;
  template: Template;
  spec: CardSpec;
}

export function SharePanel({ t, template, spec }: Props) {
  const [Body, setBody] = useState<typeof ShareBodyComponent | undefined>(undefined);
  const [error, setError] = useState('');
  const open = () =>
    void import('../share/ShareBody').then(
      (loaded) => setBody(() => loaded.ShareBody),
      (failed: unknown) => setError(t.shareSetup.failed(failed instanceof Error ? failed.message : String(failed))),
    );
  return (
    <fieldset class="group share">
      <legend>{t.shareSetup.heading}</legend>
      <p class="hint">{t.shareSetup.intro}</p>
      {Body !== undefined ? (
        <Body t={t} template={template} spec={spec} />
      ) : (
        <button type="button" class="secondary" onClick={open}>
          {t.shareSetup.make}
        </button>
      )}
      {error !== '' && (
        <p class="problem" role="alert">
          {error}
        </p>
      )}
    </fieldset>
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
