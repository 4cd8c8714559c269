/** The whole app on one page: choose, preview, print, save. Phone first; two columns next to a printer. */
import { useEffect, useState } from 'preact/hooks';
import type { CardSpec } from '../core/spec/schema';
import { ActionBar } from './components/ActionBar';
import { ClinicForm } from './components/ClinicForm';
import { ContactsForm } from './components/ContactsForm';
import { DetailsForm } from './components/DetailsForm';
import { PreviewPanel } from './components/PreviewPanel';
import { PrintingForm } from './components/PrintingForm';
import { PrivacyPanel } from './components/PrivacyPanel';
import { SavedCards } from './components/SavedCards';
import { SectionList } from './components/SectionList';
import { TemplatePicker } from './components/TemplatePicker';
import { deviceRegion, newCardSpec, today, useLayout } from './editor';
import { loadCardFonts, type CardFonts } from './engine/fonts';
import { latestOf, loadTemplates, type BundledTemplate } from './engine/templates';
import { en as t } from './messages/en';
import { UpdatePrompt } from './UpdatePrompt';
import { useSavedCards } from './use-saved-cards';

const DEFAULT_TEMPLATE = 'mdma-therapy';

/** A new card of the latest default template, or undefined when no template is bundled. */
function freshSpec(templates: readonly BundledTemplate[]): CardSpec | undefined {
  const latest = latestOf(templates, DEFAULT_TEMPLATE) ?? templates[0];
  return latest === undefined ? undefined : newCardSpec(latest.template, today(), deviceRegion());
}

export function App() {
  const [templates, setTemplates] = useState<BundledTemplate[] | undefined>(undefined);
  const [fonts, setFonts] = useState<CardFonts | undefined>(undefined);
  const [spec, setSpec] = useState<CardSpec | undefined>(undefined);
  const [openId, setOpenId] = useState<string | undefined>(undefined);
  const [loadError, setLoadError] = useState('');
  const saved = useSavedCards();

  useEffect(() => {
    void loadTemplates().then((loaded) => {
      setTemplates(loaded);
      const fresh = freshSpec(loaded);
      if (fresh !== undefined) setSpec((current) => current ?? fresh);
    });
    loadCardFonts().then(setFonts, (error: unknown) => setLoadError(error instanceof Error ? error.message : String(error)));
  }, []);

  const bundled = templates?.find((entry) => spec !== undefined && entry.template.id === spec.template.id && entry.template.version === spec.template.version);
  const result = useLayout(bundled, spec, fonts);

  const save = async () => {
    if (spec === undefined || bundled === undefined) return;
    if (openId !== undefined && saved.state.cards.some((card) => card.id === openId)) {
      const card = await saved.update(openId, spec);
      if (card) saved.setMessage(t.saved(card.name));
      return;
    }
    const suggested = spec.fields.name?.trim() ? `${spec.fields.name.trim()} — ${spec.date}` : `${bundled.template.title} — ${spec.date}`;
    const name = window.prompt(t.saveAs, suggested);
    if (name === null) return;
    const card = await saved.create(name, spec);
    if (card) {
      setOpenId(card.id);
      saved.setMessage(t.saved(card.name));
    }
  };

  return (
    <>
      <a class="skip" href="#preview">
        {t.skipToPreview}
      </a>
      <header class="masthead">
        <h1>{t.appName}</h1>
        <p>{t.tagline}</p>
        <p class="privacy-short">{t.privacyShort}</p>
      </header>
      <main>
        {spec === undefined || templates === undefined || bundled === undefined ? (
          <p class="loading">{t.loadingContent}</p>
        ) : (
          <div class="workspace">
            <form class="editor" onSubmit={(event) => event.preventDefault()}>
              <TemplatePicker t={t} templates={templates} spec={spec} onChange={setSpec} />
              <SectionList t={t} template={bundled.template} spec={spec} onChange={setSpec} />
              <DetailsForm t={t} template={bundled.template} spec={spec} onChange={setSpec} />
              <ContactsForm t={t} template={bundled.template} spec={spec} onChange={setSpec} />
              <ClinicForm t={t} spec={spec} onChange={setSpec} />
              <PrintingForm t={t} spec={spec} onChange={setSpec} />
            </form>
            <div class="output">
              <PreviewPanel t={t} spec={spec} result={result} onChange={setSpec} />
              {loadError !== '' && <p class="problem" role="alert">{loadError}</p>}
              <ActionBar t={t} bundled={bundled} spec={spec} fonts={fonts} printable={result?.ok === true} onSave={() => void save()} canSave={saved.state.available === true} />
            </div>
          </div>
        )}
        <SavedCards
          t={t}
          saved={saved}
          openId={openId}
          newCard={() => {
            const fresh = templates && freshSpec(templates);
            if (fresh === undefined) return;
            setOpenId(undefined);
            setSpec(fresh);
          }}
          openCard={(id, card) => {
            setOpenId(id);
            setSpec(card);
          }}
        />
        <PrivacyPanel t={t} saved={saved} onErased={() => setOpenId(undefined)} />
      </main>
      <UpdatePrompt t={t} />
    </>
  );
}
