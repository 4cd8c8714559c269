/** The whole app on one page: choose, preview, print, save. Phone first; two columns next to a printer. */
import { memo } from 'preact/compat';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CardSpec } from '../core/spec/schema';
import type { Template } from '../core/template/schema';
import { ActionBar } from './components/ActionBar';
import { ClinicForm } from './components/ClinicForm';
import { ContactsForm } from './components/ContactsForm';
import { CustomTemplates, MissingTemplate } from './components/CustomTemplates';
import { DetailsForm } from './components/DetailsForm';
import { PreviewPanel } from './components/PreviewPanel';
import { PrintingForm } from './components/PrintingForm';
import { PrivacyPanel } from './components/PrivacyPanel';
import { SavedCards } from './components/SavedCards';
import { SectionList } from './components/SectionList';
import { SharedSetupNotice, SharePanel } from './components/SharePanel';
import { TemplatePicker } from './components/TemplatePicker';
import { deviceRegion, newCardSpec, today, useLayout } from './editor';
import type { PreviewEngine } from './engine/preview-engine';
import { latestOf, loadTemplates, withCustom, type BundledTemplate } from './engine/templates';
import { en as t, type Messages } from './messages/en';
import { whenIdle } from './idle';
import { useSharedSetup } from './share/use-shared-setup';
import { UpdatePrompt } from './UpdatePrompt';
import { useSavedCards } from './use-saved-cards';
import { templateKey } from '../core/template/canonical';

const DEFAULT_TEMPLATE = 'mdma-therapy';

/** A new card of the latest default template, or undefined when no template is bundled. */
function freshSpec(templates: readonly BundledTemplate[], region: string | undefined = deviceRegion()): CardSpec | undefined {
  const latest = latestOf(templates, DEFAULT_TEMPLATE) ?? templates[0];
  return latest === undefined ? undefined : newCardSpec(latest.template, today(), region);
}

interface EditorProps {
  t: Messages;
  templates: BundledTemplate[];
  template: Template;
  spec: CardSpec;
  onChange: (spec: CardSpec) => void;
}

/**
 * The form: drawn again only when one of its props changes (the spec as the user types), not when the preview's
 * engine arrives or the saved cards are read, each of which would otherwise go over its 400-odd elements again.
 * Drawn the first time in two tasks: the template and the sections (what a phone's first screen shows), then the
 * rest, so that a slow phone can answer a tap in between.
 */
const EditorForm = memo(function EditorForm({ t, templates, template, spec, onChange }: EditorProps) {
  const [rest, setRest] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setRest(true), 0);
    return () => clearTimeout(timer);
  }, []);
  return (
    <form class="editor" onSubmit={(event) => event.preventDefault()}>
      <TemplatePicker t={t} templates={templates} spec={spec} onChange={onChange} />
      <SectionList t={t} template={template} spec={spec} onChange={onChange} />
      {rest && (
        <>
          <DetailsForm t={t} template={template} spec={spec} onChange={onChange} />
          <ContactsForm t={t} template={template} spec={spec} onChange={onChange} />
          <ClinicForm t={t} spec={spec} onChange={onChange} />
          <PrintingForm t={t} spec={spec} onChange={onChange} />
          <SharePanel t={t} template={template} spec={spec} />
        </>
      )}
    </form>
  );
});

