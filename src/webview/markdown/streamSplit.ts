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
 * After a blank line neither caveat applies (a blank line ends the block above whatever follows),
 * except after a list, which a later item can still join (and make loose): so while a paragraph
 * streams on its one long line, the blocks above it are already final.
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
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i];
    if (token.level !== 0 || token.nesting === -1 || !token.map) continue;
    // A code fence whose closing line is complete can never change again (nothing after a closed
    // fence reaches back into it), so it is final at once: a long listing is not re-highlighted
    // on every frame until the next block starts.
    if (token.type === 'fence' && token.map[1] <= completeLines && isClosedFence(token, text)) {
      return { textOffset: lineOffset(text, token.map[1]), tokenIndex: i + 1 };
    }
    if (i === 0) break;
    const startLine = token.map[0];
    const startOffset = lineOffset(text, startLine);
    if (startLine + 1 >= completeLines && !(afterBlankLine(text, startOffset) && !LIST_OPENERS.has(previousBlock(tokens, i)?.type ?? ''))) continue;
    // tokens[0] always opens a top-level block, so there is something before this one to commit.
    return { textOffset: startOffset, tokenIndex: i };
  }
  return undefined;
}

const LIST_OPENERS = new Set(['bullet_list_open', 'ordered_list_open']);

/** Whether the line before the one starting at `offset` is blank (spaces or tabs only). */
function afterBlankLine(text: string, offset: number): boolean {
  if (offset < 2) return false;
  const start = text.lastIndexOf('\n', offset - 2) + 1;
  return /^[ \t]*$/.test(text.slice(start, offset - 1));
}

/** The opening token of the top-level block before `tokens[index]`. */
function previousBlock(tokens: readonly Token[], index: number): Token | undefined {
  let depth = 0;
  for (let i = index - 1; i >= 0; i--) {
    const token = tokens[i];
    if (token.level !== 0) continue;
    if (token.nesting === -1) depth++;
    else if (token.nesting === 1) depth--;
    if (depth <= 0) return token;
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
  return isClosedFence(token, text) ? -1 : index;
}

/** Whether the fence `token` (parsed from `text`) ends with its closing marker line. */
function isClosedFence(token: Token, text: string): boolean {
  const [start, end] = token.map!;
  if (end - 1 <= start) return false;
  const closingLine = text.slice(lineOffset(text, end - 1)).split('\n', 1)[0];
  const marker = token.markup[0];
  const closing = new RegExp(`^ {0,3}\\${marker}{${token.markup.length},}[ \\t]*$`);
  return closing.test(closingLine);
}
