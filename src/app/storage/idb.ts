/** Small promise helpers over the platform's IndexedDB API (no library). */

/** The result of a request, or its error. */
export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new DOMException('The request failed', 'UnknownError'));
  });
}

/** Settles when the transaction commits (resolves) or aborts (rejects with the first error). */
export function transactionDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = (event) => reject((event.target as IDBRequest | null)?.error ?? tx.error ?? new DOMException('The transaction failed', 'UnknownError'));
    tx.onabort = () => reject(tx.error ?? new DOMException('The transaction was aborted', 'AbortError'));
  });
}

/**
 * Runs `body` in one transaction and resolves with its result once the transaction has committed. If `body` throws,
 * the transaction is aborted, so nothing it wrote is kept. `body` may await requests of `tx` only (anything else
 * lets the transaction commit early).
 */
export async function inTransaction<T>(db: IDBDatabase, stores: string[], mode: IDBTransactionMode, body: (tx: IDBTransaction) => Promise<T>): Promise<T> {
  const tx = db.transaction(stores, mode);
  const done = transactionDone(tx);
  done.catch(() => undefined); // awaited below; this only keeps an early abort from counting as unhandled
  try {
    const result = await body(tx);
    await done;
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // already committed or aborted
    }
    throw error;
  }
}

/** Deletes a whole database. Waits while another tab keeps it open (ours close when asked: see card-store.ts). */
export function deleteDatabase(factory: IDBFactory, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = factory.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new DOMException('The database could not be deleted', 'UnknownError'));
  });
}
