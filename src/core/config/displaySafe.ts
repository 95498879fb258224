/**
 * Display-safe copies of provider values for provenance (`fieldSources`) and explanations: the
 * bearer token and secret-looking header/query values are replaced by a marker. `ProviderInfo`
 * itself keeps the real values, since request building needs them.
 */

/** What a hidden value is shown as. */
export const HIDDEN = '(hidden)';

const SENSITIVE_NAME = /auth|api[-_]?key|key$|token|secret|password|passwd|cookie|signature|sig$|credential/i;

/** Whether a header or query parameter name suggests its value is a secret. */
export function isSensitiveName(name: string): boolean {
  return SENSITIVE_NAME.test(name);
}

function redactMap(map: unknown): unknown {
  if (!map || typeof map !== 'object') return map;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(map)) out[k] = isSensitiveName(k) ? HIDDEN : v;
  return out;
}

/** The value of provider field `field` (camelCase) as it may be shown to the user. */
export function displaySafeValue(field: string, value: unknown): unknown {
  if (value === undefined) return undefined;
  if (field === 'experimentalBearerToken') return HIDDEN;
  if (field === 'httpHeaders' || field === 'queryParams') return redactMap(value);
  if (Array.isArray(value)) return [...value];
  if (value && typeof value === 'object') return { ...value };
  return value;
}
