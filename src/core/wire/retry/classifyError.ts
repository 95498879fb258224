/**
 * Decides what a failed attempt means: the ErrorInfo the user would see, whether a retry may
 * help, how long the server asked us to wait, and whether it was a 401 (refresh the credential).
 */
import { SwitchboardError, type ErrorInfo } from '../../../shared/errors';
import type { WireApi } from '../../providers/providerInfo';
import { diagnoseNotFound, type EndpointProbe } from '../errors/diagnoseNotFound';
import { providerLabel, type ErrorContext } from '../errors/errorContext';
import { httpErrorInfo } from '../errors/httpErrorInfo';
import { causeCode, networkErrorInfo } from '../errors/networkErrorInfo';
import { safeText } from '../errors/providerMessage';
import { HttpStatusError, IdleTimeoutError, InStreamError, TruncatedStreamError } from '../http/wireErrors';
import { formatDelay, MAX_RETRY_AFTER_MS, retryAfterMs } from './retryPolicy';

export type AttemptPhase = 'request' | 'stream';

export interface Classified {
  info: ErrorInfo;
  retryable: boolean;
  /** `request`: no usable response yet (request_max_retries); `stream`: it broke mid-way (stream_max_retries). */
  phase: AttemptPhase;
  /** What the server asked for with Retry-After. */
  retryAfterMs?: number;
  /** A 401: worth fetching a fresh credential once. */
  unauthorized?: boolean;
}

export interface ClassifyInput {
  error: unknown;
  /** The attempt's own signal (aborted by the idle watchdog with an IdleTimeoutError reason). */
  attemptSignal: AbortSignal;
  phase: AttemptPhase;
  url?: string;
  wireApi: WireApi;
  ctx: ErrorContext;
  now: number;
  probe?: EndpointProbe;
}

const KNOWN = [HttpStatusError, IdleTimeoutError, TruncatedStreamError, InStreamError, SwitchboardError];

/** Finds one of our error types along the cause chain (SDKs wrap what our fetch throws). */
function unwrap(error: unknown): unknown {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current instanceof Error; depth++) {
    if (KNOWN.some((k) => current instanceof k)) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return error;
}

function looksLikeNetwork(error: unknown): boolean {
  const { code, message } = causeCode(error);
  if (code && /^(E[A-Z]+|UND_ERR_|ERR_SSL|ERR_TLS|CERT_|UNABLE_|SELF_SIGNED|DEPTH_ZERO)/.test(code)) return true;
  return /fetch failed|terminated|other side closed|socket|network|connection/i.test(message);
}

export async function classifyError(input: ClassifyInput): Promise<Classified> {
  const { ctx, phase } = input;
  const reason: unknown = input.attemptSignal.aborted ? input.attemptSignal.reason : undefined;
  const error = reason instanceof IdleTimeoutError ? reason : unwrap(input.error);
  const who = providerLabel(ctx.provider);

  if (error instanceof SwitchboardError) {
    const info = error.toInfo();
    return { info, retryable: info.retryable ?? false, phase };
  }
  if (error instanceof HttpStatusError) {
    if (error.status === 404) {
      const info = await diagnoseNotFound(error.url, error.bodyText, input.wireApi, ctx, input.probe);
      return { info, retryable: false, phase: 'request' };
    }
    const info = httpErrorInfo(error.status, error.bodyText, ctx);
    const after = retryAfterMs(error.headers, input.now);
    if (info.retryable && after !== undefined && after > MAX_RETRY_AFTER_MS) {
      info.message += ` It asks to retry in ${formatDelay(after)}.`;
      return { info: { ...info, retryable: false }, retryable: false, phase: 'request' };
    }
    return {
      info,
      retryable: info.retryable ?? false,
      phase: 'request',
      ...(after !== undefined && { retryAfterMs: after }),
      ...(error.status === 401 && { unauthorized: true }),
    };
  }
  if (error instanceof IdleTimeoutError) {
    const info: ErrorInfo = {
      kind: 'network',
      message:
        error.phase === 'headers'
          ? `${who} did not answer within ${formatDelay(error.ms)}.`
          : `The stream from ${who} stalled: no data for ${formatDelay(error.ms)}.`,
      fix: `If the model is just slow to start, raise stream_idle_timeout_ms in [model_providers.${ctx.provider.id}].`,
      providerId: ctx.provider.id,
      actions: ['retry'],
      retryable: true,
    };
    return { info, retryable: true, phase: error.phase === 'headers' ? 'request' : 'stream' };
  }
  if (error instanceof TruncatedStreamError) {
    const info: ErrorInfo = {
      kind: 'network',
      message: `The stream from ${who} ended before the response was complete.`,
      providerId: ctx.provider.id,
      actions: ['retry'],
      retryable: true,
    };
    return { info, retryable: true, phase: 'stream' };
  }
  if (error instanceof InStreamError) {
    return { info: error.info, retryable: error.info.retryable ?? false, phase: 'stream' };
  }
  if (looksLikeNetwork(error)) {
    const info = networkErrorInfo(error, input.url, ctx);
    return { info, retryable: info.retryable ?? false, phase };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    info: { kind: 'internal', message: `Unexpected error talking to ${who}: ${safeText(message, ctx.secrets)}`, providerId: ctx.provider.id, actions: ['showLogs'] },
    retryable: false,
    phase,
  };
}
