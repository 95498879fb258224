/**
 * The provider-neutral conversation: what the agent keeps, what sessions save, and what each
 * wire protocol converts into its own message format.
 */

/** A tool call the model asked for. `arguments` is the raw JSON text the model produced. */
export interface ToolCall {
  id: string;
  name: string;
  arguments: string;
}

export type ChatMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | {
      role: 'assistant';
      content: string;
      /** Reasoning text shown to the user (never sent back unless the protocol needs it). */
      reasoning?: string;
      toolCalls?: ToolCall[];
      /**
       * Opaque reasoning state the protocol needs back on the next request (Anthropic thinking
       * blocks with their signatures, OpenAI encrypted reasoning items). Taken from the `done`
       * event's `reasoningParts`; never shown to the user.
       */
      reasoningParts?: ReasoningPart[];
    }
  | { role: 'tool'; toolCallId: string; name: string; content: string; isError?: boolean };

/**
 * Provider reasoning that must be sent back verbatim in later requests: Anthropic requires the
 * signed `thinking` / `redacted_thinking` blocks of the last assistant turn when it used tools
 * with extended thinking; OpenAI's Responses API can resume reasoning from `encrypted_content`.
 */
export type ReasoningPart =
  | { type: 'anthropic-thinking'; thinking: string; signature: string }
  | { type: 'anthropic-redacted-thinking'; data: string }
  | { type: 'openai-reasoning'; id: string; encryptedContent: string; summary: string[] };

/** A tool the model may call; `parameters` is a JSON Schema object. */
export interface ToolDefinition {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}
