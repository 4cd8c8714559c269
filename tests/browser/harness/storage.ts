/**
 * Test harness page: the app's card store (src/app/storage/card-store.ts) over this browser's real IndexedDB.
 * tests/browser/storage.test.ts calls these through page.evaluate; every test uses its own database name.
 */
import { openCardStore, StorageError, type CardStore } from '../../../src/app/storage/card-store';

/** A call's outcome, as plain data that crosses page.evaluate. */
export type Outcome = { ok: true; value: unknown } | { ok: false; name: string; code?: string; message: string };
type Method = Exclude<keyof CardStore, 'dbName'>;

declare global {
  interface Window {
    /** Opens the store of `dbName` once (per page load) and calls `method` on it. */
    storeCall: (dbName: string, method: Method, ...args: unknown[]) => Promise<Outcome>;
    /** Writes `value` straight into an object store with raw IndexedDB, as a bug or another program might. */
    rawPut: (dbName: string, storeName: string, value: unknown) => Promise<void>;
    /** Every value of an object store, read with raw IndexedDB. */
    rawGetAll: (dbName: string, storeName: string) => Promise<unknown[]>;
    /** The names of this origin's databases. */
    databaseNames: () => Promise<string[]>;
    /** Opens a store while IndexedDB.open throws `errorName`, as it does where storage is blocked. */
    openWhileBlocked: (dbName: string, errorName: string) => Promise<Outcome>;
    /**
     * Creates `dbName` as database version 1 did (before custom templates: "cards" and "set-aside" only), with raw
     * IndexedDB, holding `cards` and `setAside` records.
     */
    createVersion1: (dbName: string, cards: unknown[], setAside: unknown[]) => Promise<void>;
    /** The database's version and object store names, read with raw IndexedDB. */
    databaseShape: (dbName: string) => Promise<{ version: number; stores: string[] }>;
  }
}

const stores = new Map<string, CardStore>();

function failure(error: unknown): Outcome {
  if (error instanceof StorageError) return { ok: false, name: error.name, code: error.code, message: error.message };
  return { ok: false, name: error instanceof Error ? error.name : 'unknown', message: error instanceof Error ? error.message : String(error) };
}

window.storeCall = async (dbName, method, ...args) => {
  try {
    let store = stores.get(dbName);
    if (store === undefined) {
      store = await openCardStore({ dbName });
      stores.set(dbName, store);
    }
    const call = store[method] as (...callArgs: unknown[]) => unknown;
    return { ok: true, value: await call(...args) };
  } catch (error) {
    return failure(error);
  }
};

/** Opens `dbName` at its current version with raw IndexedDB, runs `body` in a transaction on `storeName`, closes. */
function raw<T>(dbName: string, storeName: string, mode: IDBTransactionMode, body: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(dbName);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(storeName, mode);
      const req = body(tx.objectStore(storeName));
      tx.oncomplete = () => {
        db.close();
        resolve(req.result);
      };
      tx.onabort = () => {
        db.close();
        reject(tx.error);
      };
    };
  });
}

window.rawPut = async (dbName, storeName, value) => {
  await raw(dbName, storeName, 'readwrite', (store) => store.put(value));
};
window.rawGetAll = (dbName, storeName) => raw(dbName, storeName, 'readonly', (store) => store.getAll());
window.databaseNames = async () => (await indexedDB.databases()).flatMap((info) => (info.name === undefined ? [] : [info.name]));

window.openWhileBlocked = async (dbName, errorName) => {
  const open = Object.getOwnPropertyDescriptor(IDBFactory.prototype, 'open');
  Object.defineProperty(IDBFactory.prototype, 'open', {
    configurable: true,
    value: () => {
      throw new DOMException('The operation is insecure.', errorName);
    },
  });
  try {
    await openCardStore({ dbName });
    return { ok: true, value: 'opened' };
  } catch (error) {
    return failure(error);
  } finally {
    if (open !== undefined) Object.defineProperty(IDBFactory.prototype, 'open', open);
  }
};

window.createVersion1 = (dbName, cards, setAside) =>
  new Promise((resolve, reject) => {
    const open = indexedDB.open(dbName, 1);
    open.onupgradeneeded = () => {
      open.result.createObjectStore('cards', { keyPath: 'id' });
      open.result.createObjectStore('set-aside', { autoIncrement: true });
    };
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['cards', 'set-aside'], 'readwrite');
      for (const card of cards) tx.objectStore('cards').put(card);
      for (const record of setAside) tx.objectStore('set-aside').add(record);
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onabort = () => {
        db.close();
        reject(tx.error);
      };
    };
  });

window.databaseShape = (dbName) =>
  new Promise((resolve, reject) => {
    const open = indexedDB.open(dbName);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const shape = { version: db.version, stores: [...db.objectStoreNames].sort() };
      db.close();
      resolve(shape);
    };
  });

document.body.dataset.ready = 'true';
