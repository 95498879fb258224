/**
 * Turns an HTTP error status into an error the user can act on: what happened, with the
 * provider's own (redacted, truncated) words, and what to do. 404s get a diagnosis of their own
 * (diagnoseNotFound.ts) because the usual cause is the configuration, not the request.
 */
import type { ErrorInfo, FixAction } from '../../../shared/errors';
import { describeCredentialSource, type CredentialSource } from '../../providers/credential';
import { providerLabel, type ErrorContext } from './errorContext';
import { parseErrorBody, safeText, type ProviderErrorFields } from './providerMessage';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Payload Too Large',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  529: 'Overloaded',
};

/** `401 Unauthorized`. */
export function statusText(status: number): string {
  const reason = REASONS[status];
  return reason ? `${status} ${reason}` : `HTTP ${status}`;
}

/** Whether a status is worth retrying: timeouts, conflicts, rate limits, server errors. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 425 || status === 429 || status >= 500;
}

const QUOTA_CODES = new Set(['insufficient_quota', 'billing_hard_limit_reached', 'quota_exceeded']);

function said(fields: ProviderErrorFields, ctx: ErrorContext): string {
  return fields.message ? ` The provider said: ${safeText(fields.message, ctx.secrets)}` : '';
}

/** How to fix a rejected credential, by where it came from. */
export function credentialFix(source: CredentialSource | undefined, ctx: ErrorContext): { fix: string; actions: FixAction[] } {
  const id = ctx.provider.id;
  switch (source?.type) {
    case 'env':
      return {
        fix: `Check the key in environment variable ${source.name}: is it current, complete, and for this provider? Or save a key with "Set API Key".`,
        actions: ['setApiKey', 'openConfig'],
      };
    case 'secret-storage':
      return { fix: 'Save a new key with "Set API Key".', actions: ['setApiKey'] };
    case 'command':
      return {
        fix: `Run \`${source.command}\` in a terminal and check the token it prints is valid for this provider; fix [model_providers.${id}.auth] if not.`,
        actions: ['openConfig', 'testConnection'],
      };
    case 'bearer-token':
      return { fix: `Update experimental_bearer_token in [model_providers.${id}].`, actions: ['openConfig'] };
    case 'aws':
      return {
        fix: 'Check your AWS credentials (profile, keys or SSO session) and that they may call Amazon Bedrock in this region.',
        actions: ['openConfig', 'testConnection'],
      };
    default:
      return {
        fix: `This provider needs a credential: set env_key in [model_providers.${id}] to the variable holding your key, or save one with "Set API Key".`,
        actions: ['setApiKey', 'openConfig'],
      };
  }
}

/** ErrorInfo for any non-2xx status except 404 (see diagnoseNotFound). */
export function httpErrorInfo(status: number, body: string, ctx: ErrorContext): ErrorInfo {
  const fields = parseErrorBody(body);
  const who = providerLabel(ctx.provider);
  const base = { status, providerId: ctx.provider.id };
  if (status === 401 || status === 403) {
    const source = ctx.credentialSource;
    const from = source ? describeCredentialSource(source) : 'no credential';
    const { fix, actions } = credentialFix(source, ctx);
    const what =
      status === 401
        ? `${who} rejected the credential from ${from} (${statusText(status)}).`
        : `${who} refused access with the credential from ${from} (${statusText(status)}).`;
    return {
      ...base,
      kind: 'auth',
      message: what + said(fields, ctx),
      fix: status === 403 ? `The key may lack access to this model or endpoint. ${fix}` : fix,
      actions,
      retryable: false,
    };
  }
  if (status === 429) {
    const quota = QUOTA_CODES.has(fields.code ?? '') || QUOTA_CODES.has(fields.type ?? '');
    return {
      ...base,
      kind: 'rate_limited',
      message: quota
        ? `${who} says the account is out of quota (${statusText(status)}).${said(fields, ctx)}`
        : `${who} is rate limiting requests (${statusText(status)}).${said(fields, ctx)}`,
      fix: quota ? 'Check the plan and billing of this API key.' : 'Wait a moment and try again.',
      actions: ['retry'],
      retryable: !quota,
    };
  }
  if (status >= 500) {
    return {
      ...base,
      kind: 'server',
      message: `${who} had a server error (${statusText(status)}).${said(fields, ctx)}`,
      fix: 'This is usually temporary: try again in a moment.',
      actions: ['retry'],
      retryable: true,
    };
  }
  if (status === 408) {
    return {
      ...base,
      kind: 'network',
      message: `${who} timed out waiting for the request (${statusText(status)}).`,
      actions: ['retry'],
      retryable: true,
    };
  }
  if (status === 409 || status === 425) {
    return {
      ...base,
      kind: 'server',
      message: `${who} could not handle the request right now (${statusText(status)}).${said(fields, ctx)}`,
      actions: ['retry'],
      retryable: true,
    };
  }
  const contextTooLong = /context[_ ]length|context window|too many tokens|maximum context|prompt is too long/i.test(
    `${fields.code ?? ''} ${fields.message ?? ''}`,
  );
  return {
    ...base,
    kind: 'bad_request',
    message: `${who} rejected the request (${statusText(status)}).${said(fields, ctx)}`,
    fix: contextTooLong
      ? 'The conversation is too long for this model: start a new one or pick a model with a larger context window.'
      : 'Check the model name and provider settings; the provider\'s message above says what it did not accept.',
    ...(contextTooLong ? {} : { actions: ['openConfig'] as FixAction[] }),
    retryable: false,
  };
}
