/**
 * Our conversation -> Responses API `instructions` + `input` items:
 * system messages become `instructions`; user and assistant text become messages; an assistant's
 * tool calls become `function_call` items and tool results `function_call_output` items (matched
 * by `call_id`); encrypted reasoning from earlier turns goes back as `reasoning` items.
 */
import type { ResponseInputItem } from 'openai/resources/responses/responses';
import type { ChatMessage } from '../../../shared/conversation';

export interface ResponsesPrompt {
  instructions?: string;
  input: ResponseInputItem[];
}

export function convertToResponsesMessages(messages: readonly ChatMessage[]): ResponsesPrompt {
  const system: string[] = [];
  const input: ResponseInputItem[] = [];
  for (const message of messages) {
    switch (message.role) {
      case 'system':
        if (message.content) system.push(message.content);
        break;
      case 'user':
        input.push({ role: 'user', content: message.content });
        break;
      case 'assistant':
        for (const part of message.reasoningParts ?? []) {
          if (part.type !== 'openai-reasoning') continue;
          input.push({
            type: 'reasoning',
            id: part.id,
            encrypted_content: part.encryptedContent,
            summary: part.summary.map((text) => ({ type: 'summary_text' as const, text })),
          });
        }
        if (message.content) input.push({ role: 'assistant', content: message.content });
        for (const call of message.toolCalls ?? []) {
          input.push({ type: 'function_call', call_id: call.id, name: call.name, arguments: call.arguments });
        }
        break;
      case 'tool':
        input.push({ type: 'function_call_output', call_id: message.toolCallId, output: message.content });
        break;
    }
  }
  return { ...(system.length > 0 && { instructions: system.join('\n\n') }), input };
}
