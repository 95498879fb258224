/**
 * Key path -> line/column in a TOML source text. smol-toml gives positions only for syntax
 * errors, so this scans the text (linear time) and indexes where every table header and key
 * is first defined: `[a.b]` headers, `[[a.b]]` array-table headers, `key = value` lines, dotted
 * keys (`a.b.c = 1` defines `a`, `a.b` and `a.b.c`), quoted keys and keys inside inline tables.
 * Indentation, comments, multi-line strings and multi-line arrays are skipped correctly.
 * Keys inside arrays (inline tables in arrays, array-of-tables items) are indexed without an index.
 * The scanner never throws and always makes progress, whatever the input.
 *
 * The scan is lazy: it runs on the first question asked of the index, not when the index is made.
 * Loading a config asks for positions only to report a problem or when provenance (file:line) is
 * read, so a large file that loads cleanly is never scanned.
 */

import { emptyNode, scanKeys, type KeyNode } from './tomlKeyScanner';

/** A 1-based span in the source text. */
export interface SourcePosition {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Positions of the keys and table headers of one TOML text. */
export interface PositionIndex {
  /** Where `path` is first defined (an explicit header or key wins over an implicit parent). */
  find(path: readonly string[]): SourcePosition | undefined;
  /** Like `find`, but falls back to the nearest defined ancestor of `path`. */
  findNearest(path: readonly string[]): SourcePosition | undefined;
  /** Just the line of `findNearest(path)` (cheaper: no span is computed). */
  lineOf(path: readonly string[]): number | undefined;
  /**
   * Line lookup for the keys of one table: `childLines(path)(key)` is `lineOf([...path, key])`,
   * but walks to the table once (used for every key of every provider table).
   */
  childLines(path: readonly string[]): (key: string) => number | undefined;
}

/**
 * The index of `text`. Nothing is computed until the first lookup, which scans the whole text once;
 * every answer is the same as if the scan had run right away (the text is kept until then).
 */
export function buildPositionIndex(text: string): PositionIndex {
  let index: PositionIndex | undefined;
  const scanned = (): PositionIndex => (index ??= scanPositionIndex(text));
  return {
    find: (path) => scanned().find(path),
    findNearest: (path) => scanned().findNearest(path),
    lineOf: (path) => scanned().lineOf(path),
    childLines: (path) => scanned().childLines(path),
  };
}

/** Scans `text` now, in one pass, and returns its index. */
export function scanPositionIndex(text: string): PositionIndex {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const root: KeyNode = emptyNode();
  try {
    scanKeys(text, root);
  } catch {
    // The index is best effort: a position we cannot find is simply omitted from diagnostics.
  }

  const toPosition = (e: KeyNode): SourcePosition => {
    const a = lineAndColumn(lineStarts, e.start);
    const b = lineAndColumn(lineStarts, Math.max(e.start, e.end));
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  };
  /** The node of `path` (if any) and its deepest ancestor-or-self that is defined. */
  const walk = (path: readonly string[]): { node?: KeyNode; best?: KeyNode } => {
    let node: KeyNode | undefined = root;
    let best: KeyNode | undefined;
    for (let i = 0; i < path.length; i++) {
      node = node.children?.[path[i]];
      if (!node) return { best };
      if (node.start >= 0) best = node;
    }
    return { node, best };
  };
  const lookup = (path: readonly string[], nearest: boolean): KeyNode | undefined => {
    const { node, best } = walk(path);
    return nearest ? best : node && node.start >= 0 ? node : undefined;
  };
  const lineOfEntry = (e: KeyNode): number => (e.line ??= lineAndColumn(lineStarts, e.start).line);
  return {
    find(path) {
      const e = lookup(path, false);
      return e ? toPosition(e) : undefined;
    },
    findNearest(path) {
      const e = lookup(path, true);
      return e ? toPosition(e) : undefined;
    },
    lineOf(path) {
      const e = lookup(path, true);
      return e ? lineOfEntry(e) : undefined;
    },
    childLines(path) {
      const { node, best } = walk(path);
      return (key) => {
        const c = node?.children?.[key];
        const e = c && c.start >= 0 ? c : best;
        return e ? lineOfEntry(e) : undefined;
      };
    },
  };
}

function lineAndColumn(lineStarts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lineStarts[lo] + 1 };
}
