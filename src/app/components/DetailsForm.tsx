/** The personal details of the selected sections: labelled inputs with hints and limits; write-ins say they stay blank. */
import type { CardSpec } from '../../core/spec/schema';
import type { Field, Template } from '../../core/template/schema';
import type { Messages } from '../messages/en';

interface Props {
  t: Messages;
  template: Template;
  spec: CardSpec;
  onChange: (spec: CardSpec) => void;
}

export function DetailsForm({ t, template, spec, onChange }: Props) {
  const sections = template.sections.filter((section) => section.kind === 'fields' && spec.sections.includes(section.id));
  const setField = (id: string, value: string) => onChange({ ...spec, fields: { ...spec.fields, [id]: value } });
  return (
    <fieldset class="group">
      <legend>{t.detailsHeading}</legend>
      {sections.length === 0 ? <p class="hint">{t.noFieldSections}</p> : <p class="hint">{t.detailsHint}</p>}
      {sections.map((section) =>
        section.kind === 'fields' ? (
          <fieldset key={section.id} class="subgroup">
            <legend>{section.title}</legend>
            {section.fields.map((field) => (
              <FieldInput key={field.id} t={t} field={field} value={spec.fields[field.id] ?? ''} onInput={(value) => setField(field.id, value)} />
            ))}
          </fieldset>
        ) : null,
      )}
    </fieldset>
  );
}

function FieldInput({ t, field, value, onInput }: { t: Messages; field: Field; value: string; onInput: (value: string) => void }) {
  const id = `field-${field.id}`;
  const hintId = `${id}-hint`;
  if (field.kind === 'write-in') {
    return (
      <div class="field write-in">
        <span class="label">{field.label}</span>
        <span class="hint">{t.writeInNote}</span>
      </div>
    );
  }
  const left = field.maxLength - [...value].length;
  const handle = (event: Event) => onInput((event.target as HTMLInputElement | HTMLTextAreaElement).value);
  return (
    <div class="field">
      <label for={id}>{field.label}</label>
      {field.kind === 'multiline' ? (
        <textarea id={id} rows={3} value={value} maxLength={field.maxLength} autocomplete="off" spellcheck={false} aria-describedby={hintId} onInput={handle} />
      ) : field.kind === 'phone' ? (
        <input id={id} type="tel" inputMode="tel" value={value} maxLength={field.maxLength} autocomplete="off" aria-describedby={hintId} onInput={handle} />
      ) : (
        <input id={id} type="text" value={value} maxLength={field.maxLength} autocomplete="off" spellcheck={false} aria-describedby={hintId} onInput={handle} />
      )}
      <span id={hintId} class="hint">
        {field.hint ? `${field.hint} ` : ''}
        {left < 20 ? t.charactersLeft(left) : ''}
      </span>
    </div>
  );
}
