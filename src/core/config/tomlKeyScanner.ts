/**
 * The single-pass TOML key scanner behind `buildPositionIndex` (locate.ts): walks the source text
 * and records, in a trie of key segments, the offsets where each table header and key is first
 * defined. It only runs on text smol-toml has accepted, but it never throws or loops on any input.
 */

/**
 * A trie over key segments; a node is also where its key or header is first defined. Children live
 * in a plain object whose prototype has no prototype: no inherited keys (`constructor`,
 * `__proto__` are ordinary keys there), yet, unlike `Object.create(null)`, the object starts with
 * fast properties, so the many tables with the same keys share one compact shape.
 */
export interface KeyNode {
  /** Offset where the key or header is first defined; -1 when it is not (a key only inside an array). */
  start: number;
  /** Offset where its definition ends (exclusive). */
  end: number;
  /** Defined by a header or a `key = value` of its own, not only as the parent of another key. */
  explicit: boolean;
  /** Cached 1-based line of `start`. */
  line: number | undefined;
  children: Record<string, KeyNode> | undefined;
}

/** A node with nothing recorded yet (every node has the same shape). */
export function emptyNode(): KeyNode {
  return { start: -1, end: -1, explicit: false, line: undefined, children: undefined };
}

const MAX_DEPTH = 1100;
const ESCAPES: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', e: '\u001b', '"': '"', '\\': '\\' };

/** The prototype of every children object: empty, itself without a prototype. */
const NO_KEYS: object = Object.freeze(Object.create(null) as object);

function child(node: KeyNode, key: string): KeyNode {
  const children = (node.children ??= Object.create(NO_KEYS) as Record<string, KeyNode>);
  return (children[key] ??= emptyNode());
}

/** Scans `text` and records every header and key under `root`. */
export function scanKeys(text: string, root: KeyNode): void {
  new Scanner(text, root).run();
}

/** Characters that end a bare key. */
function endsBareKey(c: number): boolean {
  // whitespace, = . [ ] " ' # , { }
  return c <= 32 || c === 61 || c === 46 || c === 91 || c === 93 || c === 34 || c === 39 || c === 35 || c === 44 || c === 123 || c === 125;
}

class Scanner {
  private i = 0;
  /**
   * The dotted key `parseKey` read last: trie node of each prefix under the base node, and the
   * offset where each segment ends. Reused for every key (a file has tens of thousands), so a
   * caller takes what it needs before reading another key.
   */
  private readonly keyNodes: KeyNode[] = [];
  private readonly keyEnds: number[] = [];
  private keyStart = 0;

  constructor(
    private readonly s: string,
    private readonly root: KeyNode,
  ) {}

  run(): void {
    const s = this.s;
    let table: KeyNode = this.root;
    while (this.i < s.length) {
      this.skipBlank();
      if (this.i >= s.length) break;
      const before = this.i;
      if (s.charCodeAt(this.i) === 91 /* [ */) {
        const start = this.i;
        const isArray = s.charCodeAt(this.i + 1) === 91;
        this.i += isArray ? 2 : 1;
        const n = this.parseKey(this.root);
        this.skipSpaces();
        if (s[this.i] === ']') this.i++;
        if (isArray && s[this.i] === ']') this.i++;
        if (n > 0) {
          for (let k = 0; k < n - 1; k++) this.record(this.keyNodes[k], start, this.i, false);
          table = this.keyNodes[n - 1];
          this.record(table, start, this.i, true);
        }
      } else {
        this.parseKeyValue(table, 0);
      }
      this.skipLineRest();
      if (this.i === before) this.i++;
    }
  }

  private record(node: KeyNode, start: number, end: number, explicit: boolean): void {
    if (node.start >= 0 && (node.explicit || !explicit)) return;
    node.start = start;
    node.end = end;
    node.explicit = explicit;
  }

  /** Spaces and tabs. */
  private skipSpaces(): void {
    const s = this.s;
    let c = s.charCodeAt(this.i);
    while (c === 32 || c === 9) c = s.charCodeAt(++this.i);
  }

