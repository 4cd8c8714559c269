/** "Ready to work offline" and "A new version is ready — Reload", from the service worker via workbox-window. */
import { useEffect } from 'preact/hooks';
import { useRegisterSW } from 'virtual:pwa-register/preact';
import type { Messages } from './messages/en';

export function UpdatePrompt({ t }: { t: Messages }) {
  const {
    offlineReady: [offlineReady, setOfflineReady],
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW();

  // "Ready to work offline" is news, not a question: it goes away by itself. The update prompt waits for the user.
  useEffect(() => {
    if (!offlineReady || needRefresh) return;
    const timer = setTimeout(() => setOfflineReady(false), 8000);
    return () => clearTimeout(timer);
  }, [offlineReady, needRefresh, setOfflineReady]);

  if (!offlineReady && !needRefresh) return null;
  return (
    <div class="toast" role="status">
      <p>{needRefresh ? t.updateReady : t.offlineReady}</p>
      {needRefresh && (
        <button type="button" onClick={() => void updateServiceWorker(true)}>
          {t.reload}
        </button>
      )}
      <button type="button" class="secondary" onClick={() => { setOfflineReady(false); setNeedRefresh(false); }}>
        {t.dismiss}
      </button>
    </div>
  );
}
