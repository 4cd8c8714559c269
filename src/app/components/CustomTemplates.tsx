/**
 * Custom templates on this device: import a template file (its problems listed with their JSON paths, nothing
 * changed), export one as it was imported, delete one (refused while saved cards use it: see card-store.ts).
 * Also the notice shown when a card's template is not on this device.
 */
import { useState } from 'preact/hooks';
// Types and limits only: the parser (zod) loads with the store, after the first screen.
import { MAX_TEMPLATE_FILE_BYTES, templateTooLarge } from '../../core/template/limits';
import type { TemplateProblem } from '../../core/template/validate';
import type { Messages } from '../messages/en';
import type { SavedCardsApi } from '../use-saved-cards';
import { saveJson } from '../save-file';

interface Props {
  t: Messages;
  saved: SavedCardsApi;
}


export function CustomTemplates({ t, saved }: Props) {
  const c = t.customTemplates;
  const { state } = saved;
  const [refused, setRefused] = useState<{ fileName: string; problems: TemplateProblem[] } | undefined>(undefined);

  const importFrom = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (file === undefined) return;
    if (file.size > MAX_TEMPLATE_FILE_BYTES) {
      setRefused({ fileName: file.name, problems: [templateTooLarge(file.size)] });
      return;
    }
    const result = await saved.importTemplate(await file.text(), (outcome) => {
      if (!outcome.ok) return '';
      return outcome.status === 'added' ? c.added(outcome.key) : outcome.status === 'already-bundled' ? c.alreadyBundled(outcome.key) : c.alreadyImported(outcome.key);
    });
    setRefused(result !== undefined && !result.ok ? { fileName: file.name, problems: result.problems } : undefined);
  };

  if (state.available !== true) return null;
  return (
    <section class="saved custom-templates" aria-labelledby="custom-templates-heading">
      <h2 id="custom-templates-heading">{c.heading}</h2>
      <p class="hint">{c.intro}</p>
      <div class="actions">
        <label class="button secondary">
          {c.importButton}
          <input type="file" accept="application/json,.json" class="visually-hidden" onChange={(event) => void importFrom(event.target as HTMLInputElement)} />
        </label>
      </div>
      {refused !== undefined && (
        <div class="problem template-problems" role="alert">
          <p>{c.problems(refused.fileName, refused.problems.length)}</p>
          <ul>
            {refused.problems.map((problem, index) => (
              <li key={index}>
                <code>{problem.path}</code>: {problem.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {state.templates.length === 0 && state.unreadableTemplates.length === 0 && <p class="hint">{c.none}</p>}
      <ul class="saved-list">
        {state.templates.map((entry) => (
          <li key={entry.key}>
            <span class="name">
              {entry.template.title} <span class="custom-mark">{c.customMark}</span>
            </span>
            <span class="hint">
              {entry.key} · {c.importedOn(entry.importedAt.slice(0, 10))}
            </span>
            <span class="actions">
              <button type="button" class="secondary" aria-label={c.exportLabel(entry.key)} onClick={() => saveJson(entry.text, `${entry.template.id}-${entry.template.version}.json`)}>
                {c.export}
              </button>
              <button type="button" class="secondary" aria-label={c.deleteLabel(entry.key)} onClick={() => { if (window.confirm(c.deleteConfirm(entry.key))) void saved.removeTemplate(entry.key, c.deleted(entry.key)); }}>
                {c.delete}
              </button>
            </span>
          </li>
        ))}
        {state.unreadableTemplates.map((entry) => (
          <li key={entry.key}>
            <span class="name">{c.unreadable(entry.key)}</span>
            <span class="actions">
              <button type="button" class="secondary" aria-label={c.exportLabel(entry.key)} onClick={() => saveJson(entry.text, `${entry.key.replace('@', '-')}.json`)}>
                {c.export}
              </button>
            </span>
          </li>
        ))}
      </ul>
      <p class="status" role="status" aria-live="polite">
        {state.templatesMessage}
      </p>
    </section>
  );
}

/** Shown instead of the editor when the card's template is not on this device: the card is kept, and how to open it. */
export function MissingTemplate({ t, templateKey, onNewCard }: { t: Messages; templateKey: string; onNewCard: () => void }) {
  return (
    <div class="problem missing-template" role="alert">
      <h2>{t.customTemplates.missingHeading}</h2>
      <p>{t.customTemplates.missing(templateKey)}</p>
      <button type="button" class="secondary" onClick={onNewCard}>
        {t.newCard}
      </button>
    </div>
  );
}
