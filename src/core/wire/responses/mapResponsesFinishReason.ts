/** How a Responses API response ended, as our StopReason. */
import type { StopReason } from '../../../shared/streamEvents';

/**
 * `completed` is `tool_calls` when the response asked for tools, `refusal` when it refused;
 * `incomplete` says why in `incomplete_details.reason` (`max_output_tokens`, `content_filter`).
 */
export function mapResponsesFinishReason(
  status: string | null | undefined,
  incompleteReason: string | null | undefined,
  seen: { toolCalls: boolean; refusal: boolean },
): StopReason {
  if (status === 'incomplete') {
    if (incompleteReason === 'content_filter') return 'content_filter';
    return incompleteReason === 'max_output_tokens' || incompleteReason == null ? 'length' : 'other';
  }
  if (status === 'cancelled') return 'cancelled';
  if (seen.toolCalls) return 'tool_calls';
  if (seen.refusal) return 'refusal';
  return 'stop';
}
