/**
 * Our conversation -> Anthropic Messages `system` + `messages`:
 * system messages become the top-level `system`; tool results become `tool_result` blocks in a
 * user message; an assistant's tool calls become `tool_use` blocks (after its signed thinking
 * blocks, which Anthropic requires back); consecutive messages of the same role are merged
 * (Anthropic rejects two user messages in a row, and parallel tool results must share one).
 */
import type { ContentBlockParam, MessageParam } from '@anthropic-ai/sdk/resources/messages';
import type { ChatMessage } from '../../../shared/conversation';

export interface AnthropicPrompt {
  system?: string;
  messages: MessageParam[];
}

function parseInput(args: string): unknown {
  if (args.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(args);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : { value };
  } catch {
    // Anthropic needs an object; keep the model's broken text so it can see what went wrong.
    return { _raw_arguments: args };
  }
}

function blocksOf(message: ChatMessage): ContentBlockParam[] {
  switch (message.role) {
    case 'user':
      return message.content ? [{ type: 'text', text: message.content }] : [];
    case 'tool':
      return [
        {
          type: 'tool_result',
          tool_use_id: message.toolCallId,
          content: message.content,
          ...(message.isError && { is_error: true }),
        },
      ];
    case 'assistant': {
      const blocks: ContentBlockParam[] = [];
      for (const part of message.reasoningParts ?? []) {
        if (part.type === 'anthropic-thinking') {
          blocks.push({ type: 'thinking', thinking: part.thinking, signature: part.signature });
        } else if (part.type === 'anthropic-redacted-thinking') {
          blocks.push({ type: 'redacted_thinking', data: part.data });
        }
      }
      if (message.content) blocks.push({ type: 'text', text: message.content });
      for (const call of message.toolCalls ?? []) {
        blocks.push({ type: 'tool_use', id: call.id, name: call.name, input: parseInput(call.arguments) });
      }
      return blocks;
    }
    case 'system':
      return [];
  }
}

export function convertToAnthropicMessages(messages: readonly ChatMessage[]): AnthropicPrompt {
  const system: string[] = [];
  const out: { role: 'user' | 'assistant'; content: ContentBlockParam[] }[] = [];
  for (const message of messages) {
    if (message.role === 'system') {
      if (message.content) system.push(message.content);
      continue;
    }
    const role = message.role === 'assistant' ? 'assistant' : 'user';
    const blocks = blocksOf(message);
    if (blocks.length === 0) continue;
    const last = out[out.length - 1];
    if (last && last.role === role) last.content.push(...blocks);
    else out.push({ role, content: blocks });
  }
  // tool_result blocks must come first in their user message.
  for (const message of out) {
    if (message.role !== 'user') continue;
    const results = message.content.filter((b) => b.type === 'tool_result');
    if (results.length > 0 && results.length < message.content.length) {
      message.content = [...results, ...message.content.filter((b) => b.type !== 'tool_result')];
    }
  }
  return { ...(system.length > 0 && { system: system.join('\n\n') }), messages: out };
}
