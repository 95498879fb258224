/**
 * "Add Custom Provider": validation of what the user typed, and the `[model_providers.<id>]`
 * table it becomes.
 */
import { appendBlock, renderTable, tomlParseError, type TomlEntryValue } from '../config/tomlAppend';
import { RESERVED_PROVIDER_IDS } from './builtins';
import type { WireApi } from './providerInfo';


export type NewProviderAuth =
  /** Key read from an environment variable. */
  | { kind: 'env'; envKey: string }
  /** Key saved in SecretStorage; `envKey` is still written so the CLI (and env) can supply it. */
  | { kind: 'secret'; envKey: string }
  | { kind: 'command'; command: string; args: string[] }
  | { kind: 'none' };

export interface NewProviderSpec {
  id: string;
  name?: string;
  baseUrl: string;
  wireApi: WireApi;
  auth: NewProviderAuth;
  headers: Record<string, string>;
  defaultModel?: string;
}

/** An error message when `id` is not usable as a new provider id, else undefined. */
export function validateProviderId(id: string, existingIds: readonly string[]): string | undefined {
  if (id.trim() === '') return 'Enter an id, e.g. "my-gateway".';
  if (!/^[A-Za-z0-9_-]+$/.test(id)) return 'Use only letters, digits, "-" and "_" (it becomes [model_providers.<id>]).';
  if (RESERVED_PROVIDER_IDS.includes(id.toLowerCase())) return `"${id}" is reserved for a built-in provider; choose another id, e.g. "${id}-custom".`;
  if (existingIds.includes(id)) return `A provider "${id}" already exists; choose another id or edit its table.`;
  return undefined;
}

/** An error message when `url` is not an http(s) URL, else undefined. */
export function validateBaseUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return 'Enter a full URL such as https://gateway.example.com/v1.';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'The base URL must start with http:// or https://.';
  if (parsed.username || parsed.password) return 'Do not put credentials in the URL; use an API key or auth command instead.';
  return undefined;
}

/** An error message when `name` is not a valid environment variable name, else undefined. */
export function validateEnvVarName(name: string): string | undefined {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? undefined : 'Use letters, digits and "_" (not starting with a digit), e.g. MY_GATEWAY_API_KEY.';
}

/** The conventional env var name for a provider id: `my-gw` -> `MY_GW_API_KEY`. */
export function suggestEnvKey(id: string): string {
  const base = id.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return `${/^[0-9]/.test(base) ? `_${base}` : base || 'PROVIDER'}_API_KEY`;
}

/** Parses `Name: value` (or `Name=value`) into a header; undefined when malformed. */
export function parseHeaderLine(line: string): { name: string; value: string } | undefined {
  const match = /^\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*[:=]\s*(.*?)\s*$/.exec(line);
  if (!match) return undefined;
  return { name: match[1], value: match[2] };
}

/**
 * Splits a command line into program and arguments, honouring single and double quotes and
 * backslash escapes (no shell is involved when it runs).
 */
export function splitCommandLine(line: string): { command: string; args: string[] } | undefined {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < line.length) current += line[++i];
      else current += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < line.length) {
      current += line[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += c;
      inWord = true;
    }
  }
  if (quote) return undefined;
  if (inWord) words.push(current);
  if (words.length === 0) return undefined;
  return { command: words[0], args: words.slice(1) };
}

/** The `[model_providers.<id>]` table (and its `.auth` sub-table) for a new provider. */
export function renderNewProvider(spec: NewProviderSpec): string {
  const entries: [string, TomlEntryValue | undefined][] = [
    ['name', spec.name ?? spec.id],
    ['base_url', spec.baseUrl.trim()],
    ['wire_api', spec.wireApi],
    ['env_key', spec.auth.kind === 'env' || spec.auth.kind === 'secret' ? spec.auth.envKey : undefined],
    ['http_headers', Object.keys(spec.headers).length > 0 ? spec.headers : undefined],
    ['default_model', spec.defaultModel || undefined],
  ];
  const comments = ['Added by Switchboard: Add Custom Provider'];
  if (spec.auth.kind === 'secret') comments.push(`The key is saved in VS Code SecretStorage; setting ${spec.auth.envKey} overrides it.`);
  let text = renderTable(['model_providers', spec.id], entries, comments);
  if (spec.auth.kind === 'command') {
    text += `\n${renderTable(['model_providers', spec.id, 'auth'], [
      ['command', spec.auth.command],
      ['args', spec.auth.args],
    ])}`;
  }
  return text;
}

/**
 * Appends the new provider to a config file's text. Returns an error instead when the file does
 * not parse now (fix it first) or the result would not parse (e.g. the id is already a table).
 */
export function appendNewProvider(existing: string | undefined, spec: NewProviderSpec): { text: string } | { error: string } {
  if (existing !== undefined) {
    const before = tomlParseError(existing);
    if (before) return { error: `The file is not valid TOML yet (${before}); fix it first, then add the provider.` };
  }
  const text = appendBlock(existing, renderNewProvider(spec));
  const after = tomlParseError(text);
  if (after) return { error: `Adding [model_providers.${spec.id}] would make the file invalid (${after}); edit the file by hand.` };
  return { text };
}
