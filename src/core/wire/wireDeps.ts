/**
 * What the wire layer needs from the outside world. The composition roots (extension, CLI) pass
 * the real things; tests pass fakes (a fast clock, a local fetch).
 */
import type { Clock, Env, FetchLike, Logger } from '../ports';
import type { CredentialResolver } from '../providers/credential';

/** Reads a text file (CA certificates). Core has no fs; the composition roots pass one. */
export type ReadTextFile = (path: string) => Promise<string>;

/** Dependencies of `createModelClient` and `listModels`. */
export interface WireDeps {
  credentials: CredentialResolver;
  env: Env;
  /**
   * Transport override. When absent, each provider gets `createFetch(provider, env, readFile)`:
   * undici with proxy and extra CA support.
   */
  fetch?: FetchLike;
  logger?: Logger;
  /** For backoff sleeps between retries (tests pass a fast one). Defaults to real time. */
  clock?: Clock;
  /** Reads CA certificate files (`caCertificate`, `CODEX_CA_CERTIFICATE`, `NODE_EXTRA_CA_CERTS`). */
  readFile?: ReadTextFile;
}

/** The real clock: `Date.now` and an abortable `setTimeout` sleep. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(abortError(signal));
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortError(signal!));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

function abortError(signal: AbortSignal): Error {
  if (signal.reason instanceof Error) return signal.reason;
  const error = new Error('Cancelled.');
  error.name = 'AbortError';
  return error;
}
