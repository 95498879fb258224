/**
 * Maps an error the provider reported inside a 200 stream (OpenAI `error` / `response.failed`,
 * Anthropic `event: error`, OpenRouter's inline `error` object, Groq's `event: error`) to an
 * ErrorInfo. Transient kinds (overloaded, server error, rate limit) are retryable.
 */
import type { ErrorInfo, ErrorKind } from '../../../shared/errors';
import { providerLabel, type ErrorContext } from './errorContext';
import { errorFields, safeText } from './providerMessage';

const BY_CODE: Record<string, { kind: ErrorKind; retryable: boolean; fix?: string }> = {
  insufficient_quota: { kind: 'rate_limited', retryable: false, fix: 'Check the plan and billing of this API key.' },
  rate_limit_exceeded: { kind: 'rate_limited', retryable: true },
  rate_limit_error: { kind: 'rate_limited', retryable: true },
  overloaded_error: { kind: 'server', retryable: true },
  server_error: { kind: 'server', retryable: true },
  api_error: { kind: 'server', retryable: true },
  internal_error: { kind: 'server', retryable: true },
  internal_server_error: { kind: 'server', retryable: true },
  server_overloaded: { kind: 'server', retryable: true },
  service_unavailable: { kind: 'server', retryable: true },
  timeout_error: { kind: 'network', retryable: true },
  authentication_error: { kind: 'auth', retryable: false },
  invalid_api_key: { kind: 'auth', retryable: false },
  permission_error: { kind: 'auth', retryable: false },
  not_found_error: { kind: 'not_found', retryable: false },
  model_not_found: { kind: 'not_found', retryable: false },
  context_length_exceeded: {
    kind: 'bad_request',
    retryable: false,
    fix: 'The conversation is too long for this model: start a new one or pick a model with a larger context window.',
  },
  invalid_request_error: { kind: 'bad_request', retryable: false },
  invalid_prompt: { kind: 'bad_request', retryable: false },
  request_too_large: { kind: 'bad_request', retryable: false },
  tool_use_failed: {
    kind: 'bad_request',
    retryable: false,
    fix: 'The model produced a tool call the provider could not validate; try again or use another model.',
  },
};

function byStatus(status: number | undefined): { kind: ErrorKind; retryable: boolean } | undefined {
  if (status === undefined) return undefined;
  if (status === 429) return { kind: 'rate_limited', retryable: true };
  if (status === 401 || status === 403) return { kind: 'auth', retryable: false };
  if (status === 404) return { kind: 'not_found', retryable: false };
  if (status >= 500) return { kind: 'server', retryable: true };
  if (status >= 400) return { kind: 'bad_request', retryable: false };
  return undefined;
}

/** ErrorInfo for an in-stream error object (`{error: {...}}`, `{type, message}`...). */
export function inStreamErrorInfo(errorObject: unknown, ctx: ErrorContext): ErrorInfo {
  const fields = errorFields(errorObject);
  const known = BY_CODE[fields.code ?? ''] ?? BY_CODE[fields.type ?? ''] ?? byStatus(fields.status);
  const kind = known?.kind ?? 'server';
  const retryable = known?.retryable ?? false;
  const detail = fields.message ? safeText(fields.message, ctx.secrets) : 'no details given';
  const code = fields.code ?? fields.type;
  const info: ErrorInfo = {
    kind,
    message: `${providerLabel(ctx.provider)} reported an error${code ? ` (${safeText(code, ctx.secrets)})` : ''}: ${detail}`,
    providerId: ctx.provider.id,
    retryable,
  };
  const fix = (BY_CODE[fields.code ?? ''] ?? BY_CODE[fields.type ?? ''])?.fix;
  if (fix) info.fix = fix;
  if (fields.status !== undefined && fields.status >= 400) info.status = fields.status;
  if (retryable) info.actions = ['retry'];
  else if (kind === 'auth') info.actions = ['setApiKey', 'openConfig'];
  return info;
}