  /** Whitespace, newlines and comments. */
  private skipBlank(): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c === 32 || c === 9 || c === 13 || c === 10) this.i++;
      else if (c === 35 /* # */) this.skipComment();
      else break;
    }
  }

  private skipComment(): void {
    const nl = this.s.indexOf('\n', this.i);
    this.i = nl < 0 ? this.s.length : nl;
  }

  /** Everything up to and including the end of the current line. */
  private skipLineRest(): void {
    const nl = this.s.indexOf('\n', this.i);
    this.i = nl < 0 ? this.s.length : nl + 1;
  }

  /** Reads a dotted key into `keyNodes`/`keyEnds` (trie nodes under `base`); returns its segment count. */
  private parseKey(base: KeyNode): number {
    this.skipSpaces();
    this.keyStart = this.i;
    let n = 0;
    let node = base;
    for (;;) {
      this.skipSpaces();
      const seg = this.parseSimpleKey();
      if (seg === undefined) break;
      node = child(node, seg);
      this.keyNodes[n] = node;
      this.keyEnds[n] = this.i;
      n++;
      this.skipSpaces();
      if (this.s.charCodeAt(this.i) !== 46 /* . */) break;
      this.i++;
    }
    return n;
  }

  private parseSimpleKey(): string | undefined {
    const s = this.s;
    const c = s.charCodeAt(this.i);
    if (c === 34 /* " */) return this.readBasicString();
    if (c === 39 /* ' */) return this.readLiteralString();
    const start = this.i;
    while (this.i < s.length && !endsBareKey(s.charCodeAt(this.i))) this.i++;
    return this.i > start ? s.slice(start, this.i) : undefined;
  }

  /** A single-line literal string starting at `'`. */
  private readLiteralString(): string {
    const s = this.s;
    const close = s.indexOf("'", this.i + 1);
    const nl = s.indexOf('\n', this.i + 1);
    const end = close < 0 || (nl >= 0 && nl < close) ? (nl < 0 ? s.length : nl) : close;
    const value = s.slice(this.i + 1, end);
    this.i = end < s.length && s[end] === "'" ? end + 1 : end;
    return value;
  }

  /** A single-line basic string starting at `"`, unescaped. */
  private readBasicString(): string {
    const s = this.s;
    this.i++;
    const start = this.i;
    // Fast path: no escapes.
    for (;;) {
      const c = s.charCodeAt(this.i);
      if (c === 34) {
        this.i++;
        return s.slice(start, this.i - 1);
      }
      if (c === 92 || c === 10 || Number.isNaN(c)) break;
      this.i++;
    }
    let out = s.slice(start, this.i);
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === '"') {
        this.i++;
        break;
      }
      if (c === '\n') break;
      if (c === '\\') {
        const e = s[this.i + 1];
        if (e === 'u' || e === 'U' || e === 'x') {
          const len = e === 'u' ? 4 : e === 'U' ? 8 : 2;
          const code = parseInt(s.slice(this.i + 2, this.i + 2 + len), 16);
          out += Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
          this.i += 2 + len;
          continue;
        }
        out += ESCAPES[e] ?? e ?? '';
        this.i += 2;
        continue;
      }
      out += c;
      this.i++;
    }
    return out;
  }

  /** Skips a single-line basic string value without building it. */
  private skipBasicString(): void {
    const s = this.s;
    this.i++;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c === 92) this.i += 2;
      else if (c === 34) {
        this.i++;
        return;
      } else if (c === 10) return;
      else this.i++;
    }
  }

  /** `key = value`; records the key under `base` (null: inside an array, not indexed). */
  private parseKeyValue(base: KeyNode | null, depth: number): void {
    // Keys inside arrays go to a throwaway node, so nothing is indexed for them.
    const n = this.parseKey(base ?? emptyNode());
    if (n === 0) return;
    const last = this.keyNodes[n - 1];
    if (base !== null) {
      for (let k = 0; k < n; k++) this.record(this.keyNodes[k], this.keyStart, this.keyEnds[k], k === n - 1);
    }
    this.skipSpaces();
    if (this.s.charCodeAt(this.i) !== 61 /* = */) return;
    this.i++;
    this.skipSpaces();
    // The value may hold keys of its own (an inline table): `keyNodes` is reused from here on.
    this.skipValue(base === null ? null : last, depth + 1);
  }

  private skipValue(node: KeyNode | null, depth: number): void {
    const s = this.s;
    if (depth > MAX_DEPTH) {
      this.i = s.length;
      return;
    }
    const c = s.charCodeAt(this.i);
    if (c === 34 || c === 39) {
      if (s.charCodeAt(this.i + 1) === c && s.charCodeAt(this.i + 2) === c) this.skipMultiline(s.slice(this.i, this.i + 3));
      else if (c === 34) this.skipBasicString();
      else this.readLiteralString();
    } else if (c === 91 /* [ */) {
      this.i++;
      while (this.i < s.length) {
        this.skipBlank();
        if (s.charCodeAt(this.i) === 93) {
          this.i++;
          return;
        }
        const before = this.i;
        if (s.charCodeAt(this.i) === 44) this.i++;
        else this.skipValue(null, depth + 1);
        if (this.i === before) this.i++;
      }
    } else if (c === 123 /* { */) {
      this.i++;
      while (this.i < s.length) {
        this.skipBlank();
        if (s.charCodeAt(this.i) === 125) {
          this.i++;
          return;
        }
        const before = this.i;
        if (s.charCodeAt(this.i) === 44) this.i++;
        else this.parseKeyValue(node, depth + 1);
        if (this.i === before) this.i++;
      }
    } else {
      // A scalar: up to , ] } newline or comment.
      for (let ch = s.charCodeAt(this.i); this.i < s.length && ch !== 44 && ch !== 93 && ch !== 125 && ch !== 10 && ch !== 35; ch = s.charCodeAt(++this.i));
    }
  }

  private skipMultiline(delimiter: string): void {
    const s = this.s;
    const escapes = delimiter === '"""';
    this.i += 3;
    while (this.i < s.length) {
      if (escapes && s.charCodeAt(this.i) === 92) {
        this.i += 2;
        continue;
      }
      if (s.startsWith(delimiter, this.i)) {
        this.i += 3;
        // Up to two quotes may sit right before the closing delimiter.
        for (let k = 0; k < 2 && s[this.i] === delimiter[0]; k++) this.i++;
        return;
      }
      this.i++;
    }
  }
}
