/**
 * Where a config diagnostic goes in the editor: converts our 1-based line/column to a 0-based
 * range, and when the diagnostic has no end, covers the table header or key it points at.
 */
import type { Diagnostic } from './resolvedConfig';

export interface ZeroBasedRange {
  startLine: number;
  startCharacter: number;
  endLine: number;
  endCharacter: number;
}

/** End of the token at `start` in `text`: a `[header]`, a key up to `=`, or the value up to a comment. */
function tokenEnd(text: string, start: number): number {
  if (text[start] === '[') {
    const close = text.indexOf(']', start);
    if (close >= 0) return text[close + 1] === ']' ? close + 2 : close + 1;
    return text.length;
  }
  const rest = text.slice(start);
  const eq = rest.indexOf('=');
  const hash = rest.indexOf('#');
  let end = rest.length;
  if (eq > 0 && (hash < 0 || eq < hash)) end = eq;
  else if (hash >= 0) end = hash;
  const trimmed = rest.slice(0, end).trimEnd().length;
  return start + trimmed;
}

/**
 * 0-based range for a diagnostic in a file whose line `line` reads `lineText`. Without a position,
 * the first line. Always at least one character wide when the line has text.
 */
export function diagnosticRange(diagnostic: Diagnostic, lineText: string | undefined): ZeroBasedRange {
  const startLine = Math.max(0, (diagnostic.line ?? 1) - 1);
  const text = lineText ?? '';
  let startCharacter = Math.max(0, (diagnostic.column ?? 1) - 1);
  if (diagnostic.column === undefined || startCharacter >= text.length) {
    startCharacter = Math.max(0, text.search(/\S|$/));
  }
  if (diagnostic.endLine !== undefined && diagnostic.endColumn !== undefined) {
    const endLine = Math.max(startLine, diagnostic.endLine - 1);
    const endCharacter = diagnostic.endColumn - 1;
    if (endLine > startLine || endCharacter > startCharacter) return { startLine, startCharacter, endLine, endCharacter };
  }
  let endCharacter = tokenEnd(text, startCharacter);
  if (endCharacter <= startCharacter) endCharacter = Math.min(text.length, startCharacter + 1);
  if (endCharacter <= startCharacter) endCharacter = text.length;
  return { startLine, startCharacter, endLine: startLine, endCharacter };
}
