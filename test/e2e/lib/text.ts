/** Small text helpers shared by the page objects. */

/** Escapes a string for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A RegExp matching exactly `text` (surrounding whitespace allowed). */
export function exactly(text: string): RegExp {
  return new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`);
}

/** Matches a label either exactly (string) or by pattern (RegExp). */
export function matches(actual: string, expected: string | RegExp): boolean {
  return typeof expected === 'string' ? actual.trim() === expected : expected.test(actual);
}

/** Collapses the non-breaking spaces and runs of whitespace the workbench renders. */
export function normalizeSpace(text: string): string {
  return text.replace(/\u00a0/g, ' ').replace(/[ \t]+/g, ' ').trim();
}

/** Polls `read` until `accept` holds or `timeoutMs` passes; returns the last value read. */
export async function pollUntil<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs: number, what: string, describe: (value: T) => string = (v) => JSON.stringify(v)): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs} ms; last seen: ${describe(last).slice(0, 600)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    last = await read();
  }
  return last;
}