export function App() {
  const [templates, setTemplates] = useState<BundledTemplate[] | undefined>(undefined);
  const [engine, setEngine] = useState<PreviewEngine | undefined>(undefined);
  const [spec, setSpec] = useState<CardSpec | undefined>(undefined);
  const [openId, setOpenId] = useState<string | undefined>(undefined);
  const [loadError, setLoadError] = useState('');
  // The editor and the preview are the first screen; the saved cards, then the service worker, come after it, or
  // 10 s after start whatever happens (the saved cards are reachable even if the first screen never comes).
  const firstScreenDrawn = engine !== undefined || loadError !== '';
  const [waitedLong, setWaitedLong] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setWaitedLong(true), 10_000);
    return () => clearTimeout(timer);
  }, []);
  const saved = useSavedCards(firstScreenDrawn || waitedLong);

  useEffect(() => {
    // The device's region (Intl's locale data is slow to load the first time) is worked out while the templates are
    // on their way, not in the task that draws the editor.
    const region = new Promise<string | undefined>((resolve) => setTimeout(() => resolve(deviceRegion()), 0));
    void Promise.all([loadTemplates(), region]).then(
      ([loaded, deviceRegionCode]) => {
        setTemplates(loaded);
        const fresh = freshSpec(loaded, deviceRegionCode);
        if (fresh !== undefined) setSpec((current) => current ?? fresh);
      },
      () => setLoadError(t.contentFailed),
    );
  }, []);

  // The editor first, then the preview's engine and card font (370 kB), once the editor has been painted: fetched
  // together, on a slow first visit they would hold the editor back. Later visits read them from the offline cache.
  const editorShown = templates !== undefined;
  useEffect(() => {
    if (!editorShown) return;
    // Effects run after the browser has painted; the timeout lets that paint's work finish first.
    const timer = setTimeout(() => {
      import('./engine/preview-engine')
        .then((module) => module.loadPreviewEngine())
        .then(setEngine, (error: unknown) => setLoadError(error instanceof Error ? error.message : String(error)));
    }, 0);
    return () => clearTimeout(timer);
  }, [editorShown]);

  // The service worker is registered once the first screen is drawn and the saved cards are read, when the browser is
  // idle (or 10 s after start): its install downloads every file of the app (1 MB) to work offline, and on a first
  // visit that would compete with drawing the editor for the phone's processor.
  const [idleAfterFirstScreen, setIdleAfterFirstScreen] = useState(false);
  const settled = firstScreenDrawn && saved.state.available !== undefined;
  useEffect(() => (settled ? whenIdle(() => setIdleAfterFirstScreen(true), 3000) : undefined), [settled]);

  // The bundled templates and the custom ones imported on this device (the same list while there are none).
  const catalog = useMemo(() => (templates && saved.state.templates.length > 0 ? withCustom(templates, saved.state.templates) : templates), [templates, saved.state.templates]);
  const templateKeys = useMemo(() => catalog && new Set(catalog.map((entry) => entry.key)), [catalog]);
  const bundled = catalog?.find((entry) => spec !== undefined && entry.template.id === spec.template.id && entry.template.version === spec.template.version);
  const result = useLayout(bundled, spec, engine);
  // A share link (#s=…) opens as a new, unsaved card once the templates, custom ones included, are known.
  const shared = useSharedSetup(t, saved.state.available === undefined ? undefined : catalog, (loaded) => {
    setOpenId(undefined);
    setSpec(loaded);
  });

  const startNewCard = () => {
    const fresh = templates && freshSpec(templates);
    if (fresh === undefined) return;
    setOpenId(undefined);
    setSpec(fresh);
  };

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
        <SharedSetupNotice t={t} notice={shared.notice} onDismiss={shared.dismiss} />
        {spec !== undefined && catalog !== undefined && bundled === undefined ? (
          <MissingTemplate
            t={t}
            templateKey={templateKey(spec.template)}
            onNewCard={startNewCard}
          />
        ) : templates === undefined && loadError !== '' ? (
          <p class="problem" role="alert">{loadError}</p>
        ) : spec === undefined || catalog === undefined || bundled === undefined ? (
          <p class="loading">{t.loadingContent}</p>
        ) : (
          <div class="workspace">
            <EditorForm t={t} templates={catalog} template={bundled.template} spec={spec} onChange={setSpec} />
            <div class="output">
              <PreviewPanel t={t} spec={spec} result={result} onChange={setSpec} />
              {loadError !== '' && <p class="problem" role="alert">{loadError}</p>}
              <ActionBar t={t} bundled={bundled} spec={spec} fonts={engine?.fonts} printable={result?.ok === true} onSave={() => void save()} canSave={saved.state.available === true} />
            </div>
          </div>
        )}
        <CustomTemplates t={t} saved={saved} />
        <SavedCards
          t={t}
          saved={saved}
          openId={openId}
          templateKeys={templateKeys}
          newCard={startNewCard}
          openCard={(id, card) => {
            setOpenId(id);
            setSpec(card);
          }}
        />
        <PrivacyPanel t={t} saved={saved} onErased={() => setOpenId(undefined)} />
      </main>
      {(idleAfterFirstScreen || waitedLong) && <UpdatePrompt t={t} />}
    </>
  );
}
