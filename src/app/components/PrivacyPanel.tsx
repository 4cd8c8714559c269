/** What is stored, where, and how to erase it in one step. */
import type { Messages } from '../messages/en';
import type { SavedCardsApi } from '../use-saved-cards';

export function PrivacyPanel({ t, saved, onErased }: { t: Messages; saved: SavedCardsApi; onErased: () => void }) {
  return (
    <section class="privacy" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">{t.privacyHeading}</h2>
      <p>{t.privacyLong}</p>
      <button type="button" class="danger" onClick={() => { if (window.confirm(t.eraseConfirm)) void saved.eraseEverything(t.erased).then(onErased); }}>
        {t.eraseEverything}
      </button>
    </section>
  );
}
