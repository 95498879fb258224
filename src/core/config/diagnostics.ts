/**
 * Diagnostic codes of the config engine and small helpers to build diagnostics. Codes are stable:
 * the CLI's `--json` output, tests and the VS Code problem matcher key on them.
 */
import type { Diagnostic, Severity } from './resolvedConfig';
import type { SourcePosition } from './locate';

/** Every diagnostic code `loadConfig` can emit. */
export const DiagnosticCodes = {
  /** The file is not valid TOML (error, with smol-toml's line and column). */
  tomlSyntax: 'toml-syntax',
  /** The file is larger than 1 MiB (error; the file is not read). */
  fileTooLarge: 'file-too-large',
  /** The path is a directory, device or other non-regular file (error; not read). */
  notRegularFile: 'not-a-regular-file',
  /** Reading the file failed for another reason (permissions, I/O). */
  fileReadError: 'file-read-error',
  /** A value has the wrong TOML type (error; the value is ignored). */
  wrongType: 'wrong-type',
  /** A value has the right type but is out of range or empty (error; ignored). */
  invalidValue: 'invalid-value',
  /** A number above Codex's cap was lowered to the cap (warning). */
  valueClamped: 'value-clamped',
  /** `wire_api` is not one of the supported protocols (error; ignored). */
  unknownWireApi: 'unknown-wire-api',
  /** A `[model_providers.<id>]` table tries to redefine a reserved built-in (error; table ignored). */
  reservedProviderId: 'reserved-provider-id',
  /** `auth` combined with `env_key`, `experimental_bearer_token` or `requires_openai_auth` (error). */
  authConflict: 'auth-conflict',
  /** `model_provider` (or an explicit/env choice) names a provider that does not exist (error). */
  unknownProvider: 'unknown-provider',
  /** A provider table contains `experimental_bearer_token` (warning). */
  bearerTokenInConfig: 'bearer-token-in-config',
  /** The active provider has no `base_url` (error). */
  missingBaseUrl: 'missing-base-url',
  /** The active `amazon-bedrock` provider has no region (error). */
  missingRegion: 'missing-region',
  /** A `base_url` that is not an http(s) URL (warning). */
  invalidBaseUrl: 'invalid-base-url',
  /** A value contains `${VAR}` shell syntax, which Codex does not expand (warning). */
  unexpandedPlaceholder: 'unexpanded-placeholder',
  /** A key inside a provider table (or its `auth`/`aws` sub-table) that Codex does not know (warning). */
  unknownProviderKey: 'unknown-provider-key',
  /** A top-level `[providers.<id>]` table, which Codex ignores (warning). */
  wrongTableName: 'wrong-table-name',
  /** A provider-looking key inside a profile (`provider`, `api_base`, `api_key`) (warning). */
  unknownProfileKey: 'unknown-profile-key',
  /** Workspace config files exist but were not applied because the workspace is not trusted (warning). */
  workspaceUntrusted: 'workspace-untrusted',
  /** The selected profile exists in neither form (error). */
  unknownProfile: 'unknown-profile',
  /** A profile file and a `[profiles.<name>]` table share a name; the file wins (info). */
  profileBothForms: 'profile-both-forms',
  /** A `-c key=value` override could not be understood (error; ignored). */
  invalidOverride: 'invalid-override',
  /** An environment knob (`CODEX_OSS_PORT`, ...) has an unusable value (warning; ignored). */
  invalidEnvValue: 'invalid-env-value',
  /** No model could be determined for the active provider (warning). */
  noModel: 'no-model',
  /** An OpenAI-looking model with no model_provider: Switchboard's default provider is anthropic, Codex's is openai (warning). */
  defaultProviderMismatch: 'default-provider-mismatch',
  /** An empty or unusable `[model_providers.<id>]` id (error; ignored). */
  invalidProviderId: 'invalid-provider-id',
  /** Resolving the configuration failed unexpectedly (a bug); built-in defaults are used. */
  internalError: 'internal-error',
} as const;

export type DiagnosticCode = (typeof DiagnosticCodes)[keyof typeof DiagnosticCodes];

/** Where a diagnostic points: a file and, when known, a position in it. */
export interface DiagnosticLocation {
  file?: string;
  position?: SourcePosition;
}

/** Builds a diagnostic, copying the position fields when present. */
export function makeDiagnostic(
  severity: Severity,
  code: DiagnosticCode,
  message: string,
  fix: string | undefined,
  where: DiagnosticLocation = {},
): Diagnostic {
  const d: Diagnostic = { severity, code, message };
  if (fix !== undefined) d.fix = fix;
  if (where.file !== undefined) d.file = where.file;
  const p = where.position;
  if (p) {
    d.line = p.line;
    d.column = p.column;
    d.endLine = p.endLine;
    d.endColumn = p.endColumn;
  }
  return d;
}

/** Levenshtein distance, bounded: returns `max + 1` as soon as the distance exceeds `max`. */
function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** The closest candidate to `word` (case-insensitive: a unique prefix match, or at most ~1/3 of its letters different), if any. */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  // A word that is a prefix of exactly one candidate (`timeout` -> `timeout_ms`).
  const prefixed = w.length >= 4 ? candidates.filter((c) => c.toLowerCase().startsWith(w)) : [];
  if (prefixed.length === 1) return prefixed[0];
  const max = Math.max(1, Math.floor(w.length / 3));
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const c of candidates) {
    const d = boundedDistance(w, c.toLowerCase(), max);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** `"a", "b" and "c"` — for listing valid choices in a message. */
export function listWords(words: readonly string[]): string {
  const quoted = words.map((w) => `"${w}"`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/** Human name of a TOML value's type, for "found a string" messages (never the value itself). */
export function describeTomlType(value: unknown): string {
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'boolean') return 'a boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'a date';
  if (value !== null && typeof value === 'object') return 'a table';
  return 'an unknown value';
}
