/**
 * Writes new provider tables as TOML text, appended to an existing file so its comments and other
 * content stay exactly as they were ("Add Custom Provider"), and renders a provider as a table
 * ("Copy as TOML").
 */
import { parse } from 'smol-toml';

/** A value we know how to write. */
export type TomlScalar = string | number | boolean;
export type TomlEntryValue = TomlScalar | readonly string[] | Readonly<Record<string, string>>;

/** A TOML basic string: JSON escaping is valid TOML, except DEL which TOML requires escaped. */
export function tomlString(value: string): string {
  return JSON.stringify(value).replace(/\u007f/g, '\\u007f');
}

/** A key: bare when it can be, quoted otherwise. */
export function tomlKey(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : tomlString(key);
}

function tomlValue(value: TomlEntryValue): string {
  if (typeof value === 'string') return tomlString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((v: string) => tomlString(v)).join(', ')}]`;
  const entries = Object.entries(value as Record<string, string>);
  if (entries.length === 0) return '{}';
  return `{ ${entries.map(([k, v]) => `${tomlKey(k)} = ${tomlString(v)}`).join(', ')} }`;
}

/** One `[a.b.c]` table with `key = value` lines; entries whose value is undefined are left out. */
export function renderTable(path: readonly string[], entries: ReadonlyArray<readonly [string, TomlEntryValue | undefined]>, comments: readonly string[] = []): string {
  const lines = [`[${path.map(tomlKey).join('.')}]`, ...comments.map((c) => `# ${c}`)];
  for (const [key, value] of entries) {
    if (value !== undefined) lines.push(`${tomlKey(key)} = ${tomlValue(value)}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Appends `block` (one or more tables) to a file's text, keeping every existing byte: adds the
 * missing final newline and one blank line before the block, and uses the file's line endings.
 */
export function appendBlock(existing: string | undefined, block: string): string {
  if (existing === undefined || existing.trim() === '') return (existing ?? '') + block;
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  const body = eol === '\r\n' ? block.replace(/\r?\n/g, '\r\n') : block;
  const withNewline = existing.endsWith('\n') ? existing : existing + eol;
  const separator = withNewline.endsWith(`${eol}${eol}`) ? '' : eol;
  return withNewline + separator + body;
}

/** Parses text as TOML; returns the error message when it does not parse. */
export function tomlParseError(text: string): string | undefined {
  try {
    parse(text);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message.split('\n')[0] : String(error);
  }
}
