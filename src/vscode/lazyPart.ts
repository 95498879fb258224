/**
 * A part of the extension loaded on first use: `lazyPart(() => import('./x').then(...))` runs the
 * load once; every caller gets the same promise (a failed load stays failed).
 */

/** `load` run at most once: every call returns the same promise. */
export function lazyPart<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}
