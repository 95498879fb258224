/** Chat Completions `finish_reason` as our StopReason. */
import type { StopReason } from '../../../shared/streamEvents';

/**
 * `stop` | `length` | `tool_calls` (and the legacy `function_call`) | `content_filter`. Servers
 * that answer tool calls with `stop` (several local ones) report `tool_calls` when a call came;
 * a refusal (`delta.refusal`) ending in `stop` reports `refusal`.
 */
export function mapChatFinishReason(
  reason: string | null | undefined,
  seen: { toolCalls: boolean; refusal: boolean },
): StopReason {
  switch (reason) {
    case 'length':
    case 'max_tokens':
      return 'length';
    case 'tool_calls':
    case 'function_call':
      return 'tool_calls';
    case 'content_filter':
      return 'content_filter';
    case 'stop':
    case 'eos':
    case 'end_turn':
    case null:
    case undefined:
      if (seen.toolCalls) return 'tool_calls';
      return seen.refusal ? 'refusal' : 'stop';
    default:
      return 'other';
  }
}
