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
    }
  | { role: 'tool'; toolCallId: string; name: string; content: string; isError?: boolean };

/** A tool the model may call; `parameters` is a JSON Schema object. */
export interface ToolDefinition {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}
