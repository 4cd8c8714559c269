/**
 * Opening a share link: when the address has a `#s=…` fragment (at start, or pasted into the address bar later), it is
 * removed from the address bar and this page's history entry at once, then decoded (lazily: the decoder brings the
 * spec schema) and the setup handed to `load` as a new, unsaved card. A bad link leaves everything as it was and
 * says why.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { CardSpec } from '../../core/spec/schema';
import { today } from '../editor';
import type { BundledTemplate } from '../engine/templates';
import type { Messages } from '../messages/en';

/** `SHARE_LINK.prefix` of src/core/share-link.ts, after "#": inlined so that the first download does not bring the decoder. */
const SHARE_HASH_PREFIX = '#s=';

export type SharedSetupNotice = { kind: 'loaded'; text: string } | { kind: 'problem'; text: string };

/** The share fragment of the address, if it has one, taken out of the address bar and the history entry. */
function takeShareFragment(): string | undefined {
  const hash = window.location.hash;
  if (!hash.startsWith(SHARE_HASH_PREFIX)) return undefined;
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  return hash;
}

/**
 * @param templates the app's templates (bundled and custom), undefined while loading: links wait for them.
 * @param load puts a decoded setup into the editor as a new card.
 */
export function useSharedSetup(t: Messages, templates: readonly BundledTemplate[] | undefined, load: (spec: CardSpec) => void) {
  const [notice, setNotice] = useState<SharedSetupNotice | undefined>(undefined);
  const [pending, setPending] = useState<string | undefined>(undefined);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const take = () => {
      const hash = takeShareFragment();
      if (hash !== undefined) setPending(hash);
    };
    take();
    window.addEventListener('hashchange', take);
    return () => window.removeEventListener('hashchange', take);
  }, []);

  useEffect(() => {
    if (pending === undefined || templates === undefined) return;
    setPending(undefined);
    void import('./link')
      .then(({ openShareFragment }) => openShareFragment(pending, templates, today()))
      .then(
        ({ spec, includesPersonal }) => {
          loadRef.current(spec);
          setNotice({ kind: 'loaded', text: includesPersonal ? t.shareSetup.loadedPersonal : t.shareSetup.loaded });
        },
        (error: unknown) => setNotice({ kind: 'problem', text: error instanceof Error ? error.message : String(error) }),
      );
  }, [pending, templates, t]);

  const dismiss = useCallback(() => setNotice(undefined), []);
  return { notice, dismiss };
}
