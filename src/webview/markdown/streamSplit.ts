/**
 * Where a streamed markdown text can be cut into "finished blocks" (rendered once, never touched
 * again) and a "tail" (re-rendered as deltas arrive), such that rendering the two parts separately
 * gives exactly the HTML of rendering the whole.
 *
 * markdown-it's block parser is line-based and never reopens a closed top-level block, so once a
 * new top-level block has started, everything before it is final. Two caveats make us wait:
 * the line that starts the new block must be complete (a partial line such as `#x` can still turn
 * out to be paragraph text), and so must the line after it (a table header only becomes a table,
 * interrupting the paragraph above, once its delimiter row `| --- |` is there).
 * Link reference definitions are the one non-local construct; the caller re-renders at the end
 * when any were defined.
 */
import type { Token } from 'markdown-it';

/** A cut: `textOffset` into the parsed text and the index of the first tail token. */
export interface StableBoundary {
  textOffset: number;
  tokenIndex: number;
}

/** Offset of the start of 0-based `line` in `text` (`text.length` if there are fewer lines). */
function lineOffset(text: string, line: number): number {
  let offset = 0;
  for (let i = 0; i < line; i++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return offset;
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/**
 * Finds the last safe cut in `text`, given `tokens = md.parse(text)`. Returns `undefined` when
 * nothing before the last block is final yet.
 */
export function findStableBoundary(tokens: readonly Token[], text: string): StableBoundary | undefined {
  const completeLines = countNewlines(text);
  for (let i = tokens.length - 1; i > 0; i--) {
    const token = tokens[i];
    if (token.level !== 0 || token.nesting === -1 || !token.map) continue;
    const startLine = token.map[0];
    if (startLine + 1 >= completeLines) continue;
    // tokens[0] always opens a top-level block, so there is something before this one to commit.
    return { textOffset: lineOffset(text, startLine), tokenIndex: i };
  }
  return undefined;
}

/** Normalizes line breaks as markdown-it does, carrying a trailing `\r` that may pair with the next chunk. */
export class NewlineNormalizer {
  private carry = false;

  /** The normalized form of `chunk`; a final `\r` is held back until the next call or `end()`. */
  push(chunk: string): string {
    let text = (this.carry ? '\r' : '') + chunk;
    this.carry = text.endsWith('\r');
    if (this.carry) text = text.slice(0, -1);
    return text.replace(/\r\n?/g, '\n');
  }

  /** Whatever is still held back. */
  end(): string {
    const rest = this.carry ? '\n' : '';
    this.carry = false;
    return rest;
  }
}

/**
 * Index of the last token when it is a top-level code fence that is still open (no closing
 * marker yet) at the end of `text`, else -1.
 */
export function openFenceIndex(tokens: readonly Token[], text: string): number {
  const index = tokens.length - 1;
  const token = tokens[index];
  if (!token || token.type !== 'fence' || token.level !== 0 || !token.map) return -1;
  const [start, end] = token.map;
  if (end - 1 <= start) return index;
  const closingLine = text.slice(lineOffset(text, end - 1)).split('\n', 1)[0];
  const marker = token.markup[0];
  const closing = new RegExp(`^ {0,3}\\${marker}{${token.markup.length},}[ \\t]*$`);
  return closing.test(closingLine) ? -1 : index;
}
