/**
 * Connection-level failures (refused, DNS, reset, TLS, proxy) as errors with a next step.
 * Node's fetch reports them as `TypeError: fetch failed` / `terminated` with the real reason in
 * `cause` (often nested), so we look down the cause chain for a code.
 */
import type { ErrorInfo } from '../../../shared/errors';
import { displayOrigin, providerLabel, type ErrorContext } from './errorContext';
import { safeText } from './providerMessage';

const TLS_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** The first `code` (and its message) found along `error.cause`. */
export function causeCode(error: unknown): { code?: string; message: string } {
  let current: unknown = error;
  let message = error instanceof Error ? error.message : String(error);
  for (let depth = 0; depth < 6 && current; depth++) {
    if (current instanceof Error || (typeof current === 'object' && current !== null)) {
      const c = current as { code?: unknown; message?: unknown; cause?: unknown };
      if (typeof c.message === 'string' && c.message) message = c.message;
      if (typeof c.code === 'string') return { code: c.code, message };
      current = c.cause;
    } else break;
  }
  return { message };
}

/** ErrorInfo for a failure to connect or a connection lost mid-way. */
export function networkErrorInfo(error: unknown, url: string | undefined, ctx: ErrorContext): ErrorInfo {
  const who = providerLabel(ctx.provider);
  const where = url ? displayOrigin(url) : (ctx.provider.baseUrl ?? who);
  const { code, message } = causeCode(error);
  const base = { kind: 'network' as const, providerId: ctx.provider.id };
  if (code && TLS_CODES.has(code)) {
    return {
      ...base,
      message: `Could not verify the TLS certificate of ${where} (${code}).`,
      fix: `If your network inspects TLS (a corporate proxy), point caCertificate in [model_providers.${ctx.provider.id}] or CODEX_CA_CERTIFICATE at its root certificate (PEM).`,
      actions: ['openConfig', 'testConnection'],
      retryable: false,
    };
  }
  if (code === 'ECONNREFUSED') {
    return {
      ...base,
      message: `Could not connect to ${where}: connection refused.`,
      fix: 'Is the server running and is base_url right (host and port)?',
      actions: ['retry', 'openConfig', 'testConnection'],
      retryable: true,
    };
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return {
      ...base,
      message: `Could not resolve the host of ${where} (${code}).`,
      fix: 'Check base_url for typos and that you are online (and on the VPN if it is an internal host).',
      actions: ['retry', 'openConfig'],
      retryable: true,
    };
  }
  if (/proxy/i.test(message)) {
    return {
      ...base,
      message: `The proxy refused or failed the connection to ${where}: ${safeText(message, ctx.secrets)}`,
      fix: 'Check HTTPS_PROXY / HTTP_PROXY (and NO_PROXY for hosts to reach directly).',
      actions: ['retry'],
      retryable: true,
    };
  }
  return {
    ...base,
    message: `The connection to ${where} failed${code ? ` (${code})` : ''}: ${safeText(message, ctx.secrets)}`,
    actions: ['retry'],
    retryable: true,
  };
}
