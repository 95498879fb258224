// Our conversation in each protocol's own message format.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { convertToAnthropicMessages } from '../../../src/core/wire/anthropic/convertToAnthropicMessages';
import { buildAnthropicBody } from '../../../src/core/wire/anthropic/anthropicProtocol';
import { convertToChatMessages } from '../../../src/core/wire/chat/convertToChatMessages';
import { convertToResponsesMessages } from '../../../src/core/wire/responses/convertToResponsesMessages';
import type { ChatMessage } from '../../../src/shared/conversation';

test('anthropic: systems joined on top, same-role messages merged, empty text dropped', () => {
  const messages: ChatMessage[] = [
    { role: 'system', content: 'Rule one.' },
    { role: 'user', content: 'a' },
    { role: 'system', content: 'Rule two.' },
    { role: 'user', content: 'b' },
    { role: 'assistant', content: '' },
    { role: 'assistant', content: 'c' },
    { role: 'user', content: '' },
  ];
  assert.deepEqual(convertToAnthropicMessages(messages), {
    system: 'Rule one.\n\nRule two.',
    messages: [
      { role: 'user', content: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'c' }] },
    ],
  });
});

test('anthropic: broken tool arguments still become an object; tool results lead their user message', () => {
  const { messages } = convertToAnthropicMessages([
    { role: 'user', content: 'go' },
    { role: 'assistant', content: '', toolCalls: [{ id: 't1', name: 'f', arguments: '{"a":' }, { id: 't2', name: 'g', arguments: '' }] },
    { role: 'user', content: 'also this' },
    { role: 'tool', toolCallId: 't1', name: 'f', content: 'r1' },
    { role: 'tool', toolCallId: 't2', name: 'g', content: 'r2' },
  ]);
  assert.deepEqual(messages[1].content, [
    { type: 'tool_use', id: 't1', name: 'f', input: { _raw_arguments: '{"a":' } },
    { type: 'tool_use', id: 't2', name: 'g', input: {} },
  ]);
  assert.deepEqual(
    (messages[2].content as { type: string }[]).map((b) => b.type),
    ['tool_result', 'tool_result', 'text'],
  );
});

test('anthropic: max_tokens defaults to 8192; a thinking budget always stays below it', () => {
  const base = { provider: undefined as never, model: 'claude', messages: [] };
  assert.equal(buildAnthropicBody(base).max_tokens, 8192);
  assert.equal(buildAnthropicBody(base).thinking, undefined);
  const high = buildAnthropicBody({ ...base, reasoningEffort: 'high' });
  assert.deepEqual(high.thinking, { type: 'enabled', budget_tokens: 24576 });
  assert.ok(high.max_tokens > 24576);
  const capped = buildAnthropicBody({ ...base, reasoningEffort: 'high', maxOutputTokens: 4000 });
  assert.equal(capped.max_tokens, 4000);
  assert.deepEqual(capped.thinking, { type: 'enabled', budget_tokens: 3999 });
  assert.equal(buildAnthropicBody({ ...base, reasoningEffort: 'low', maxOutputTokens: 900 }).thinking, undefined, 'below the 1024 minimum: no thinking');
  assert.equal(buildAnthropicBody({ ...base, reasoningEffort: 'minimal' }).thinking, undefined);
});

test('responses: system messages become instructions; the rest keeps its order', () => {
  const prompt = convertToResponsesMessages([
    { role: 'system', content: 'Be kind.' },
    { role: 'user', content: 'hi' },
    { role: 'assistant', content: 'hello', reasoningParts: [{ type: 'anthropic-redacted-thinking', data: 'x' }] },
  ]);
  assert.deepEqual(prompt, {
    instructions: 'Be kind.',
    input: [
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: 'hello' },
    ],
  });
  assert.equal(convertToResponsesMessages([{ role: 'user', content: 'x' }]).instructions, undefined);
});

test('chat: an assistant that only called tools has content null', () => {
  assert.deepEqual(convertToChatMessages([{ role: 'assistant', content: '', toolCalls: [{ id: 'c', name: 'f', arguments: '' }] }]), [
    { role: 'assistant', content: null, tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{}' } }] },
  ]);
  assert.deepEqual(convertToChatMessages([{ role: 'assistant', content: 'plain' }]), [{ role: 'assistant', content: 'plain' }]);
});
