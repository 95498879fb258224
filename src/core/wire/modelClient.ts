/**
 * The one interface the agent uses to talk to any model, whatever the wire protocol.
 */
import type { ChatMessage, ToolDefinition } from '../../shared/conversation';
import type { StreamEvent } from '../../shared/streamEvents';
import type { ProviderInfo } from '../providers/providerInfo';

export interface ModelRequest {
  provider: ProviderInfo;
  model: string;
  messages: ChatMessage[];
  tools?: ToolDefinition[];
  /** Sent as `max_output_tokens` (Responses), `max_tokens`/`max_completion_tokens` (Chat), `max_tokens` (Anthropic). */
  maxOutputTokens?: number;
  /** Reasoning effort for models that take one (`low` | `medium` | `high`). */
  reasoningEffort?: 'minimal' | 'low' | 'medium' | 'high';
  signal?: AbortSignal;
}

/**
 * Streams one model turn as normalized events. The iterable never throws: failures arrive as a
 * final `error` event (then the stream ends), cancellation as `error` with kind `cancelled`.
 * Every successful stream ends with exactly one `done` event.
 */
export interface ModelClient {
  stream(request: ModelRequest): AsyncIterable<StreamEvent>;
}

export interface ModelListEntry {
  id: string;
  /** Display name when the provider gives one. */
  name?: string;
}
