/**
 * Reads one `[model_providers.<id>]` table of one layer: validates every key with the zod schema,
 * reports problems at their line, clamps over-large numbers, strips a trailing slash from
 * `base_url`, resolves `ca_certificate`, and applies the reserved-id rules. Returns only the valid
 * keys, so one bad key never disables the rest of the table.
 */
import type { z } from 'zod';
import { findBuiltinProvider, isReservedProviderId } from '../providers/builtins';
import type { Diagnostic } from './resolvedConfig';
import { expandPath } from './configPaths';
import { DiagnosticCodes, closestMatch, listWords, makeDiagnostic } from './diagnostics';
import { keyPathText, locateIn, type ConfigLayer } from './layers';
import { PROVIDER_KEY_HINTS, VALUE_CAPS, WIRE_APIS, authTableSchema, awsTableSchema, providerTableSchema } from './providerSchema';
import { isTable, validateTableAgainst, type FieldIssue } from './validateTable';

/** The valid keys of one layer's table for one provider (snake_case, as in the file). */
export interface ProviderLayerTable {
  id: string;
  layer: ConfigLayer;
  /** Often the parsed table itself (see `ValidatedTable.value`): read it, never modify it. */
  values: Record<string, unknown>;
  /** `Object.keys(values)`, in the file's order. */
  keys: readonly string[];
}

/**
 * What may not change in a configurable built-in's table, because it would make it a different
 * provider (its credential mechanism or protocol). Such a table is a `reserved-provider-id` error:
 * the user wants a custom provider, e.g. `[model_providers.amazon-bedrock-custom]`.
 */
export const BUILTIN_IDENTITY_RULES: Record<string, (values: Record<string, unknown>) => string | undefined> = {
  // Bedrock signs requests with AWS credentials (SigV4) and speaks its own protocol.
  'amazon-bedrock': (v) => {
    if (v.wire_api !== undefined && v.wire_api !== findBuiltinProvider('amazon-bedrock')?.wireApi) return 'wire_api';
    for (const key of ['env_key', 'auth', 'experimental_bearer_token']) if (v[key] !== undefined) return key;
    return v.requires_openai_auth === true ? 'requires_openai_auth' : undefined;
  },
  // Azure OpenAI serves both OpenAI protocols; anything else is not Azure OpenAI.
  azure: (v) => (v.wire_api !== undefined && v.wire_api !== 'responses' && v.wire_api !== 'chat' ? 'wire_api' : undefined),
};

const SUB_TABLE_SCHEMAS: Record<string, z.ZodObject> = { auth: authTableSchema, aws: awsTableSchema };

function tableName(id: string): string {
  return `[${keyPathText(['model_providers', id])}]`;
}

function issueDiagnostic(layer: ConfigLayer, id: string, table: Record<string, unknown>, issue: FieldIssue): Diagnostic {
  const where = locateIn(layer, ['model_providers', id, ...issue.path]);
  const key = keyPathText(issue.path);
  const inTable = `in ${tableName(id)}`;
  if (issue.kind === 'unknown-key') {
    const last = issue.path[issue.path.length - 1];
    const sub = issue.path.length > 1 ? SUB_TABLE_SCHEMAS[issue.path[0]] : undefined;
    const candidates = sub ? Object.keys(sub.shape) : Object.keys(providerTableSchema.shape);
    const hint = issue.path.length === 1 && Object.hasOwn(PROVIDER_KEY_HINTS, last) ? PROVIDER_KEY_HINTS[last] : undefined;
    const close = hint ? undefined : closestMatch(last, candidates);
    const fix = hint ?? (close ? `Did you mean \`${close}\`?` : `Valid keys: ${candidates.join(', ')}.`);
    return makeDiagnostic('warning', DiagnosticCodes.unknownProviderKey, `Unknown key \`${key}\` ${inTable}; it is ignored.`, fix, where);
  }
  if (issue.path[0] === 'wire_api' && issue.kind === 'invalid-value') {
    const raw = table.wire_api;
    const shown = typeof raw === 'string' && raw.length <= 40 ? `"${raw}"` : 'this value';
    return makeDiagnostic(
      'error',
      DiagnosticCodes.unknownWireApi,
      `Unknown wire_api ${shown} ${inTable}. Valid values are ${listWords(WIRE_APIS)}.`,
      'Use "responses" for the OpenAI Responses API, "chat" for Chat Completions, or "anthropic" for the Anthropic Messages API.',
      where,
    );
  }
  const code = issue.kind === 'wrong-type' ? DiagnosticCodes.wrongType : DiagnosticCodes.invalidValue;
  return makeDiagnostic(
    'error',
    code,
    `\`${key}\` ${inTable} must be ${issue.expected ?? 'a valid value'}; found ${issue.found ?? 'something else'}. It was ignored.`,
    issue.expected?.startsWith('a string') ? `Quote the value: ${issue.path[issue.path.length - 1]} = "..."` : `Set it to ${issue.expected}.`,
    where,
  );
}

