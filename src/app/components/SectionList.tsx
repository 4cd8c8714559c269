/** The sections to print: a checklist with a one-line description each, in the template's order. */
import { useState } from 'preact/hooks';
import type { CardSpec } from '../../core/spec/schema';
import type { Item, Template } from '../../core/template/schema';
import type { Messages } from '../messages/en';

interface Props {
  t: Messages;
  template: Template;
  spec: CardSpec;
  onChange: (spec: CardSpec) => void;
}

export function SectionList({ t, template, spec, onChange }: Props) {
  const toggle = (id: string, on: boolean) => {
    const chosen = new Set(spec.sections);
    if (on) chosen.add(id);
    else chosen.delete(id);
    onChange({ ...spec, sections: template.sections.map((section) => section.id).filter((sectionId) => chosen.has(sectionId)) });
  };
  return (
    <fieldset class="group">
      <legend>{t.sectionsHeading}</legend>
      <p class="hint">{t.sectionsHint}</p>
      <ul class="checklist">
        {template.sections.map((section) => (
          <li key={section.id}>
            <label class={`check severity-${section.severity}`}>
              <input type="checkbox" checked={spec.sections.includes(section.id)} onChange={(event) => toggle(section.id, (event.target as HTMLInputElement).checked)} />
              <span>
                <strong>{section.title}</strong>
                {section.severity !== 'info' && <span class="tag">{t.severity[section.severity]}</span>}
                <br />
                <span class="hint">{section.summary}</span>
              </span>
            </label>
            {section.kind === 'items' && <ItemDetails t={t} items={section.items} />}
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** A section's items with their explanations, behind a disclosure; drawn when first opened, not with the first screen. */
function ItemDetails({ t, items }: { t: Messages; items: readonly Item[] }) {
  const [opened, setOpened] = useState(false);
  return (
    <details class="items-detail" onToggle={(event) => (event.currentTarget as HTMLDetailsElement).open && setOpened(true)}>
      <summary>{t.whatItSays(items.length)}</summary>
      {opened && (
        <ul>
          {items.map((item) => (
            <li key={item.id}>
              <strong>{item.text}</strong>
              {item.detail !== undefined && <p>{item.detail}</p>}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
