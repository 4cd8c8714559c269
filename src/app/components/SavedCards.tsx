/** The cards saved on this device: open, rename, duplicate, delete, export and import. */
import type { CardSpec } from '../../core/spec/schema';
import type { Messages } from '../messages/en';
import type { SavedCardsApi } from '../use-saved-cards';
import { saveJson } from '../save-file';
import { templateKey } from '../../core/template/canonical';

interface Props {
  t: Messages;
  saved: SavedCardsApi;
  openCard: (id: string, spec: CardSpec) => void;
  newCard: () => void;
  openId: string | undefined;
  /** "id@version" of every template on this device (bundled and custom), once known. */
  templateKeys: ReadonlySet<string> | undefined;
}

export function SavedCards({ t, saved, openCard, newCard, openId, templateKeys }: Props) {
  const { state } = saved;
  const downloadText = (text: string | undefined, name: string) => text !== undefined && saveJson(text, name);
  const importFrom = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (file === undefined) return;
    await saved.importFile(await file.text(), (report) => {
      const cards = t.imported(report.added + report.renamedCopies, report.skipped, report.rejected.length);
      if (report.templatesAdded === 0 && report.templatesRejected.length === 0) return cards;
      return cards + t.customTemplates.fromExport(report.templatesAdded, report.templatesRejected.map((r) => `${r.key ?? `#${r.index + 1}`}: ${r.reason}`));
    });
  };

  return (
    <section class="saved" aria-labelledby="saved-heading">
      <h2 id="saved-heading">{t.savedHeading}</h2>
      {state.available === false && <p class="notice">{t.storageUnavailable}</p>}
      {state.available === true && state.cards.length === 0 && <p class="hint">{t.noSavedCards}</p>}
      {state.setAsideCount > 0 && (
        <div class="notice" role="status">
          <p>{t.setAside(state.setAsideCount)}</p>
          <button type="button" class="secondary" onClick={() => void saved.exportSetAside().then((text) => downloadText(text, 'safety-card-set-aside.json'))}>
            {t.exportSetAside}
          </button>
        </div>
      )}
      <ul class="saved-list">
        {state.cards.map((card) => {
          const key = templateKey(card.spec.template);
          return (
            <li key={card.id} class={card.id === openId ? 'current' : undefined}>
              <span class="name">{card.name}</span>
              <span class="hint">{t.cardVersion(key)}</span>
              {templateKeys !== undefined && !templateKeys.has(key) && <span class="hint missing">{t.cardTemplateMissing(key)}</span>}
              <span class="actions">
                <button type="button" onClick={() => openCard(card.id, card.spec)}>
                  {t.open}
                </button>
                <button type="button" class="secondary" onClick={() => { const name = window.prompt(t.renamePrompt, card.name); if (name !== null) void saved.rename(card.id, name); }}>
                  {t.rename}
                </button>
                <button type="button" class="secondary" onClick={() => void saved.duplicate(card.id)}>
                  {t.duplicate}
                </button>
                <button type="button" class="secondary" onClick={() => { if (window.confirm(t.deleteConfirm(card.name))) void saved.remove(card.id); }}>
                  {t.delete}
                </button>
              </span>
            </li>
          );
        })}
      </ul>
      {state.available === true && (
        <div class="actions">
          <button type="button" class="secondary" onClick={newCard}>
            {t.newCard}
          </button>
          <button type="button" class="secondary" disabled={state.cards.length === 0} onClick={() => void saved.exportAll().then((text) => downloadText(text, 'safety-cards.json'))}>
            {t.exportCards}
          </button>
          <label class="button secondary">
            {t.importCards}
            <input type="file" accept="application/json,.json" class="visually-hidden" onChange={(event) => void importFrom(event.target as HTMLInputElement)} />
          </label>
        </div>
      )}
      <p class="status" role="status" aria-live="polite">
        {state.message}
      </p>
    </section>
  );
}
