/**
 * Saved cards for the UI: the IndexedDB store (src/app/storage) is loaded after the first screen (the editor and the
 * preview), and brings zod and the schemas only when there are records to read. Every change re-reads the list.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { CardSpec } from '../core/spec/schema';
import { whenIdle } from './idle';
import type { CardStore, CustomTemplate, ImportReport, SavedCard, TemplateImportResult, UnreadableTemplate } from './storage/card-store';

export interface SavedCardsState {
  available: boolean | undefined;
  cards: SavedCard[];
  setAsideCount: number;
  message: string;
  /** Custom templates imported on this device, and stored ones this version cannot read. */
  templates: CustomTemplate[];
  unreadableTemplates: UnreadableTemplate[];
  /** The last outcome of a custom-template action, shown with the templates. */
  templatesMessage: string;
}

/** The saved cards; the store is opened once `start` is true (after the first screen), when the browser is idle. */
export function useSavedCards(start: boolean) {
  const [store, setStore] = useState<CardStore | undefined>(undefined);
  const [state, setState] = useState<SavedCardsState>({ available: undefined, cards: [], setAsideCount: 0, message: '', templates: [], unreadableTemplates: [], templatesMessage: '' });

  const refresh = useCallback(async (current: CardStore, message = '', target: 'message' | 'templatesMessage' = 'message') => {
    const [{ cards, setAside }, { templates, unreadable }] = await Promise.all([current.list(), current.listTemplates()]);
    setState({ available: true, cards, setAsideCount: setAside.length, message: '', templates, unreadableTemplates: unreadable, templatesMessage: '', [target]: message });
  }, []);

  useEffect(() => {
    if (!start) return;
    let cancelled = false;
    // After the first screen, when the browser is idle: nothing on that screen needs the saved cards.
    void new Promise<void>((resolve) => whenIdle(resolve, 2000))
      .then(() => import('./storage/card-store'))
      .then(({ openCardStore }) => openCardStore())
      .then(async (opened) => {
        if (cancelled) return;
        setStore(opened);
        await refresh(opened);
        void opened.requestPersistence();
      })
      .catch((error: unknown) => !cancelled && setState((s) => ({ ...s, available: false, message: error instanceof Error ? error.message : String(error) })));
    return () => {
      cancelled = true;
    };
  }, [start, refresh]);

  /** Runs a store action, then re-reads the list; a StorageError's message is shown, nothing is lost. */
  const run = useCallback(
    async <T,>(action: (current: CardStore) => Promise<T>, message?: (result: T) => string, target: 'message' | 'templatesMessage' = 'message'): Promise<T | undefined> => {
      if (store === undefined) return undefined;
      try {
        const result = await action(store);
        await refresh(store, message ? message(result) : '', target);
        return result;
      } catch (error) {
        setState((s) => ({ ...s, [target]: error instanceof Error ? error.message : String(error) }));
        return undefined;
      }
    },
    [store, refresh],
  );

  return {
    state,
    create: (name: string, spec: CardSpec) => run((s) => s.create(name, spec)),
    update: (id: string, spec: CardSpec) => run((s) => s.update(id, { spec })),
    rename: (id: string, name: string) => run((s) => s.rename(id, name)),
    duplicate: (id: string) => run((s) => s.duplicate(id)),
    remove: (id: string) => run((s) => s.remove(id)),
    exportAll: () => run((s) => s.exportAll()),
    exportSetAside: () => run((s) => s.exportSetAside()),
    importFile: (text: string, describe: (report: ImportReport) => string) => run((s) => s.importFile(text), describe),
    /** Imports a template file; the result (problems included) is returned for the caller to show. */
    importTemplate: (text: string, describe: (result: TemplateImportResult) => string) => run((s) => s.importTemplate(text), describe, 'templatesMessage'),
    removeTemplate: (key: string, done: string) => run((s) => s.removeTemplate(key), () => done, 'templatesMessage'),
    eraseEverything: (done: string) =>
      run(async (s) => {
        await s.eraseEverything();
      }, () => done),
    setMessage: (message: string) => setState((s) => ({ ...s, message })),
  };
}

export type SavedCardsApi = ReturnType<typeof useSavedCards>;
