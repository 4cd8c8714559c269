/** Which content version the card uses; a newer version is announced with what changed, and the card can move to it. */
import { compareSemver } from '../../core/semver';
import { diffTemplates } from '../../core/template/diff';
import type { CardSpec } from '../../core/spec/schema';
import type { BundledTemplate } from '../engine/templates';
import type { Messages } from '../messages/en';

interface Props {
  t: Messages;
  templates: readonly BundledTemplate[];
  spec: CardSpec;
  onChange: (spec: CardSpec) => void;
}

export function TemplatePicker({ t, templates, spec, onChange }: Props) {
  const versions = templates.filter((entry) => entry.template.id === spec.template.id);
  const current = versions.find((entry) => entry.template.version === spec.template.version);
  const latest = versions[0];
  const behind = current !== undefined && latest !== undefined && compareSemver(latest.template.version, current.template.version) > 0;
  const diff = behind && current && latest ? diffTemplates(current.template, latest.template) : undefined;

  return (
    <fieldset class="group">
      <legend>{t.contentHeading}</legend>
      <p>
        <strong>{current?.template.title}</strong>
        <br />
        <span class="hint">{current?.template.description}</span>
      </p>
      <label class="field">
        <span>{t.templateLabel}</span>
        <select value={spec.template.version} onChange={(event) => onChange(moveTo(spec, versions, (event.target as HTMLSelectElement).value))}>
          {versions.map((entry, index) => (
            <option key={entry.key} value={entry.template.version}>
              {t.templateOption(entry.template.version, entry.template.published)}
              {index === 0 ? ` (${t.templateLatest})` : ''}
            </option>
          ))}
        </select>
      </label>
      {behind && latest && diff && (
        <div class="notice" role="status">
          <p>{t.newerVersion(latest.template.version)}</p>
          <details>
            <summary>{t.whatChanged}</summary>
            <ChangeList t={t} diff={diff} />
          </details>
          <button type="button" onClick={() => onChange(moveTo(spec, versions, latest.template.version))}>
            {t.moveToVersion(latest.template.version)}
          </button>
        </div>
      )}
    </fieldset>
  );
}

function ChangeList({ t, diff }: { t: Messages; diff: ReturnType<typeof diffTemplates> }) {
  const rows: [string, string][] = [
    ...diff.sections.added.map((s): [string, string] => [t.changeAdded, s.title]),
    ...diff.entries.added.map((e): [string, string] => [t.changeAdded, e.wording]),
    ...diff.sections.removed.map((s): [string, string] => [t.changeRemoved, s.title]),
    ...diff.entries.removed.map((e): [string, string] => [t.changeRemoved, e.wording]),
    ...diff.entries.reworded.map((e): [string, string] => [t.changeReworded, `${e.from} → ${e.to}`]),
    ...diff.entries.moved.map((e): [string, string] => [t.changeMoved, e.id]),
  ];
  if (rows.length === 0) return <p>{t.noChanges}</p>;
  return (
    <ul class="changes">
      {rows.map(([kind, text], index) => (
        <li key={index}>
          <strong>{kind}:</strong> {text}
        </li>
      ))}
    </ul>
  );
}

/** The spec moved to another version of its template: sections and fields that no longer exist are dropped. */
function moveTo(spec: CardSpec, versions: readonly BundledTemplate[], version: string): CardSpec {
  const target = versions.find((entry) => entry.template.version === version);
  if (target === undefined) return spec;
  const sectionIds = new Set(target.template.sections.map((section) => section.id));
  const fieldIds = new Set(target.template.sections.flatMap((section) => (section.kind === 'fields' ? section.fields.map((field) => field.id) : [])));
  return {
    ...spec,
    template: { id: target.template.id, version },
    sections: spec.sections.filter((id) => sectionIds.has(id)),
    fields: Object.fromEntries(Object.entries(spec.fields).filter(([id]) => fieldIds.has(id))),
  };
}
