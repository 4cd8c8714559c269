/**
 * Where there is no IndexedDB (Node here; private browsing in some browsers), opening the store fails with a
 * StorageError the app can show, and nothing else breaks. The store itself is tested in tests/browser/storage.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { openCardStore, StorageError } from '../../../src/app/storage/card-store';

describe('openCardStore without IndexedDB', () => {
  it('rejects with a StorageError saying saved cards are not available in this browser mode', async () => {
    expect(typeof indexedDB).toBe('undefined');
    const error: unknown = await openCardStore().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/^Saved cards are not available in this browser mode .* You can still make, print and export cards/) });
  });
});
