/**
 * Runs a streaming request with Codex's two retry budgets and yields one clean event stream:
 *
 * - `request_max_retries`: the request failed before a usable response (connect error, 408,
 *   409, 429, 5xx), with backoff or the server's Retry-After;
 * - `stream_max_retries`: the stream broke mid-way (reset, idle timeout, truncated, a transient
 *   in-stream error); the whole request is sent again and ReplayGuard drops what was shown;
 * - a 401 fetches a fresh credential (`forceRefresh`) once and retries once.
 *
 * Cancellation aborts the attempt's HTTP request at once and ends with an `error` of kind
 * `cancelled`. The generator never throws.
 */
import type { ErrorInfo } from '../../../shared/errors';
import type { StreamEvent } from '../../../shared/streamEvents';
import type { Clock, Logger } from '../../ports';
import type { Classified } from './classifyError';
import { ReplayGuard } from './replayGuard';
import { backoffMs, formatDelay } from './retryPolicy';

/** State of one attempt, shared between the runner, the attempt and the classifier. */
export interface AttemptContext {
  /** 1-based. */
  attempt: number;
  /** Ask the credential resolver for a fresh credential (after a 401). */
  forceRefresh: boolean;
  /** Aborted on cancel, on idle timeout (reason IdleTimeoutError), and when the attempt ends. */
  controller: AbortController;
  /** Set by the attempt once the response headers were OK: later failures are stream failures. */
  responseStarted: boolean;
}

export interface RetryPlan {
  requestMaxRetries: number;
  streamMaxRetries: number;
  clock: Clock;
  logger: Logger;
  signal?: AbortSignal;
  /** Runs one attempt, yielding batches of events. */
  attempt(ctx: AttemptContext): AsyncIterable<StreamEvent[]>;
  classify(error: unknown, ctx: AttemptContext): Promise<Classified>;
}

const CANCELLED: ErrorInfo = { kind: 'cancelled', message: 'Cancelled.' };

function budgetWord(n: number): string {
  return n === 1 ? '1 retry' : `${n} retries`;
}

export async function* runWithRetries(plan: RetryPlan): AsyncGenerator<StreamEvent> {
  const { signal, clock, logger } = plan;
  const guard = new ReplayGuard();
  const scratch: StreamEvent[] = [];
  let requestRetries = 0;
  let streamRetries = 0;
  let retries = 0;
  let refreshed = false;
  let forceRefresh = false;

  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) {
      yield { type: 'error', error: CANCELLED };
      return;
    }
    const controller = new AbortController();
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const ctx: AttemptContext = { attempt, forceRefresh, controller, responseStarted: false };
    forceRefresh = false;
    let classified: Classified;
    try {
      try {
        if (!guard.isReplaying) {
          for await (const batch of plan.attempt(ctx)) {
            for (let i = 0; i < batch.length; i++) {
              const event = batch[i];
              guard.record(event);
              yield event;
            }
          }
        } else {
          for await (const batch of plan.attempt(ctx)) {
            for (let i = 0; i < batch.length; i++) {
              guard.filter(batch[i], scratch);
              if (guard.divergence !== undefined) {
                yield { type: 'retry', attempt: retries, delayMs: 0, reason: guard.divergence };
                guard.divergence = undefined;
              }
              for (const event of scratch) yield event;
              scratch.length = 0;
            }
          }
        }
        return;
      } catch (error) {
        if (signal?.aborted) {
          yield { type: 'error', error: CANCELLED };
          return;
        }
        classified = await plan.classify(error, ctx);
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
      controller.abort();
    }

    const { info } = classified;
    let delayMs: number;
    let reason: string;
    if (classified.unauthorized && !refreshed) {
      refreshed = true;
      forceRefresh = true;
      delayMs = 0;
      reason = 'The credential was rejected (401); getting a fresh one and trying once more.';
    } else if (classified.retryable) {
      const stream = classified.phase === 'stream';
      const used = stream ? streamRetries : requestRetries;
      const budget = stream ? plan.streamMaxRetries : plan.requestMaxRetries;
      if (used >= budget) {
        const gaveUp = budget > 0 ? ` (gave up after ${budgetWord(budget)})` : '';
        yield { type: 'error', error: { ...info, message: info.message + gaveUp } };
        return;
      }
      if (stream) streamRetries++;
      else requestRetries++;
      delayMs = classified.retryAfterMs ?? backoffMs(used + 1);
      reason = `${info.message} Retrying in ${formatDelay(delayMs)} (${used + 1} of ${budget}).`;
    } else {
      yield { type: 'error', error: info };
      return;
    }

    retries++;
    if (ctx.responseStarted || guard.isReplaying) guard.startReplay();
    logger.info(`retry ${retries}: ${reason}`);
    yield { type: 'retry', attempt: retries, delayMs, reason };
    if (delayMs > 0) {
      try {
        await clock.sleep(delayMs, signal);
      } catch {
        yield { type: 'error', error: CANCELLED };
        return;
      }
    }
  }
}
