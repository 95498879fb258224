/**
 * One model request of the loop: streams it into a `StepAccumulator`, forwarding each event, and
 * says how it ended.
 */
import type { ReasoningPart, ToolCall } from '../../shared/conversation';
import { toErrorInfo, type ErrorInfo } from '../../shared/errors';
import type { StopReason, StreamEvent, Usage } from '../../shared/streamEvents';
import type { ModelClient, ModelRequest } from '../wire/modelClient';
import { ABORTED, AbortableIterator } from './abortableIterator';
import type { StepAccumulator } from './stepAccumulator';

/** How a step ended, with what was shown. */
export type StepEnd =
  /** The model finished (`done`); run `calls` if any. */
  | {
      kind: 'answered';
      content: string;
      reasoning?: string;
      reasoningParts?: ReasoningPart[];
      calls: ToolCall[];
      stopReason: StopReason;
      usage?: Usage;
    }
  /** The user stopped it; keep what was shown. */
  | { kind: 'stopped'; content: string; reasoning?: string; usage?: Usage }
  /** The stream failed; keep what was shown. */
  | { kind: 'error'; content: string; reasoning?: string; error: ErrorInfo; usage?: Usage };

/**
 * Streams `request`, calling `onEvent` for every event as it arrives. Never throws.
 * `acc` is passed in so the caller can read the partial text while this runs.
 */
export async function streamModelStep(
  client: ModelClient,
  request: ModelRequest,
  signal: AbortSignal,
  acc: StepAccumulator,
  onEvent: (event: StreamEvent) => void,
): Promise<StepEnd> {
  let aborted = false;
  let iterator: AbortableIterator<StreamEvent> | undefined;
  try {
    iterator = new AbortableIterator(client.stream(request)[Symbol.asyncIterator](), signal);
    for (;;) {
      const next = await iterator.next();
      if (next === ABORTED) {
        aborted = true;
        break;
      }
      if (next.done) break;
      acc.add(next.value);
      onEvent(next.value);
    }
  } catch (error) {
    acc.error ??= toErrorInfo(error);
  } finally {
    iterator?.close();
  }

  const content = acc.textValue();
  const reasoning = acc.reasoningValue();
  const shown = { content, ...(reasoning !== undefined && { reasoning }), ...(acc.usage && { usage: acc.usage }) };
  const finished = acc.stopReason !== undefined && acc.error === undefined;
  if (aborted || acc.error?.kind === 'cancelled' || (signal.aborted && !finished)) return { kind: 'stopped', ...shown };
  if (!finished) {
    const error: ErrorInfo = acc.error ?? {
      kind: 'protocol',
      message: 'The model stream ended before the answer was finished.',
      retryable: true,
    };
    return { kind: 'error', ...shown, error };
  }
  return {
    kind: 'answered',
    ...shown,
    ...(acc.reasoningParts && { reasoningParts: acc.reasoningParts }),
    calls: acc.toolCalls(),
    stopReason: acc.stopReason ?? 'stop',
  };
}
