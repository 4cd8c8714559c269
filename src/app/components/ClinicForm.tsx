/**
 * The clinic's or guide's profile, printed on every copy: name, phone number, web address and logo. A logo file is
 * checked by its bytes (src/core/image.ts) before it goes into the card; a refused file says why and keeps the
 * logo that was there. A personal card needs none of it: the fields are behind a disclosure, open when the card
 * has a clinic.
 */
import { useEffect, useState } from 'preact/hooks';
import { PHONE_PATTERN, SPEC_LIMITS } from '../../core/spec/defaults';
import type { CardSpec } from '../../core/spec/schema';
import type { Messages } from '../messages/en';

interface Props {
  t: Messages;
  spec: CardSpec;
  onChange: (spec: CardSpec) => void;
}


export function ClinicForm({ t, spec, onChange }: Props) {
  const [refusal, setRefusal] = useState('');
  const clinic = spec.clinic;
  const set = (key: 'name' | 'phone' | 'url', value: string) => onChange({ ...spec, clinic: { ...clinic, [key]: value } });
  const phoneInvalid = clinic.phone.trim() !== '' && !PHONE_PATTERN.test(clinic.phone.trim());
  const urlInvalid = /\s/.test(clinic.url.trim());
  const filled = clinic.name !== '' || clinic.phone !== '' || clinic.url !== '' || clinic.logo !== null;
  const [open, setOpen] = useState(filled);
  // A card that arrives with a clinic (opened, shared) shows it.
  useEffect(() => {
    if (filled) setOpen(true);
  }, [filled]);

  const chooseLogo = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (file === undefined) return;
    // The image code loads when a logo is chosen, not with the first screen.
    const { checkLogoSize, LogoError, logoFromBytes } = await import('../../core/image');
    try {
      checkLogoSize(file.size);
      const { mediaType, base64 } = logoFromBytes(new Uint8Array(await file.arrayBuffer()));
      setRefusal('');
      onChange({ ...spec, clinic: { ...clinic, logo: { mediaType, base64 } } });
    } catch (error) {
      if (!(error instanceof LogoError)) throw error;
      setRefusal(t.clinic.logoRefused(file.name, error.message, clinic.logo !== null));
    }
  };

  return (
    <fieldset class="group clinic">
      <legend>{t.clinic.heading}</legend>
      <p class="hint">{t.clinic.hint}</p>
      <details class="clinic-fields" open={open} onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}>
        <summary>{t.clinic.disclosure}</summary>
        {open && (
          <>
            <div class="field">
              <label for="clinic-name">{t.clinic.name}</label>
              <input id="clinic-name" type="text" value={clinic.name} maxLength={SPEC_LIMITS.clinicNameChars} autocomplete="organization" onInput={(event) => set('name', (event.target as HTMLInputElement).value)} />
            </div>
            <div class="field">
              <label for="clinic-phone">{t.clinic.phone}</label>
              <input
                id="clinic-phone"
                type="tel"
                inputMode="tel"
                value={clinic.phone}
                maxLength={SPEC_LIMITS.clinicPhoneChars}
                autocomplete="off"
                aria-describedby="clinic-phone-hint"
                aria-invalid={phoneInvalid}
                onInput={(event) => set('phone', (event.target as HTMLInputElement).value)}
              />
              <span id="clinic-phone-hint" class={phoneInvalid ? 'hint invalid' : 'hint'}>
                {phoneInvalid ? t.clinic.phoneInvalid : t.clinic.phoneHint}
              </span>
            </div>
            <div class="field">
              <label for="clinic-url">{t.clinic.url}</label>
              <input
                id="clinic-url"
                type="text"
                inputMode="url"
                value={clinic.url}
                maxLength={SPEC_LIMITS.clinicUrlChars}
                autocomplete="off"
                spellcheck={false}
                aria-describedby="clinic-url-hint"
                aria-invalid={urlInvalid}
                onInput={(event) => set('url', (event.target as HTMLInputElement).value)}
              />
              <span id="clinic-url-hint" class={urlInvalid ? 'hint invalid' : 'hint'}>
                {urlInvalid ? t.clinic.urlInvalid : t.clinic.urlHint}
              </span>
            </div>
            <div class="field clinic-logo">
              <label for="clinic-logo">{t.clinic.logo}</label>
              {clinic.logo !== null && (
                <div class="clinic-logo-current">
                  <img class="clinic-logo-preview" src={`data:${clinic.logo.mediaType};base64,${clinic.logo.base64}`} alt={t.clinic.logoPreview} />
                  <button
                    type="button"
                    class="secondary"
                    onClick={() => {
                      setRefusal('');
                      onChange({ ...spec, clinic: { ...clinic, logo: null } });
                    }}
                  >
                    {t.clinic.removeLogo}
                  </button>
                </div>
              )}
              <input id="clinic-logo" type="file" accept="image/png,image/jpeg" aria-describedby="clinic-logo-hint" onChange={(event) => void chooseLogo(event.target as HTMLInputElement)} />
              <span id="clinic-logo-hint" class="hint">
                {t.clinic.logoHint}
              </span>
              {refusal !== '' && (
                <p class="problem clinic-logo-refused" role="alert">
                  {refusal}
                </p>
              )}
            </div>
          </>
        )}
      </details>
    </fieldset>
  );
}
