/**
 * Saved cards, on this device only, in IndexedDB. Nothing here sends, logs or puts in a URL what the user typed.
 *
 * Database "safety-card" (version DB_VERSION) has two object stores:
 * - "cards" (keyPath "id"): one SavedCard per record (see export-format.ts);
 * - "set-aside" (autoIncrement): records of "cards" that could not be read, moved here by `list()` and never
 *   deleted except by `discardSetAside` or `eraseEverything`: { original, reason, setAsideAt }.
 * - "templates" (keyPath "key", since version 2): the custom templates imported on this device, one
 *   StoredTemplateRecord per id@version (see custom-templates.ts).
 *
 * Errors are StorageErrors whose message says what is wrong and what to do. When IndexedDB is unavailable (private
 * browsing in some browsers), `openCardStore` rejects with code 'unavailable' and the app goes on without saving.
 *
 * Reading and checking records needs zod and the schemas (validators.ts): they are loaded on first need, before the
 * transaction that needs them (a transaction commits while anything else is awaited). `list()` and `listTemplates()`
 * count the records first, so a first visit (nothing stored) never loads them.
 */
import { compareSemver } from '../../core/semver';
import type { CardSpec } from '../../core/spec/schema';
import { byUpdatedDesc, copyName, nameProblem, sameContent, StorageError, validName, type ImportReport, type SavedCard, type SetAsideRecord } from './records';
import { deleteDatabase, inTransaction, request } from './idb';
import type { CustomTemplate, StoredTemplateRecord, TemplateImportResult, UnreadableTemplate } from './custom-templates';
import type * as ValidatorsModule from './validators';
import { en } from '../messages/en';
import { templateKey } from '../../core/template/canonical';

const m = en.storage;

export { StorageError, type ImportReport, type RejectedCard, type RejectedTemplate, type SavedCard, type SetAsideRecord, type StorageErrorCode } from './records';
export type { CustomTemplate, TemplateImportResult, UnreadableTemplate } from './custom-templates';

export const DEFAULT_DB_NAME = 'safety-card';
const CARDS = 'cards';
const SET_ASIDE = 'set-aside';
const TEMPLATES = 'templates';

/**
 * The version of the database's shape (its object stores and indexes), not of the records in it: card specs carry
 * their own `specVersion` and are migrated by `list()`.
 *
 * To change the shape: raise DB_VERSION by one and add a step `if (oldVersion < N) { … }` at the end of `upgrade`,
 * using the `tx` it is given (e.g. `tx.objectStore(CARDS).createIndex(…)`). Steps run in order from the version the
 * device has, so every older database reaches the new shape. Never delete or clear a store holding cards in a step:
 * an update of the app must never lose saved cards (move records with a cursor instead). Add a browser test that
 * opens a database made by the previous version.
 */
const DB_VERSION = 2;

function upgrade(db: IDBDatabase, oldVersion: number, _tx: IDBTransaction): void {
  if (oldVersion < 1) {
    db.createObjectStore(CARDS, { keyPath: 'id' });
    db.createObjectStore(SET_ASIDE, { autoIncrement: true });
  }
  if (oldVersion < 2) {
    // Custom templates (version 2): a new store; "cards" and "set-aside" are left as they are.
    db.createObjectStore(TEMPLATES, { keyPath: 'key' });
  }
}

/** What is stored in "set-aside" (the key is the store's). */
interface SetAsideValue {
  original: unknown;
  reason: string;
  setAsideAt: string;
}

export interface CardList {
  /** Every readable card, newest change first. */
  cards: SavedCard[];
  /** Every record that could not be read, oldest first: tell the user, and offer `exportSetAside()`. */
  setAside: SetAsideRecord[];
}

export type PersistenceResult = 'granted' | 'denied' | 'unsupported';

export interface TemplateList {
  /** The custom templates on this device, by id, newest version first. */
  templates: CustomTemplate[];
  /** Stored templates this version cannot read: kept, and exportable with `exportTemplate`. */
  unreadable: UnreadableTemplate[];
}

