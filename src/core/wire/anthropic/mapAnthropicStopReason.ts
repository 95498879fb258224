/** Anthropic `stop_reason` as our StopReason. */
import type { StopReason } from '../../../shared/streamEvents';

export function mapAnthropicStopReason(reason: string | null | undefined): StopReason {
  switch (reason) {
    case 'end_turn':
    case 'stop_sequence':
      return 'stop';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return 'tool_calls';
    case 'refusal':
      return 'refusal';
    case 'pause_turn':
      return 'other';
    default:
      return reason ? 'other' : 'stop';
  }
}
