/**
 * The one normalized stream every wire protocol produces. The agent, the CLI (`exec --json`) and
 * the chat webview consume only these events.
 */
import type { ReasoningPart } from './conversation';
import type { ErrorInfo } from './errors';

export type StopReason =
  | 'stop' // the model finished its answer
  | 'length' // hit max tokens
  | 'tool_calls' // the model wants tools run
  | 'content_filter' // the provider filtered the output
  | 'refusal' // the model refused
  | 'cancelled'
  | 'error'
  | 'other';

export interface Usage {
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  reasoningTokens: number;
}

export type StreamEvent =
  | { type: 'text-delta'; text: string }
  | { type: 'reasoning-delta'; text: string }
  | { type: 'tool-call-start'; id: string; name: string }
  | { type: 'tool-call-delta'; id: string; argumentsDelta: string }
  | { type: 'tool-call-end'; id: string; name: string; arguments: string }
  | { type: 'usage'; usage: Usage }
  /** The request is being retried; `attempt` counts from 1. Text already emitted is not repeated. */
  | { type: 'retry'; attempt: number; delayMs: number; reason: string }
  | {
      type: 'done';
      stopReason: StopReason;
      providerStopReason?: string;
      /** Reasoning to keep on the assistant message (`ChatMessage.reasoningParts`) and send back. */
      reasoningParts?: ReasoningPart[];
    }
  | { type: 'error'; error: ErrorInfo };

export function emptyUsage(): Usage {
  return { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, reasoningTokens: 0 };
}

export function addUsage(a: Usage, b: Usage): Usage {
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cachedInputTokens: a.cachedInputTokens + b.cachedInputTokens,
    reasoningTokens: a.reasoningTokens + b.reasoningTokens,
  };
}
