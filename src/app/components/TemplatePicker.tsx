/**
 * Which template and content version the card uses: the bundled ones and the custom ones imported on this device
 * (marked "Custom"). A newer version is announced with what changed, and the card can move to it.
 */
import { useEffect, useState } from 'preact/hooks';
import { compareSemver } from '../../core/semver';
import { defaultSpec, templateFields, templateRegions } from '../../core/spec/defaults';
import type { TemplateDiff } from '../../core/template/diff';
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
  const diff = useDiff(behind ? current : undefined, behind ? latest : undefined);
  // One entry per template id: its newest version (the list is by id, newest first).
  const choices = templates.filter((entry, index) => index === 0 || templates[index - 1]?.template.id !== entry.template.id);

  return (
    <fieldset class="group">
      <legend>{t.contentHeading}</legend>
      {choices.length > 1 && (
        <label class="field">
          <span>{t.customTemplates.templateLabel}</span>
          <select value={spec.template.id} onChange={(event) => onChange(switchTo(spec, choices.find((entry) => entry.template.id === (event.target as HTMLSelectElement).value)))}>
            {choices.map((entry) => (
              <option key={entry.template.id} value={entry.template.id}>
                {entry.template.title}
                {entry.custom ? ` (${t.customTemplates.customMark}: ${entry.template.id})` : ''}
              </option>
            ))}
          </select>
        </label>
      )}
      <p>
        <strong>{current?.template.title}</strong>
        {current?.custom === true && <span class="custom-mark">{t.customTemplates.customMark}</span>}
        <br />
        <span class="hint">{current?.template.description}</span>
      </p>
      {current?.custom === true && <p class="notice custom-note">{t.customTemplates.customNote}</p>}
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

/** What changed from one version to another; the diff's code loads only when a card is behind (not on the first screen). */
function useDiff(from: BundledTemplate | undefined, to: BundledTemplate | undefined): TemplateDiff | undefined {
  const [diff, setDiff] = useState<{ from: BundledTemplate; to: BundledTemplate; diff: TemplateDiff } | undefined>(undefined);
  useEffect(() => {
    if (from === undefined || to === undefined) return;
    let live = true;
    void import('../../core/template/diff').then(({ diffTemplates }) => {
      if (live) setDiff({ from, to, diff: diffTemplates(from.template, to.template) });
    });
    return () => {
      live = false;
    };
  }, [from, to]);
  return diff !== undefined && diff.from === from && diff.to === to ? diff.diff : undefined;
}

function ChangeList({ t, diff }: { t: Messages; diff: TemplateDiff }) {
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

/**
 * The spec moved to another template: its default sections, the field values whose ids it also has, the region when
 * it has numbers for it; the printing choices stay.
 */
function switchTo(spec: CardSpec, target: BundledTemplate | undefined): CardSpec {
  if (target === undefined || target.template.id === spec.template.id) return spec;
  const defaults = defaultSpec(target.template, spec.date);
  const fieldIds = new Set(templateFields(target.template).map(({ field }) => field.id));
  const regions = templateRegions(target.template);
  return {
    ...spec,
    template: defaults.template,
    sections: defaults.sections,
    fields: Object.fromEntries(Object.entries(spec.fields).filter(([id]) => fieldIds.has(id))),
    region: regions.has(spec.region) ? spec.region : 'any',
  };
}

/** The spec moved to another version of its template: sections and fields that no longer exist are dropped. */
function moveTo(spec: CardSpec, versions: readonly BundledTemplate[], version: string): CardSpec {
  const target = versions.find((entry) => entry.template.version === version);
  if (target === undefined) return spec;
  const sectionIds = new Set(target.template.sections.map((section) => section.id));
  const fieldIds = new Set(templateFields(target.template).map(({ field }) => field.id));
  return {
    ...spec,
    template: { id: target.template.id, version },
    sections: spec.sections.filter((id) => sectionIds.has(id)),
    fields: Object.fromEntries(Object.entries(spec.fields).filter(([id]) => fieldIds.has(id))),
  };
}
