/**
 * Runs `run` once the browser is idle, or after `timeoutMs` at the latest; where there is no requestIdleCallback
 * (Safari), after a short timer. Returns what cancels it. For work the first screen does not need.
 */
export function whenIdle(run: () => void, timeoutMs: number): () => void {
  if ('requestIdleCallback' in window) {
    const handle = window.requestIdleCallback(() => run(), { timeout: timeoutMs });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = setTimeout(run, 200);
  return () => clearTimeout(handle);
}
