/**
 * How long to wait before a retry: exponential backoff with jitter, or what the server asked for
 * with `Retry-After` (seconds or an HTTP date) / `retry-after-ms` (OpenAI, Azure).
 */

/** First backoff delay. */
export const BASE_BACKOFF_MS = 250;
/** Longest backoff delay. */
export const MAX_BACKOFF_MS = 20_000;
/**
 * Longest `Retry-After` we wait for. A server asking for more (an exhausted quota says "come back
 * in an hour") gets a clear error instead of a frozen UI.
 */
export const MAX_RETRY_AFTER_MS = 60_000;

/** Backoff before retry number `retry` (1-based): 250 ms, 500 ms, 1 s... ±20 % jitter, capped. */
export function backoffMs(retry: number, random: () => number = Math.random): number {
  const exp = BASE_BACKOFF_MS * 2 ** Math.max(0, retry - 1);
  const jitter = 0.8 + random() * 0.4;
  return Math.round(Math.min(MAX_BACKOFF_MS, exp * jitter));
}

/**
 * The delay a response asks for, in ms, or undefined when it does not say. `now` is for HTTP
 * dates. Negative or unparseable values count as "not said"; a past date means "now" (0).
 */
export function retryAfterMs(headers: Headers, now: number): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && /^\s*\d+(\.\d+)?\s*$/.test(ms)) return Math.round(Number(ms));
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  if (!/[a-z]/i.test(trimmed)) return undefined; // not seconds, not an HTTP date
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** "1.5 s", "250 ms", "2 min" for messages. */
export function formatDelay(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${Math.round(ms / 100) / 10} s`;
  return `${Math.round(ms / 60_000)} min`;
}