export interface CardStore {
  readonly dbName: string;
  /** Every card, migrated to the current spec version (and written back so); unreadable records are moved to "set-aside". */
  list(): Promise<CardList>;
  create(name: string, spec: CardSpec): Promise<SavedCard>;
  /** Changes name and/or spec; `updatedAt` moves only when something changed. */
  update(id: string, change: { name?: string; spec?: CardSpec }): Promise<SavedCard>;
  rename(id: string, name: string): Promise<SavedCard>;
  /** A new card with the same spec, named "… (copy)". */
  duplicate(id: string): Promise<SavedCard>;
  /** Deletes a card and returns it (to offer "undo" by `create`). */
  remove(id: string): Promise<SavedCard>;
  /** An export file of every card (see export-format.ts). */
  exportAll(): Promise<string>;
  /** An export file of the set-aside records, as stored, with the reasons. */
  exportSetAside(): Promise<string>;
  /** Deletes one set-aside record (after the user exported it, or chose to drop it). */
  discardSetAside(key: number): Promise<void>;
  /**
   * Merges an export file into the saved cards without loss, with the custom templates it carries (checked like any
   * imported template); a file that is not an export changes nothing.
   */
  importFile(text: string): Promise<ImportReport>;
  /** The custom templates on this device. */
  listTemplates(): Promise<TemplateList>;
  /** Imports a template file; a file with problems (or against the rules of core/template/custom.ts) changes nothing. */
  importTemplate(text: string): Promise<TemplateImportResult>;
  /** The text of a custom template's file, as it was imported. */
  exportTemplate(key: string): Promise<string>;
  /** Deletes a custom template; refused (StorageError 'template-in-use') while saved cards use it. */
  removeTemplate(key: string): Promise<void>;
  /** Deletes the whole database, cards and set-aside records, in one step. The store stays usable (and empty). */
  eraseEverything(): Promise<void>;
  /** Asks the browser not to evict saved cards under storage pressure. */
  requestPersistence(): Promise<PersistenceResult>;
}

const unavailable = () => new StorageError('unavailable', m.unavailable);

/** A StorageError for anything thrown by IndexedDB: the DOMException's name says what happened, never data. */
function storageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const name = error instanceof Error ? error.name : 'Error';
  if (name === 'QuotaExceededError') return new StorageError('quota', m.quota);
  if (name === 'VersionError') return new StorageError('newer-database', m.newerDatabase);
  return new StorageError('failed', m.failed(name));
}

