/**
 * `ResolvedConfig.fieldSources`, computed when first read, one provider at a time. Provenance
 * gives the file line of every field, which needs a scan of the file's text; most loads never ask
 * (the UI explains one provider at a time), so a 2,000-provider file is not scanned, nor its
 * provenance built, just to be loaded.
 *
 * A lazy property is an own, enumerable accessor until it is read, then a plain data property, so
 * `Object.keys`, `JSON.stringify`, spreading and deep equality see what an eagerly built object
 * would hold. Assigning the property replaces it.
 */
import type { Sourced } from './resolvedConfig';

/** Provenance of every provider: provider id -> field -> source. */
export type FieldSourcesRecord = Record<string, Record<string, Sourced<unknown>>>;

/** Makes `target[key]` (existing keys keep their place) the result of `compute()`, run on first read. */
export function defineLazyProperty<T extends object, K extends keyof T & string>(target: T, key: K, compute: () => T[K]): void {
  const settle = (value: T[K]): void => {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  };
  Object.defineProperty(target, key, {
    get() {
      const value = compute();
      settle(value);
      return value;
    },
    set: settle,
    enumerable: true,
    configurable: true,
  });
}

/**
 * A record with an entry per id, in `ids` order; `compute(id)` runs on first read of that entry.
 * Making it costs a few microseconds per id, so it is itself made only when first needed.
 */
export function lazySourcesRecord(ids: readonly string[], compute: (id: string) => Record<string, Sourced<unknown>>): FieldSourcesRecord {
  const record: FieldSourcesRecord = {};
  for (const id of ids) defineLazyProperty(record, id, () => compute(id));
  return record;
}
