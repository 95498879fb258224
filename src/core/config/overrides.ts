/**
 * `-c key=value` overrides, as Codex reads them: the key is a dotted path
 * (`model_providers.x.base_url`, quoted segments allowed: `model_providers."my.gw".name`), the value
 * is parsed as a TOML value, and when that fails it is taken as a plain string (so
 * `-c model=o3` works without quotes). Later overrides win over earlier ones.
 */
import { parse } from 'smol-toml';
import type { Diagnostic } from './resolvedConfig';
import { DiagnosticCodes, makeDiagnostic } from './diagnostics';
import type { TomlTable } from './tomlParse';
import { isTable } from './validateTable';

/** Splits a dotted key into segments; undefined when it is malformed. */
export function parseDottedKey(text: string): string[] | undefined {
  const segments: string[] = [];
  let i = 0;
  const s = text.trim();
  if (s === '') return undefined;
  while (i <= s.length) {
    while (s[i] === ' ' || s[i] === '\t') i++;
    let seg: string;
    const q = s[i];
    if (q === '"' || q === "'") {
      const close = s.indexOf(q, i + 1);
      if (close < 0) return undefined;
      seg = s.slice(i + 1, close);
      i = close + 1;
    } else {
      const start = i;
      while (i < s.length && s[i] !== '.' && s[i] !== ' ' && s[i] !== '\t') i++;
      seg = s.slice(start, i);
      if (seg === '') return undefined;
    }
    segments.push(seg);
    while (s[i] === ' ' || s[i] === '\t') i++;
    if (i >= s.length) break;
    if (s[i] !== '.') return undefined;
    i++;
  }
  return segments;
}

/** The TOML value of `text`, or the trimmed text itself when it is not a TOML value. */
export function parseOverrideValue(text: string): unknown {
  const trimmed = text.trim();
  try {
    const table = parse(`__switchboard_value = ${trimmed}`, { unsafeKeyBehaviour: 'drop' });
    if (Object.hasOwn(table, '__switchboard_value')) return toPlain(table.__switchboard_value);
  } catch {
    // not a TOML value: a bare word
  }
  return trimmed;
}

function toPlain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toPlain);
  if (isTable(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
    return out;
  }
  return value;
}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Builds one table from all overrides; bad ones become `invalid-override` errors. */
export function overridesToTable(overrides: readonly string[], diagnostics: Diagnostic[]): TomlTable {
  const root: TomlTable = {};
  overrides.forEach((override, index) => {
    const eq = override.indexOf('=');
    const path = eq > 0 ? parseDottedKey(override.slice(0, eq)) : undefined;
    if (!path || path.some((k) => UNSAFE_KEYS.has(k))) {
      // The text is not echoed: a mistyped override may contain a secret.
      diagnostics.push(
        makeDiagnostic('error', DiagnosticCodes.invalidOverride, `Override number ${index + 1} (-c) is not of the form key=value with a dotted key; it is ignored.`, 'Write overrides as -c key=value, e.g. -c model=gpt-5 or -c model_providers.my-gw.base_url="https://gw.example.com/v1".'),
      );
      return;
    }
    let table = root;
    for (const key of path.slice(0, -1)) {
      const next = table[key];
      if (isTable(next)) table = next;
      else {
        const created: TomlTable = {};
        table[key] = created;
        table = created;
      }
    }
    table[path[path.length - 1]] = parseOverrideValue(override.slice(eq + 1));
  });
  return root;
}