function openDatabase(dbName: string): Promise<IDBDatabase> {
  const factory = globalThis.indexedDB as IDBFactory | undefined;
  if (factory === undefined) return Promise.reject(unavailable());
  return new Promise((resolve, reject) => {
    let req: IDBOpenDBRequest;
    try {
      req = factory.open(dbName, DB_VERSION);
    } catch {
      return reject(unavailable()); // e.g. SecurityError where storage is blocked
    }
    req.onupgradeneeded = (event) => {
      if (req.transaction !== null) upgrade(req.result, event.oldVersion, req.transaction);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => {
      const name = req.error?.name;
      reject(name === 'VersionError' || name === 'QuotaExceededError' ? storageError(req.error) : unavailable());
    };
    // onblocked: another tab holds an older version open; it closes on `versionchange` and the open then goes on.
  });
}

function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Pages served over plain http (not localhost) have no randomUUID; a v4 UUID from getRandomValues is the same thing.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

type Validators = typeof ValidatorsModule;

/** The validators once loaded (one download and one evaluation for every store of the page). */
let validatorsLoaded: Validators | undefined;
let validatorsLoading: Promise<Validators> | undefined;

/** Loads the validators (once); never call it inside a transaction. A failed load is tried again next time. */
async function validators(): Promise<Validators> {
  validatorsLoading ??= import('./validators').then(
    (loaded) => (validatorsLoaded = loaded),
    (error: unknown) => {
      validatorsLoading = undefined;
      throw error;
    },
  );
  try {
    return await validatorsLoading;
  } catch (error) {
    throw storageError(error);
  }
}

/** The readable card stored under `id`, with the raw record (to keep fields this version does not know). */
async function getCard(tx: IDBTransaction, id: string, { readCard }: Validators): Promise<{ raw: object; card: SavedCard }> {
  const raw: unknown = await request(tx.objectStore(CARDS).get(id));
  if (raw === undefined) throw new StorageError('not-found', m.notFound);
  const read = readCard(raw);
  if (!read.ok) throw new StorageError('unreadable', m.unreadable(read.reason));
  return { raw: raw as object, card: read.card };
}

function setAsideRecord(key: IDBValidKey, value: unknown): SetAsideRecord {
  const stored = (typeof value === 'object' && value !== null ? value : {}) as Partial<SetAsideValue>;
  const name = (stored.original as { name?: unknown } | null | undefined)?.name;
  return {
    key: Number(key),
    ...(typeof name === 'string' && nameProblem(name) === undefined ? { name: name.trim() } : {}),
    reason: typeof stored.reason === 'string' ? stored.reason : 'unknown',
    setAsideAt: typeof stored.setAsideAt === 'string' ? stored.setAsideAt : '',
    original: 'original' in stored ? stored.original : value,
  };
}

/** Opens (creating or upgrading if needed) the saved cards of this device. Rejects with a StorageError. */
export async function openCardStore(options: { dbName?: string } = {}): Promise<CardStore> {
  const dbName = options.dbName ?? DEFAULT_DB_NAME;
  let connection: Promise<IDBDatabase> | undefined;

  /** The open connection, reopened after a close. Our connections close when another tab upgrades or erases. */
  function db(): Promise<IDBDatabase> {
    if (connection !== undefined) return connection;
    const opening: Promise<IDBDatabase> = openDatabase(dbName).then(
      (opened) => {
        const forget = () => {
          opened.close();
          if (connection === opening) connection = undefined;
        };
        opened.onversionchange = forget;
        opened.onclose = forget;
        return opened;
      },
      (error: unknown) => {
        if (connection === opening) connection = undefined;
        throw error;
      },
    );
    connection = opening;
    return opening;
  }

  /** Runs `body` in a transaction on `stores`, turning every failure into a StorageError. */
  async function run<T>(stores: string[], mode: IDBTransactionMode, body: (tx: IDBTransaction) => Promise<T>): Promise<T> {
    try {
      return await inTransaction(await db(), stores, mode, body);
    } catch (error) {
      throw storageError(error);
    }
  }

  const now = () => new Date().toISOString();

  /** How many records `storeName` holds, in a read-only transaction of its own. */
  const count = (storeName: string) => run([storeName], 'readonly', (tx) => request(tx.objectStore(storeName).count()));

  /** The validators if already loaded; else loaded when `storeName` holds records, else undefined. */
  async function validatorsFor(storeName: string): Promise<Validators | undefined> {
    if (validatorsLoaded !== undefined) return validatorsLoaded;
    return (await count(storeName)) > 0 ? validators() : undefined;
  }

  async function update(id: string, change: { name?: string; spec?: CardSpec }): Promise<SavedCard> {
    const name = change.name === undefined ? undefined : validName(change.name);
    const v = await validators();
    const spec = change.spec === undefined ? undefined : v.validSpec(change.spec);
    return run([CARDS], 'readwrite', async (tx) => {
      const { raw, card } = await getCard(tx, id, v);
      const next: SavedCard = { ...card, name: name ?? card.name, spec: spec ?? card.spec };
      if (sameContent(next, card)) return card;
      next.updatedAt = now();
      tx.objectStore(CARDS).put({ ...raw, ...next });
      return next;
    });
  }

  /** The custom templates read with `v`; undefined when there are some and no `v` (imported since they were counted). */
  function readTemplates(v: Validators | undefined): Promise<TemplateList | undefined> {
    return run([TEMPLATES], 'readonly', async (tx) => {
      const records: unknown[] = await request(tx.objectStore(TEMPLATES).getAll());
      const list: TemplateList = { templates: [], unreadable: [] };
      if (v === undefined) {
        if (records.length > 0) return undefined;
      } else {
        for (const raw of records) {
          const read = v.readStoredTemplate(raw);
          if (read.ok) list.templates.push(read.entry);
          else list.unreadable.push(read.unreadable);
        }
      }
      list.templates.sort((a, b) => a.template.id.localeCompare(b.template.id) || compareSemver(b.template.version, a.template.version));
      return list;
    });
  }

  /** Loads the validators only if there are templates (counted first); reads again with them if some came meanwhile (another tab). */
  async function listTemplates(): Promise<TemplateList> {
    for (let v = await validatorsFor(TEMPLATES); ; v = await validators()) {
      const listed = await readTemplates(v);
      if (listed !== undefined) return listed;
    }
  }

  /** Every card read with `v` (see `list`); undefined when there are some and no `v` (saved since they were counted). */
  function readCards(v: Validators | undefined): Promise<CardList | undefined> {
    return run([CARDS, SET_ASIDE], 'readwrite', async (tx) => {
      const cardStore = tx.objectStore(CARDS);
      const asideStore = tx.objectStore(SET_ASIDE);
      const [keys, records] = await Promise.all([request(cardStore.getAllKeys()), request(cardStore.getAll())]);
      const cards: SavedCard[] = [];
      if (v === undefined) {
        if (records.length > 0) return undefined; // nothing written yet: the transaction commits empty
      } else {
        records.forEach((raw: unknown, i) => {
          const key = keys[i] as IDBValidKey;
          const read = v.readCard(raw);
          if (!read.ok) {
            // Moved, never dropped: both requests are in this transaction, so either both happen or neither.
            const value: SetAsideValue = { original: raw, reason: read.reason, setAsideAt: now() };
            asideStore.add(value);
            cardStore.delete(key);
          } else {
            if (read.migrated) cardStore.put({ ...(raw as object), spec: read.card.spec });
            cards.push(read.card);
          }
        });
      }
      const [asideKeys, asideValues] = await Promise.all([request(asideStore.getAllKeys()), request(asideStore.getAll())]);
      return { cards: cards.sort(byUpdatedDesc), setAside: asideValues.map((value: unknown, i) => setAsideRecord(asideKeys[i] as IDBValidKey, value)) };
    });
  }

  /** Loads the validators only if there are cards (counted first); reads again with them if some came meanwhile (another tab). */
  async function list(): Promise<CardList> {
    for (let v = await validatorsFor(CARDS); ; v = await validators()) {
      const listed = await readCards(v);
      if (listed !== undefined) return listed;
    }
  }

  const store: CardStore = {
    dbName,
    list,
    async create(name, spec) {
      const time = now();
      const card: SavedCard = { id: newId(), name: validName(name), createdAt: time, updatedAt: time, spec: (await validators()).validSpec(spec) };
      return run([CARDS], 'readwrite', async (tx) => {
        await request(tx.objectStore(CARDS).add(card));
        return card;
      });
    },
    update,
    rename: (id, name) => update(id, { name }),
    async duplicate(id) {
      const v = await validators();
      return run([CARDS], 'readwrite', async (tx) => {
        const { card } = await getCard(tx, id, v);
        const time = now();
        const copy: SavedCard = { id: newId(), name: copyName(card.name), createdAt: time, updatedAt: time, spec: card.spec };
        await request(tx.objectStore(CARDS).add(copy));
        return copy;
      });
    },
    async remove(id) {
      const v = await validators();
      return run([CARDS], 'readwrite', async (tx) => {
        const { card } = await getCard(tx, id, v);
        tx.objectStore(CARDS).delete(id);
        return card;
      });
    },
    async exportAll() {
      const { cards } = await list();
      const used = new Set(cards.map((card) => templateKey(card.spec.template)));
      const { templates } = await listTemplates();
      const carried = templates.filter((entry) => used.has(entry.key)).map((entry) => JSON.parse(entry.text.replace(/^\uFEFF/, '')) as unknown); // valid JSON: read by parseTemplateText, which allows a byte-order mark
      return (await validators()).buildExport(cards, new Date(), carried);
    },
    async exportSetAside() {
      const { setAside } = await list();
      return (await validators()).buildSetAsideExport(setAside, new Date());
    },
    async discardSetAside(key) {
      await run([SET_ASIDE], 'readwrite', async (tx) => {
        tx.objectStore(SET_ASIDE).delete(key);
      });
    },
    async importFile(text) {
      const { parseExport, planImport, readCard, readStoredTemplate, readTemplateFile, planTemplateImport, formatTemplateProblem } = await validators();
      const parsed = parseExport(text); // refuses a file that is not an export before touching the database
      // Templates are read and hashed before the transaction (WebCrypto is asynchronous; a transaction may only wait
      // for its own requests).
      const templateFiles = await Promise.all(
        parsed.templates.map(async (data, index) => {
          const fileText = `${JSON.stringify(data, null, 2)}\n`;
          return { index, text: fileText, read: await readTemplateFile(fileText) };
        }),
      );
      return run([CARDS, TEMPLATES], 'readwrite', async (tx) => {
        const templateStore = tx.objectStore(TEMPLATES);
        const storedTemplates = ((await request(templateStore.getAll())) as unknown[]).flatMap((raw) => {
          const read = readStoredTemplate(raw);
          return read.ok ? [read.entry] : [];
        });
        let templatesAdded = 0;
        const templatesRejected: ImportReport['templatesRejected'] = [];
        for (const file of templateFiles) {
          if (!file.read.ok) {
            templatesRejected.push({ index: file.index, reason: file.read.problems.map(formatTemplateProblem).join('; ') });
            continue;
          }
          const plan = planTemplateImport(file.read, file.text, storedTemplates, now());
          if (!plan.result.ok) templatesRejected.push({ index: file.index, ...(plan.result.key === undefined ? {} : { key: plan.result.key }), reason: plan.result.problems.map(formatTemplateProblem).join('; ') });
          if (plan.record !== undefined) {
            templateStore.add(plan.record);
            storedTemplates.push({ ...plan.record, template: file.read.template });
            templatesAdded++;
          }
        }
        const cardStore = tx.objectStore(CARDS);
        const [keys, records] = await Promise.all([request(cardStore.getAllKeys()), request(cardStore.getAll())]);
        const existing = new Map<string, SavedCard | null>();
        records.forEach((raw: unknown, i) => {
          const key = keys[i];
          if (typeof key !== 'string') return; // other key types never collide with an imported (text) id
          const read = readCard(raw);
          existing.set(key, read.ok ? read.card : null);
        });
        const { toAdd, report } = planImport(existing, parsed, newId);
        // `add`, not `put`: an import never overwrites; if an id were taken meanwhile, the whole import is undone.
        for (const card of toAdd) cardStore.add(card);
        return { ...report, templatesAdded, templatesRejected };
      });
    },
    listTemplates,
    async importTemplate(text) {
      const { readTemplateFile, readStoredTemplate, planTemplateImport } = await validators();
      const read = await readTemplateFile(text);
      if (!read.ok) return { ok: false, problems: read.problems };
      return run([TEMPLATES], 'readwrite', async (tx) => {
        const templateStore = tx.objectStore(TEMPLATES);
        const stored = ((await request(templateStore.getAll())) as unknown[]).flatMap((raw) => {
          const entry = readStoredTemplate(raw);
          return entry.ok ? [entry.entry] : [];
        });
        const plan = planTemplateImport(read, text, stored, now());
        if (plan.record !== undefined) await request(templateStore.add(plan.record));
        return plan.result;
      });
    },
    async exportTemplate(key) {
      return run([TEMPLATES], 'readonly', async (tx) => {
        const raw = (await request(tx.objectStore(TEMPLATES).get(key))) as Partial<StoredTemplateRecord> | undefined;
        if (typeof raw?.text !== 'string') throw new StorageError('template-not-found', m.templateNotFound(key));
        return raw.text;
      });
    },
    async removeTemplate(key) {
      const { readCard } = await validators();
      await run([CARDS, TEMPLATES], 'readwrite', async (tx) => {
        const templateStore = tx.objectStore(TEMPLATES);
        if ((await request(templateStore.getKey(key))) === undefined) throw new StorageError('template-not-found', m.templateNotFound(key));
        const records: unknown[] = await request(tx.objectStore(CARDS).getAll());
        const users = records.flatMap((raw) => {
          const read = readCard(raw);
          return read.ok && templateKey(read.card.spec.template) === key ? [read.card.name] : [];
        });
        if (users.length > 0) throw new StorageError('template-in-use', m.templateInUse(key, users));
        templateStore.delete(key);
      });
    },
    async eraseEverything() {
      const open = connection;
      connection = undefined;
      (await open?.catch(() => undefined))?.close();
      const factory = globalThis.indexedDB as IDBFactory | undefined;
      if (factory === undefined) throw unavailable();
      try {
        await deleteDatabase(factory, dbName);
      } catch (error) {
        throw storageError(error);
      }
    },
    async requestPersistence() {
      const storage = typeof navigator === 'undefined' ? undefined : (navigator.storage as StorageManager | undefined);
      if (typeof storage?.persist !== 'function') return 'unsupported';
      try {
        if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'granted';
        return (await storage.persist()) ? 'granted' : 'denied';
      } catch {
        return 'denied';
      }
    },
  };
  await db(); // surface 'unavailable' now, so the app knows at start whether it can save
  return store;
}
