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
  if (field === 'baseUrl' && typeof value === 'string') return displayUrl(value);
  if (field === 'httpHeaders' || field === 'queryParams') return redactMap(value);
  if (Array.isArray(value)) return [...value];
  if (value && typeof value === 'object') return { ...value };
  return value;
}

/**
 * A URL as it may be shown: a password in its userinfo (`https://user:pass@host`) becomes `***`.
 * Text that is not a URL is returned unchanged.
 */
export function displayUrl(url: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#@]*)@/i.exec(url);
  if (!match) return url;
  const userinfo = match[2];
  const colon = userinfo.indexOf(':');
  const shown = colon < 0 ? userinfo : `${userinfo.slice(0, colon)}:***`;
  return `${match[1]}${shown}@${url.slice(match[0].length)}`;
}

/** The secret parts of a URL's userinfo (password, and user:password), for redaction. */
export function urlSecrets(url: string | undefined): string[] {
  const match = url ? /^[a-z][a-z0-9+.-]*:\/\/([^/?#@]*)@/i.exec(url) : null;
  if (!match) return [];
  const colon = match[1].indexOf(':');
  if (colon < 0) return [];
  const password = match[1].slice(colon + 1);
  return password ? [password, match[1], decodeURIComponentSafe(password)] : [];
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