const CAPS = Object.entries(VALUE_CAPS).map(([dotted, cap]) => ({ dotted, cap, path: dotted.split('.') }));

/** Cheap check for the common well-formed case; anything else goes through `new URL`. */
const SIMPLE_HTTP_URL = /^https?:\/\/[A-Za-z0-9.\-_]+(:\d{1,5})?(\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*)?$/;

/**
 * `values` with `key` set to `value`: `values` itself when it is already this module's copy, else a
 * new plain copy, so the parsed file's table (which `values` may be) is never modified.
 */
function withKey(values: Record<string, unknown>, raw: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const out = values === raw ? { ...values } : values;
  out[key] = value;
  return out;
}

function clamp(layer: ConfigLayer, id: string, values: Record<string, unknown>, raw: Record<string, unknown>, diagnostics: Diagnostic[]): Record<string, unknown> {
  let out = values;
  for (const { dotted, cap, path } of CAPS) {
    const holder = path.length === 1 ? out : out[path[0]];
    const key = path[path.length - 1];
    const v = isTable(holder) ? holder[key] : undefined;
    if (typeof v === 'number' && v > cap) {
      out = path.length === 1 ? withKey(out, raw, key, cap) : withKey(out, raw, path[0], { ...(holder as Record<string, unknown>), [key]: cap });
      diagnostics.push(
        makeDiagnostic('warning', DiagnosticCodes.valueClamped, `\`${dotted}\` in ${tableName(id)} is ${v}, above the maximum of ${cap}; ${cap} is used.`, `Set ${key} to ${cap} or less.`, locateIn(layer, ['model_providers', id, ...path])),
      );
    }
  }
  return out;
}

/** Checks `base_url` and returns `values` with one trailing slash removed from it. */
function checkBaseUrl(layer: ConfigLayer, id: string, values: Record<string, unknown>, raw: Record<string, unknown>, diagnostics: Diagnostic[]): Record<string, unknown> {
  if (typeof values.base_url !== 'string') return values;
  const url = values.base_url.endsWith('/') ? values.base_url.slice(0, -1) : values.base_url;
  const out = url === values.base_url ? values : withKey(values, raw, 'base_url', url);
  if (url.includes('$') && /\$\{[^}]*\}|\$[A-Z_][A-Z0-9_]*/.test(url)) {
    diagnostics.push(
      makeDiagnostic('warning', DiagnosticCodes.unexpandedPlaceholder, `base_url in ${tableName(id)} contains shell variable syntax (\${...}); config files are not expanded, so it is used literally.`, 'Write the real URL in the file.', locateIn(layer, ['model_providers', id, 'base_url'])),
    );
    return out;
  }
  let ok = SIMPLE_HTTP_URL.test(url);
  if (!ok) {
    try {
      const parsed = new URL(url);
      ok = parsed.protocol === 'http:' || parsed.protocol === 'https:';
    } catch {
      ok = false;
    }
  }
  if (!ok) {
    diagnostics.push(
      makeDiagnostic('warning', DiagnosticCodes.invalidBaseUrl, `base_url in ${tableName(id)} is not a valid http(s) URL.`, 'Use a full URL such as "https://api.example.com/v1".', locateIn(layer, ['model_providers', id, 'base_url'])),
    );
  }
  return out;
}

