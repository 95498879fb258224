/**
 * TOML parsing with positions: smol-toml for the values, `buildPositionIndex` for where keys are.
 * Never throws: a syntax error becomes a `toml-syntax` diagnostic with smol-toml's line/column.
 */
import { parse, TomlError } from 'smol-toml';
import type { Diagnostic } from './resolvedConfig';
import { DiagnosticCodes, makeDiagnostic } from './diagnostics';
import { buildPositionIndex, type PositionIndex } from './locate';

/** A parsed TOML table (smol-toml returns null-prototype objects). */
export type TomlTable = Record<string, unknown>;

export type ParsedToml =
  | { ok: true; table: TomlTable; positions: PositionIndex }
  | { ok: false; diagnostic: Diagnostic; line?: number };

/** Parses `text` (the contents of `file`); a leading BOM is ignored. */
export function parseTomlText(text: string, file: string | undefined): ParsedToml {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    // `__proto__`/`constructor` keys are dropped so values can be copied into plain objects safely.
    const table = parse(source, { unsafeKeyBehaviour: 'drop' }) as TomlTable;
    return { ok: true, table, positions: buildPositionIndex(source) };
  } catch (error) {
    return { ok: false, ...syntaxDiagnostic(error, file) };
  }
}

function syntaxDiagnostic(error: unknown, file: string | undefined): { diagnostic: Diagnostic; line?: number } {
  const fix = 'Fix the TOML syntax at that position (strings need quotes, one `key = value` per line).';
  if (error instanceof TomlError) {
    // The first line only: smol-toml appends a code excerpt, which could contain a secret.
    const detail = error.message.split('\n')[0].replace(/^Invalid TOML document:\s*/, '').replace(/\.+$/, '');
    const line = error.line;
    const column = error.column;
    const d = makeDiagnostic('error', DiagnosticCodes.tomlSyntax, `Invalid TOML at line ${line}, column ${column}: ${detail}.`, fix, {
      file,
      position: { line, column, endLine: line, endColumn: column },
    });
    return { diagnostic: d, line };
  }
  // Anything else smol-toml may throw (e.g. too deeply nested input).
  const detail = (error instanceof Error ? error.message.split('\n')[0] : 'unknown parser failure').replace(/\.+$/, '');
  return { diagnostic: makeDiagnostic('error', DiagnosticCodes.tomlSyntax, `Invalid TOML: ${detail}.`, fix, { file }) };
}
