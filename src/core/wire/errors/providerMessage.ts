/**
 * The human part of a provider's error body, made safe to show: the `message` field of the usual
 * JSON shapes (OpenAI, Anthropic, FastAPI/vLLM, plain `{message}`), else the collapsed text;
 * truncated, with secrets redacted (a hostile or buggy server can echo the key it was sent).
 */
import { redactSecrets } from '../../providers/redact';

/** Longest provider message we show. */
export const MAX_SHOWN_MESSAGE = 400;

/** Fields of a provider error object we look at. */
export interface ProviderErrorFields {
  message?: string;
  code?: string;
  type?: string;
  status?: number;
}

function asString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** A string error code; numeric codes are HTTP statuses and read as `status` instead. */
function codeOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Reads `message`/`code`/`type` from an error object (`{error: {...}}` or the object itself). */
export function errorFields(value: unknown): ProviderErrorFields {
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? { message: value } : {};
  const obj = value as Record<string, unknown>;
  const inner = obj.error;
  if (typeof inner === 'string') return { message: inner, code: codeOf(obj.code), type: asString(obj.type) };
  if (inner !== null && typeof inner === 'object') {
    const fields = errorFields(inner);
    return { ...fields, status: fields.status ?? (typeof obj.status === 'number' ? obj.status : undefined) };
  }
  let message = asString(obj.message) ?? asString(obj.detail) ?? asString(obj.error_message);
  if (message === undefined && Array.isArray(obj.detail)) {
    message = obj.detail
      .map((d) => (d && typeof d === 'object' ? asString((d as Record<string, unknown>).msg) : asString(d)))
      .filter(Boolean)
      .join('; ');
  }
  const status = typeof obj.status_code === 'number' ? obj.status_code : typeof obj.code === 'number' ? obj.code : undefined;
  return { message, code: codeOf(obj.code), type: asString(obj.type), status };
}

/** Parses an error body (JSON or text) into fields; `message` falls back to the collapsed text. */
export function parseErrorBody(body: string): ProviderErrorFields {
  const trimmed = body.trim();
  if (trimmed.startsWith('{')) {
    try {
      const fields = errorFields(JSON.parse(trimmed));
      if (fields.message || fields.code || fields.type) return fields;
    } catch {
      // not JSON after all
    }
  }
  const text = trimmed
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text ? { message: text } : {};
}

/** Truncates and redacts text for display. */
export function safeText(text: string, secrets: readonly string[]): string {
  // Redact the whole text first: cutting first could leave half a secret that no longer matches.
  const clean = redactSecrets(text, secrets).replace(/\s+/g, ' ').trim();
  return clean.length > MAX_SHOWN_MESSAGE ? `${clean.slice(0, MAX_SHOWN_MESSAGE - 1)}…` : clean;
}