/**
 * Validates `raw` (the value of `model_providers.<id>` in `layer`). Returns undefined when the whole
 * table is rejected (not a table, reserved id, identity change of a configurable built-in).
 */
export function readProviderTable(
  layer: ConfigLayer,
  id: string,
  raw: unknown,
  context: { homeDir: string },
  diagnostics: Diagnostic[],
): ProviderLayerTable | undefined {
  if (id.trim() === '') {
    diagnostics.push(makeDiagnostic('error', DiagnosticCodes.invalidProviderId, 'A provider table has an empty id; it is ignored.', 'Name the provider, e.g. [model_providers.my-gateway].', locateIn(layer, ['model_providers', id])));
    return undefined;
  }
  if (!isTable(raw)) {
    diagnostics.push(
      makeDiagnostic('error', DiagnosticCodes.wrongType, `\`${keyPathText(['model_providers', id])}\` must be a table; it is ignored.`, `Write it as a table: ${tableName(id)} followed by key = value lines.`, locateIn(layer, ['model_providers', id])),
    );
    return undefined;
  }
  if (isReservedProviderId(id)) {
    diagnostics.push(
      makeDiagnostic(
        'error',
        DiagnosticCodes.reservedProviderId,
        `${tableName(id)} redefines the built-in provider "${id}", which cannot be changed; this table is ignored and the built-in "${id}" is used.`,
        `Rename the table to [model_providers.${id}-custom] (and select it with model_provider = "${id}-custom"), or delete it to use the built-in.`,
        locateIn(layer, ['model_providers', id]),
      ),
    );
    return undefined;
  }

  // `values` may be `raw` itself (a valid table is not copied): changes below go through withKey.
  const validated = validateTableAgainst(providerTableSchema, raw);
  const { issues, keys } = validated;
  let values = validated.value;
  for (const issue of issues) diagnostics.push(issueDiagnostic(layer, id, raw, issue));

  const identity = Object.hasOwn(BUILTIN_IDENTITY_RULES, id) ? BUILTIN_IDENTITY_RULES[id](values) : undefined;
  if (identity) {
    diagnostics.push(
      makeDiagnostic(
        'error',
        DiagnosticCodes.reservedProviderId,
        `${tableName(id)} changes \`${identity}\` of the built-in provider "${id}", which would make it a different provider; this table is ignored.`,
        `Keep ${tableName(id)} for ${id}'s own settings, and define the variant as [model_providers.${id}-custom].`,
        locateIn(layer, ['model_providers', id, identity]),
      ),
    );
    return undefined;
  }

  values = clamp(layer, id, values, raw, diagnostics);
  values = checkBaseUrl(layer, id, values, raw, diagnostics);
  if (values.experimental_bearer_token !== undefined) {
    diagnostics.push(
      makeDiagnostic(
        'warning',
        DiagnosticCodes.bearerTokenInConfig,
        `${tableName(id)} has a token written in the file (experimental_bearer_token); anyone who can read the file can use it.`,
        'Put the token in an environment variable and set env_key to its name, or save it with "Switchboard: Set API Key" (SecretStorage); then remove experimental_bearer_token.',
        locateIn(layer, ['model_providers', id, 'experimental_bearer_token']),
      ),
    );
  }
  if (typeof values.ca_certificate === 'string') {
    const path = expandPath(values.ca_certificate, context.homeDir, layer.baseDir);
    if (path !== values.ca_certificate) values = withKey(values, raw, 'ca_certificate', path);
  }
  // An auth command runs in the directory of the file that set it: applied when merging (layer.baseDir).
  // Changes above replace values, never add or remove keys: `keys` still lists them.
  return { id, layer, values, keys };
}
