// Tool calling on all three protocols: the model's (parallel) calls come out as tool-call
// events, and on the next turn the tool results go back in that protocol's own format.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createModelClient } from '../../../src/core/wire/createModelClient';
import type { ModelClient } from '../../../src/core/wire/modelClient';
import type { ChatMessage, ToolDefinition } from '../../../src/shared/conversation';
import { sseBodyOf } from '../../helpers/corpus';
import { startReplayServer, type ReplayResponse, type ReplayServer } from '../../helpers/sseReplayServer';
import { anthropicStream, chatStream, responsesStream } from './streams';
import { collect, fakeCredentials, instantClock, makeProvider, summarize } from './support';

type J = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const TOOLS: ToolDefinition[] = [
  {
    name: 'get_weather',
    description: 'Current weather for a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
];

let script: ReplayResponse[] = [];
let server: ReplayServer;
let client: ModelClient;
before(async () => {
  server = await startReplayServer((_req, index) => script[index]);
  client = createModelClient({ credentials: fakeCredentials(), env: {}, clock: instantClock() });
});
after(() => server.close());

function reset(...bodies: string[]): number {
  const offset = server.requests.length;
  script = [...script.slice(0, offset), ...bodies.map((body) => ({ body }))];
  return offset;
}

const bodyOf = (index: number): J => JSON.parse(server.requests[index].body) as J;

describe('chat completions', () => {
  test('parallel tool calls, then both results go back as role:"tool" messages', async () => {
    const first = reset(sseBodyOf('chat-003-parallel-tool-calls.txt'), chatStream({ text: ['Edinburgh is 12°C; AAPL is $230.'] }));
    const provider = makeProvider('chat', `${server.baseUrl}/v1`);
    const messages: ChatMessage[] = [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Weather in Edinburgh and AAPL price?' },
    ];
    const turn1 = summarize(await collect(client.stream({ provider, model: 'gpt-4o', messages, tools: TOOLS, maxOutputTokens: 500 })));
    assert.equal(turn1.stopReason, 'tool_calls');
    assert.equal(turn1.toolCalls.length, 2);

    const request1 = bodyOf(first);
    assert.equal(server.requests[first].url, '/v1/chat/completions');
    assert.deepEqual(request1.tools, [{ type: 'function', function: TOOLS[0] }]);
    assert.equal(request1.stream, true);
    assert.deepEqual(request1.stream_options, { include_usage: true });
    assert.equal(request1.max_tokens, 500);

    messages.push({ role: 'assistant', content: '', toolCalls: turn1.toolCalls });
    messages.push({ role: 'tool', toolCallId: turn1.toolCalls[0].id, name: turn1.toolCalls[0].name, content: '12°C' });
    messages.push({ role: 'tool', toolCallId: turn1.toolCalls[1].id, name: turn1.toolCalls[1].name, content: '$230' });
    const turn2 = summarize(await collect(client.stream({ provider, model: 'gpt-4o', messages, tools: TOOLS })));
    assert.equal(turn2.text, 'Edinburgh is 12°C; AAPL is $230.');

    assert.deepEqual(bodyOf(first + 1).messages, [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Weather in Edinburgh and AAPL price?' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'call_JMW1whyEaYG438VE1OIflxA2', type: 'function', function: { name: 'GetWeatherArgs', arguments: '{"city": "Edinburgh", "country": "GB", "units": "c"}' } },
          { id: 'call_DNYTawLBoN8fj3KN6qU9N1Ou', type: 'function', function: { name: 'get_stock_price', arguments: '{"ticker": "AAPL", "exchange": "NASDAQ"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_JMW1whyEaYG438VE1OIflxA2', content: '12°C' },
      { role: 'tool', tool_call_id: 'call_DNYTawLBoN8fj3KN6qU9N1Ou', content: '$230' },
    ]);
  });

  test('o-series and gpt-5 models on api.openai.com get max_completion_tokens', async () => {
    const { buildChatBody } = await import('../../../src/core/wire/chat/chatProtocol');
    const openai = makeProvider('chat', 'https://api.openai.com/v1');
    const gateway = makeProvider('chat', 'https://gateway.example.com/v1');
    const base = { messages: [], maxOutputTokens: 100 };
    assert.equal(buildChatBody({ ...base, provider: openai, model: 'gpt-5-mini' }, openai).max_completion_tokens, 100);
    assert.equal(buildChatBody({ ...base, provider: openai, model: 'o3' }, openai).max_tokens, undefined);
    assert.equal(buildChatBody({ ...base, provider: openai, model: 'gpt-4o' }, openai).max_tokens, 100);
    assert.equal(buildChatBody({ ...base, provider: gateway, model: 'gpt-5' }, gateway).max_tokens, 100);
  });
});

describe('responses', () => {
  test('four-step tool loop from a real recording: each result goes back as function_call_output', async () => {
    // responses-007 holds four complete responses; serve them as four requests.
    const lines = sseBodyOf('responses-007-reasoning-summary-encrypted.jsonl.txt').split('\n\n').filter(Boolean);
    const streams: string[] = [];
    for (const event of lines) {
      if (event.includes('"type":"response.created"')) streams.push('');
      streams[streams.length - 1] += `${event}\n\n`;
    }
    assert.equal(streams.length, 4);
    const first = reset(...streams);
    const provider = makeProvider('responses', `${server.baseUrl}/v1`);
    const messages: ChatMessage[] = [
      { role: 'system', content: 'Use the calculator.' },
      { role: 'user', content: 'What is (12 + 7) * 3 * 10?' },
    ];
    const results = ['19', '57', '570'];
    const calls: string[] = [];
    for (let step = 0; step < 4; step++) {
      const events = await collect(client.stream({ provider, model: 'gpt-5.1-codex-max', messages, tools: TOOLS, reasoningEffort: 'medium' }));
      const turn = summarize(events);
      if (step === 3) {
        assert.equal(turn.text, 'The final result is **570**.');
        assert.equal(turn.stopReason, 'stop');
        break;
      }
      assert.equal(turn.stopReason, 'tool_calls');
      assert.equal(turn.toolCalls.length, 1);
      calls.push(turn.toolCalls[0].arguments);
      messages.push({ role: 'assistant', content: turn.text, reasoning: turn.reasoning || undefined, toolCalls: turn.toolCalls, reasoningParts: turn.done?.reasoningParts });
      messages.push({ role: 'tool', toolCallId: turn.toolCalls[0].id, name: 'calculator', content: results[step] });
    }
    assert.deepEqual(calls, ['{"a":12,"b":7,"op":"add"}', '{"a":19,"b":3,"op":"multiply"}', '{"a":57,"b":10,"op":"multiply"}']);

    const request1 = bodyOf(first);
    assert.equal(server.requests[first].url, '/v1/responses');
    assert.equal(request1.instructions, 'Use the calculator.');
    assert.deepEqual(request1.input, [{ role: 'user', content: 'What is (12 + 7) * 3 * 10?' }]);
    assert.deepEqual(request1.tools, [{ type: 'function', name: 'get_weather', description: TOOLS[0].description, parameters: TOOLS[0].parameters, strict: false }]);
    assert.deepEqual(request1.reasoning, { effort: 'medium', summary: 'auto' });
    assert.deepEqual(request1.include, ['reasoning.encrypted_content']);
    assert.equal(request1.store, false);

    const last = bodyOf(first + 3).input as J[];
    const outputs = last.filter((item) => item.type === 'function_call_output');
    assert.deepEqual(outputs, [
      { type: 'function_call_output', call_id: 'call_AB6AaRZ1FYZB2RwS6A5vbdqn', output: '19' },
      { type: 'function_call_output', call_id: 'call_Q6pW65MUgW9vF59BmItYGos3', output: '57' },
      { type: 'function_call_output', call_id: 'call_Zl5vIMnD7dVAjgU6FkhmiCZh', output: '570' },
    ]);
    const fnCalls = last.filter((item) => item.type === 'function_call');
    assert.deepEqual(
      fnCalls.map((c) => [c.call_id, c.name, c.arguments]),
      [
        ['call_AB6AaRZ1FYZB2RwS6A5vbdqn', 'calculator', '{"a":12,"b":7,"op":"add"}'],
        ['call_Q6pW65MUgW9vF59BmItYGos3', 'calculator', '{"a":19,"b":3,"op":"multiply"}'],
        ['call_Zl5vIMnD7dVAjgU6FkhmiCZh', 'calculator', '{"a":57,"b":10,"op":"multiply"}'],
      ],
    );
    // Each function_call comes right before its output, and the encrypted reasoning of step 1 is sent back.
    const order = last.map((item) => item.type ?? item.role);
    assert.deepEqual(order, ['user', 'reasoning', 'function_call', 'function_call_output', 'function_call', 'function_call_output', 'function_call', 'function_call_output']);
    const reasoning = last.find((item) => item.type === 'reasoning')!;
    assert.ok(typeof reasoning.encrypted_content === 'string' && reasoning.encrypted_content.length > 100);
  });

  test('parallel calls in one response both come out and both results go back', async () => {
    const tools = [
      { id: 'call_a', name: 'get_weather', arguments: '{"city":"Oslo"}' },
      { id: 'call_b', name: 'get_weather', arguments: '{"city":"Rome"}' },
    ];
    const first = reset(responsesStream({ text: ['Checking both.'], tools }), responsesStream({ text: ['Oslo 3°C, Rome 18°C.'] }));
    const provider = makeProvider('responses', `${server.baseUrl}/v1`);
    const messages: ChatMessage[] = [{ role: 'user', content: 'Oslo and Rome?' }];
    const turn1 = summarize(await collect(client.stream({ provider, model: 'gpt-4.1', messages, tools: TOOLS })));
    assert.equal(turn1.text, 'Checking both.');
    assert.deepEqual(turn1.toolCalls, tools);
    assert.equal(bodyOf(first).parallel_tool_calls, true);
    messages.push({ role: 'assistant', content: turn1.text, toolCalls: turn1.toolCalls });
    messages.push({ role: 'tool', toolCallId: 'call_a', name: 'get_weather', content: '3°C' });
    messages.push({ role: 'tool', toolCallId: 'call_b', name: 'get_weather', content: '18°C' });
    await collect(client.stream({ provider, model: 'gpt-4.1', messages, tools: TOOLS }));
    assert.deepEqual(bodyOf(first + 1).input, [
      { role: 'user', content: 'Oslo and Rome?' },
      { role: 'assistant', content: 'Checking both.' },
      { type: 'function_call', call_id: 'call_a', name: 'get_weather', arguments: '{"city":"Oslo"}' },
      { type: 'function_call', call_id: 'call_b', name: 'get_weather', arguments: '{"city":"Rome"}' },
      { type: 'function_call_output', call_id: 'call_a', output: '3°C' },
      { type: 'function_call_output', call_id: 'call_b', output: '18°C' },
    ]);
  });
});

describe('anthropic messages', () => {
  test('parallel tool_use blocks, then results go back as tool_result blocks in one user message', async () => {
    const tools = [
      { id: 'toolu_1', name: 'get_weather', arguments: '{"city":"Oslo"}' },
      { id: 'toolu_2', name: 'get_weather', arguments: '{"city":"Rome"}' },
    ];
    const first = reset(anthropicStream({ text: ['Let me check.'], tools }), anthropicStream({ text: ['Oslo 3°C, Rome 18°C.'] }));
    const provider = makeProvider('anthropic', `${server.baseUrl}/v1`);
    const messages: ChatMessage[] = [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Oslo and Rome?' },
    ];
    const turn1 = summarize(await collect(client.stream({ provider, model: 'claude-sonnet-4-5', messages, tools: TOOLS })));
    assert.equal(turn1.stopReason, 'tool_calls');
    assert.deepEqual(turn1.toolCalls, tools);

    const request1 = bodyOf(first);
    assert.equal(server.requests[first].url, '/v1/messages');
    assert.equal(request1.system, 'Be brief.');
    assert.equal(request1.max_tokens, 8192, 'Anthropic requires max_tokens; 8192 by default');
    assert.deepEqual(request1.tools, [{ name: 'get_weather', description: TOOLS[0].description, input_schema: TOOLS[0].parameters }]);
    assert.equal(server.requests[first].headers['anthropic-version'], '2023-06-01');
    assert.equal(server.requests[first].headers['x-api-key'], 'sk-test-key-0123456789');
    assert.equal(server.requests[first].headers.authorization, undefined);

    messages.push({ role: 'assistant', content: turn1.text, toolCalls: turn1.toolCalls });
    messages.push({ role: 'tool', toolCallId: 'toolu_1', name: 'get_weather', content: '3°C' });
    messages.push({ role: 'tool', toolCallId: 'toolu_2', name: 'get_weather', content: 'city not found', isError: true });
    messages.push({ role: 'user', content: 'And in Fahrenheit?' });
    const turn2 = summarize(await collect(client.stream({ provider, model: 'claude-sonnet-4-5', messages, tools: TOOLS, maxOutputTokens: 1000 })));
    assert.equal(turn2.text, 'Oslo 3°C, Rome 18°C.');

    const request2 = bodyOf(first + 1);
    assert.equal(request2.max_tokens, 1000);
    assert.deepEqual(request2.messages, [
      { role: 'user', content: [{ type: 'text', text: 'Oslo and Rome?' }] },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Let me check.' },
          { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Oslo' } },
          { type: 'tool_use', id: 'toolu_2', name: 'get_weather', input: { city: 'Rome' } },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'toolu_1', content: '3°C' },
          { type: 'tool_result', tool_use_id: 'toolu_2', content: 'city not found', is_error: true },
          { type: 'text', text: 'And in Fahrenheit?' },
        ],
      },
    ]);
  });

  test('signed thinking from a recording goes back verbatim before the tool_use blocks', async () => {
    const first = reset(sseBodyOf('anthropic-006-thinking-signature-delta.txt'), anthropicStream({ text: ['ok'] }));
    const provider = makeProvider('anthropic', `${server.baseUrl}/v1`);
    const messages: ChatMessage[] = [{ role: 'user', content: 'How do I cross the street?' }];
    const turn1 = summarize(await collect(client.stream({ provider, model: 'claude-sonnet-4', messages, reasoningEffort: 'low' })));
    assert.deepEqual(bodyOf(first).thinking, { type: 'enabled', budget_tokens: 2048 });
    assert.ok(bodyOf(first).max_tokens > 2048);
    const parts = turn1.done?.reasoningParts ?? [];
    assert.equal(parts.length, 1);
    messages.push({ role: 'assistant', content: turn1.text, reasoningParts: parts, toolCalls: [{ id: 'toolu_9', name: 'get_weather', arguments: '{"city":"Paris"}' }] });
    messages.push({ role: 'tool', toolCallId: 'toolu_9', name: 'get_weather', content: 'sunny' });
    await collect(client.stream({ provider, model: 'claude-sonnet-4', messages, reasoningEffort: 'low' }));
    const assistant = (bodyOf(first + 1).messages as J[])[1];
    assert.equal(assistant.role, 'assistant');
    assert.deepEqual(assistant.content[0], { type: 'thinking', thinking: turn1.reasoning, signature: parts[0].type === 'anthropic-thinking' ? parts[0].signature : '' });
    assert.deepEqual(assistant.content.map((b: J) => b.type), ['thinking', 'text', 'tool_use']);
  });
});
