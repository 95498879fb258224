/**
 * A `line` property computed on first read. Provenance records (`Sourced.line`) and providers
 * (`ProviderInfo.line`) point at the line of a config file that set them; finding that line means
 * scanning the file's text (locate.ts). With a lazy line the scan happens only when someone reads
 * a line, not on every load. The property is an own, enumerable accessor until it is read, then a
 * plain data property: `Object.keys`, spreading, `JSON.stringify`, `structuredClone` and deep
 * equality see the same object as if the line had been computed right away (a line that cannot be
 * found is removed on first read, as it was never set before).
 */

/** Objects with an optional `line`. */
export interface HasLine {
  line?: number;
}

type Resolve = () => number | undefined;

/** Objects whose line is not computed yet, with how to compute it. */
const PENDING = new WeakMap<object, Resolve>();

function settle(target: HasLine, line: number | undefined): void {
  try {
    if (line === undefined) delete target.line;
    else Object.defineProperty(target, 'line', { value: line, writable: true, enumerable: true, configurable: true });
    PENDING.delete(target);
  } catch {
    // A frozen object keeps its accessor; remember the answer instead of recomputing it.
    PENDING.set(target, () => line);
  }
}

function getLine(this: HasLine): number | undefined {
  const resolve = PENDING.get(this);
  if (!resolve) return undefined;
  const line = resolve();
  settle(this, line);
  return line;
}

function setLine(this: HasLine, line: number | undefined): void {
  settle(this, line);
}

/** One shared descriptor: objects of the same shape keep sharing their hidden class. */
const LAZY_LINE: PropertyDescriptor = { get: getLine, set: setLine, enumerable: true, configurable: true };

/** Gives `target` a `line` that `resolve` computes on first read (once). */
export function setLazyLine(target: HasLine, resolve: Resolve): void {
  PENDING.set(target, resolve);
  Object.defineProperty(target, 'line', LAZY_LINE);
}

/** Whether `target.line` is still waiting to be computed (for tests). */
export function isLinePending(target: object): boolean {
  return PENDING.has(target) && Object.getOwnPropertyDescriptor(target, 'line')?.get === getLine;
}

/**
 * Copies `from.line` to `to`, keeping it lazy when it has not been computed yet. Call it where
 * `to.line = from.line` would go, so the keys keep their order.
 */
export function copyLine(from: HasLine, to: HasLine): void {
  const resolve = PENDING.get(from);
  if (resolve && isLinePending(from)) setLazyLine(to, resolve);
  else if (from.line !== undefined) to.line = from.line;
}
