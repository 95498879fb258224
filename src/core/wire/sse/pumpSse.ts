/**
 * Reads one streaming response body: bytes -> text -> SSE messages -> JSON -> the protocol's
 * mapper -> batches of normalized events. One batch per network chunk, so the async overhead is
 * per chunk, not per delta. Malformed messages (bad JSON, unknown SSE fields) are skipped; an
 * event left unterminated at the end of the body is still delivered (we feed a final blank
 * line), as some servers and fixtures omit it.
 */
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { StreamEvent } from '../../../shared/streamEvents';
import type { Logger } from '../../ports';
import type { IdleWatchdog } from '../http/idleWatchdog';

/** A protocol's translation from provider events to `StreamEvent`s. */
export interface StreamMapper {
  /**
   * One parsed JSON payload. `event` is the SSE `event:` name, if any. Push events to `out`;
   * throw `InStreamError` when the provider reports an error.
   */
  onData(data: unknown, event: string | undefined, out: StreamEvent[]): void;
  /** `data: [DONE]` (Chat Completions' terminator; OpenRouter sends it on Responses too). */
  onDoneMarker(out: StreamEvent[]): void;
  /** The body ended. Push final events, or throw `TruncatedStreamError` when incomplete. */
  onEnd(out: StreamEvent[]): void;
  /** True once the terminal event was handled: the pump stops reading. */
  readonly finished: boolean;
}

const MAX_LOGGED = 200;

/**
 * The start of `text` for a log line. A word cut by the limit is dropped whole: the logger
 * redacts secrets by value, and half a secret would no longer match.
 */
function excerpt(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max).replace(/\S*$/, '')}…`;
}

/** Streams `body` through `mapper`. Cancels the body when done, failed, or abandoned. */
export async function* pumpSse(
  body: ReadableStream<Uint8Array>,
  mapper: StreamMapper,
  watchdog: IdleWatchdog,
  logger: Logger,
): AsyncGenerator<StreamEvent[]> {
  const out: StreamEvent[] = [];
  let failure: unknown;
  let skipped = 0;
  const onEvent = (message: EventSourceMessage) => {
    if (failure !== undefined || mapper.finished) return;
    const data = message.data;
    try {
      if (data.length === 6 && data === '[DONE]') {
        mapper.onDoneMarker(out);
        return;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(data);
      } catch {
        if (skipped++ < 5) logger.warn(`Skipped a stream event that is not JSON: ${excerpt(data, MAX_LOGGED)}`);
        return;
      }
      if (parsed !== null && typeof parsed === 'object') mapper.onData(parsed, message.event, out);
    } catch (error) {
      failure = error;
    }
  };
  const parser = createParser({ onEvent });
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let ended = false;
  try {
    while (!mapper.finished) {
      watchdog.arm('body');
      const { done, value } = await reader.read();
      watchdog.disarm();
      if (done) {
        ended = true;
        // A blank line ends the last line and dispatches an event left unterminated.
        parser.feed(`${decoder.decode()}\n\n`);
        if (failure === undefined && !mapper.finished) {
          try {
            mapper.onEnd(out);
          } catch (error) {
            failure = error;
          }
        }
      } else {
        parser.feed(decoder.decode(value, { stream: true }));
      }
      if (out.length > 0) {
        yield out;
        out.length = 0;
      }
      if (failure !== undefined) throw failure;
      if (ended) break;
    }
  } finally {
    watchdog.stop();
    if (!ended) reader.cancel().catch(() => {});
    else reader.releaseLock();
  }
}
