/** The region whose crisis numbers are printed, and up to four extra contacts (a guide, a friend). */
import { useMemo } from 'preact/hooks';
import { SPEC_LIMITS, templateRegions } from '../../core/spec/defaults';
import type { CardSpec } from '../../core/spec/schema';
import type { Template } from '../../core/template/schema';
import { namedRegions } from '../engine/region-names';
import type { Messages } from '../messages/en';

interface Props {
  t: Messages;
  template: Template;
  spec: CardSpec;
  onChange: (spec: CardSpec) => void;
}

/** The regions a template has crisis numbers for, with their names in the template's language, by name. */
function regionsOf(template: Template) {
  const codes = templateRegions(template);
  codes.delete('any');
  return namedRegions(template.locale, codes);
}

export function ContactsForm({ t, template, spec, onChange }: Props) {
  const regions = useMemo(() => regionsOf(template), [template]);
  const setContact = (index: number, key: 'name' | 'phone', value: string) =>
    onChange({ ...spec, extraContacts: spec.extraContacts.map((contact, i) => (i === index ? { ...contact, [key]: value } : contact)) });

  return (
    <fieldset class="group">
      <legend>{t.contactsHeading}</legend>
      <label class="field">
        <span>{t.regionLabel}</span>
        <select value={spec.region} onChange={(event) => onChange({ ...spec, region: (event.target as HTMLSelectElement).value })}>
          <option value="any">{t.regionAny}</option>
          {regions.map((region) => (
            <option key={region.code} value={region.code}>
              {region.name}
            </option>
          ))}
        </select>
      </label>
      <fieldset class="subgroup">
        <legend>{t.extraContactsHeading}</legend>
      {spec.extraContacts.map((contact, index) => (
        <div class="contact-row" key={index}>
          <label class="field">
            <span>{t.extraName}</span>
            <input value={contact.name} maxLength={SPEC_LIMITS.extraContactNameChars} autocomplete="off" onInput={(event) => setContact(index, 'name', (event.target as HTMLInputElement).value)} />
          </label>
          <label class="field">
            <span>{t.extraPhone}</span>
            <input type="tel" inputMode="tel" value={contact.phone} maxLength={SPEC_LIMITS.extraContactPhoneChars} autocomplete="off" onInput={(event) => setContact(index, 'phone', (event.target as HTMLInputElement).value)} />
          </label>
          <button type="button" class="secondary" onClick={() => onChange({ ...spec, extraContacts: spec.extraContacts.filter((_, i) => i !== index) })}>
            {t.removeContact(contact.name)}
          </button>
        </div>
      ))}
      {spec.extraContacts.length < SPEC_LIMITS.extraContacts && (
        <button type="button" class="secondary" onClick={() => onChange({ ...spec, extraContacts: [...spec.extraContacts, { name: '', phone: '' }] })}>
          {t.addContact}
        </button>
      )}
      </fieldset>
    </fieldset>
  );
}
