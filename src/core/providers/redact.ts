/**
 * Keeping secrets out of logs, errors and UI. Use `redactSecrets` on any text that might echo a
 * credential (a command's stderr, a provider's error body) and `safeHeadersForLog` before
 * logging request headers.
 */
import type { Logger } from '../ports';

/** What a removed secret is replaced with. */
export const REDACTED = '[REDACTED]';

/** Shortest explicit secret that is replaced; shorter strings would mangle ordinary text. */
const MIN_SECRET_LENGTH = 4;

/**
 * Well-known credential shapes that are removed even when the caller did not pass them:
 * bearer tokens, OpenAI/Anthropic style `sk-...` keys, AWS access key ids, and `key: value` /
 * `key=value` pairs whose key names an API key or token.
 */
const SECRET_PATTERNS: readonly [RegExp, (match: string, ...groups: string[]) => string][] = [
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, (_m, scheme: string) => `${scheme} ${REDACTED}`],
  [/\bsk-[A-Za-z0-9_-]{12,}/g, () => REDACTED],
  [/\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, () => REDACTED],
  [
    /\b((?:x-)?api[-_]?key|access[-_]?token|auth[-_]?token|secret|password)(["']?\s*[:=]\s*["']?)[^\s"',;&]{6,}/gi,
    (_m, name: string, sep: string) => `${name}${sep}${REDACTED}`,
  ],
];

/**
 * Returns `text` with every occurrence of each secret (and of well-known credential shapes)
 * replaced by `[REDACTED]`. Empty and very short (< 4 characters) secrets are ignored.
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  const explicit = secrets
    .map((s) => s?.trim())
    .filter((s): s is string => s !== undefined && s.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length); // longest first so a secret containing another goes whole
  for (const secret of explicit) out = out.split(secret).join(REDACTED);
  for (const [pattern, replace] of SECRET_PATTERNS) out = out.replace(pattern, replace);
  return out;
}

/** Header names whose values are always credentials. */
const SENSITIVE_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'api-key',
  'x-goog-api-key',
  'cookie',
  'set-cookie',
]);
/** Header names that probably carry a credential (custom gateway headers). */
const SENSITIVE_NAME_RE = /key|token|secret|auth|passw|cookie|signature|credential|session/i;

/** Whether a header's value must not be logged. */
export function isSensitiveHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return SENSITIVE_HEADERS.has(lower) || SENSITIVE_NAME_RE.test(lower);
}

/**
 * A copy of `headers` safe to log: credential-bearing values become `***` (an `Authorization`
 * value keeps its scheme, e.g. `Bearer ***`, so logs still show which scheme was used).
 */
export function safeHeadersForLog(
  headers: Readonly<Record<string, string>> | Iterable<[string, string]>,
): Record<string, string> {
  const entries = Symbol.iterator in headers ? [...(headers as Iterable<[string, string]>)] : Object.entries(headers);
  const out: Record<string, string> = {};
  for (const [name, value] of entries) {
    if (!isSensitiveHeader(name)) {
      out[name] = value;
      continue;
    }
    const scheme = /^(Bearer|Basic|AWS4-HMAC-SHA256)\s/i.exec(value)?.[1];
    out[name] = scheme ? `${scheme} ***` : '***';
  }
  return out;
}

/**
 * A logger that runs every message through `redactSecrets` with the current `secrets()` first:
 * for code that logs text a server sent (a stream line it could not parse may echo the key).
 */
export function redactingLogger(logger: Logger, secrets: () => readonly (string | undefined)[]): Logger {
  const clean = (message: string) => redactSecrets(message, secrets());
  return {
    debug: (message) => logger.debug(clean(message)),
    info: (message) => logger.info(clean(message)),
    warn: (message) => logger.warn(clean(message)),
    error: (message) => logger.error(clean(message)),
  };
}
