// Replays every recorded stream in /work/shared/corpus/sse through the real client (against a
// local server) and checks the normalized events: exact text and reasoning, tool calls with exact
// names and arguments, usage numbers, stop reasons, typed errors. Then replays each stream again
// in random 1-7 byte chunks and requires identical events.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { WireApi } from '../../../src/core/providers/providerInfo';
import { createModelClient } from '../../../src/core/wire/createModelClient';
import type { StreamEvent } from '../../../src/shared/streamEvents';
import { fixturePayloads, listSseFixtures, sseBodyOf } from '../../helpers/corpus';
import { rechunkingFetch, startReplayServer, type ReplayServer } from '../../helpers/sseReplayServer';
import { callDeltas, collect, fakeCredentials, instantClock, makeProvider, summarize, type Summary } from './support';

type J = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function wireOf(name: string): WireApi {
  return name.startsWith('chat') ? 'chat' : name.startsWith('responses') ? 'responses' : 'anthropic';
}

// Oracles: the same concatenations computed straight from the recorded payloads.
const payloads = (name: string) => fixturePayloads(name).map((p) => p.data as J);
const anthropicDeltas = (name: string, type: string, field: string) =>
  payloads(name)
    .filter((d) => d.type === 'content_block_delta' && d.delta.type === type)
    .map((d) => d.delta[field] as string)
    .join('');
const chatField = (name: string, pick: (delta: J) => unknown) =>
  payloads(name)
    .flatMap((d) => (d.choices ?? []) as J[])
    .filter((c) => (c.index ?? 0) === 0 && c.delta)
    .map((c) => pick(c.delta))
    .filter((v): v is string => typeof v === 'string')
    .join('');
const responsesDeltas = (name: string, ...types: string[]) =>
  payloads(name)
    .filter((d) => types.includes(d.type))
    .map((d) => d.delta as string)
    .join('');

function usage(inputTokens: number, outputTokens: number, cachedInputTokens = 0, reasoningTokens = 0) {
  return { inputTokens, outputTokens, cachedInputTokens, reasoningTokens };
}

/** Per-file expectations. Every corpus file must have one (checked below). */
const EXPECT: Record<string, (s: Summary, events: StreamEvent[]) => void> = {
  'anthropic-001-basic-text-ping.txt': (s) => {
    assert.equal(s.text, 'Hello there!');
    assert.deepEqual(s.usage, usage(11, 6));
    assert.equal(s.stopReason, 'stop');
    assert.equal(s.providerStopReason, 'end_turn');
  },
  'anthropic-002-text-then-tool-use-input-json-delta.txt': (s) => {
    assert.equal(s.text, "I'll check the current weather in Paris for you.");
    assert.deepEqual(s.toolCalls, [{ id: 'toolu_01NRLabsLyVHZPKxbKvkfSMn', name: 'get_weather', arguments: '{"location": "Paris"}' }]);
    assert.deepEqual(s.usage, usage(377, 65));
    assert.equal(s.stopReason, 'tool_calls');
  },
  'anthropic-003-max-tokens-truncated-tool-json-padded-data.txt': (s, events) => {
    assert.equal(
      s.text,
      "I'll create a comprehensive tax guide for someone with multiple W2s and save it in a file called taxes.txt. Let me do that for you now.",
    );
    // The tool call was cut off by max_tokens: it started but never ended, so nobody runs it.
    assert.deepEqual(s.toolCalls, []);
    assert.deepEqual(s.unfinishedCalls, ['toolu_01EKqbqmZrGRXy18eN7m9kvY']);
    assert.ok(callDeltas(events).get('toolu_01EKqbqmZrGRXy18eN7m9kvY')!.startsWith('{"filename": "taxes.txt", "lines_of_text": ['));
    assert.deepEqual(s.usage, usage(450, 124));
    assert.equal(s.stopReason, 'length');
  },
  'anthropic-004-refusal-stop-reason.txt': (s) => {
    assert.equal(s.text, '');
    assert.equal(s.stopReason, 'refusal');
    assert.deepEqual(s.usage, usage(20, 0));
  },
  'anthropic-005-server-tool-use-then-refusal.txt': (s, events) => {
    // server_tool_use (web search) runs on Anthropic's side: not a tool call of ours.
    assert.ok(!events.some((e) => e.type.startsWith('tool-call')));
    assert.equal(s.text, "Here's a summary of this year's solar eclipses and how");
    assert.equal(s.stopReason, 'refusal');
    assert.deepEqual(s.usage, usage(28, 106, 0, 67));
  },
  'anthropic-006-thinking-signature-delta.txt': (s) => {
    const name = 'anthropic-006-thinking-signature-delta.txt';
    assert.equal(s.reasoning, anthropicDeltas(name, 'thinking_delta', 'thinking'));
    assert.ok(s.reasoning.startsWith('This is a straightforward question about pedestrian safety.'));
    assert.equal(s.text, anthropicDeltas(name, 'text_delta', 'text'));
    assert.ok(s.text.endsWith('Always prioritize safety over speed when crossing streets.'));
    const signature = payloads(name).find((d) => d.delta?.type === 'signature_delta')!.delta.signature as string;
    assert.deepEqual(s.done?.reasoningParts, [{ type: 'anthropic-thinking', thinking: s.reasoning, signature }]);
    assert.deepEqual(s.usage, usage(43, 282));
    assert.equal(s.stopReason, 'stop');
  },
  'anthropic-007-redacted-thinking-multiple-pings.txt': (s) => {
    const name = 'anthropic-007-redacted-thinking-multiple-pings.txt';
    assert.equal(s.reasoning, '');
    assert.equal(s.text, anthropicDeltas(name, 'text_delta', 'text'));
    assert.ok(s.text.startsWith('I notice that you\'ve sent what appears to be some kind of test string'));
    const redacted = payloads(name)
      .filter((d) => d.type === 'content_block_start' && d.content_block.type === 'redacted_thinking')
      .map((d) => ({ type: 'anthropic-redacted-thinking', data: d.content_block.data }));
    assert.equal(redacted.length, 2);
    assert.deepEqual(s.done?.reasoningParts, redacted);
    assert.deepEqual(s.usage, usage(92, 189));
  },
  'anthropic-008-web-search-server-tool-citations.txt': (s, events) => {
    const name = 'anthropic-008-web-search-server-tool-citations.txt';
    assert.ok(!events.some((e) => e.type.startsWith('tool-call')));
    assert.equal(s.text, anthropicDeltas(name, 'text_delta', 'text'));
    assert.ok(s.text.startsWith('Let me search for more specific breaking news stories'));
    assert.deepEqual(s.usage, usage(31772, 644));
    assert.equal(s.stopReason, 'stop');
  },
  'anthropic-009-duplicate-message-start.jsonl.txt': (s, events) => {
    assert.equal(s.text, 'Hello, World!');
    assert.equal(events.filter((e) => e.type === 'text-delta').length, 1);
    assert.deepEqual(s.usage, usage(17, 227));
    assert.equal(s.stopReason, 'stop');
  },
  'anthropic-010-docs-error-event-overloaded.txt': (s, events) => {
    assert.equal(events.length, 1);
    assert.equal(s.error?.kind, 'server');
    assert.equal(s.error?.retryable, true);
    assert.match(s.error!.message, /overloaded_error.*Overloaded/);
  },
  'anthropic-011-docs-tool-use-stream.txt': (s, events) => {
    assert.equal(s.text, "Okay, let's check the weather for San Francisco, CA:");
    assert.deepEqual(s.toolCalls, [
      { id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6', name: 'get_weather', arguments: '{"location": "San Francisco, CA", "unit": "fahrenheit"}' },
    ]);
    assert.equal(callDeltas(events).get('toolu_01T1x1fJ34qAmk2tNTrN7Up6'), s.toolCalls[0].arguments);
    assert.deepEqual(s.usage, usage(472, 89));
    assert.equal(s.stopReason, 'tool_calls');
  },
  'chat-001-text-with-usage-chunk.txt': (s) => {
    assert.equal(
      s.text,
      "I'm unable to provide real-time weather updates. To get the current weather in San Francisco, I recommend checking a reliable weather website or a weather app.",
    );
    assert.deepEqual(s.usage, usage(14, 30));
    assert.equal(s.stopReason, 'stop');
  },
  'chat-002-single-tool-call.txt': (s, events) => {
    assert.equal(s.text, '');
    assert.deepEqual(s.toolCalls, [{ id: 'call_4XzlGBLtUe9dy3GVNV4jhq7h', name: 'get_weather', arguments: '{"city":"New York City"}' }]);
    assert.equal(callDeltas(events).get('call_4XzlGBLtUe9dy3GVNV4jhq7h'), '{"city":"New York City"}');
    assert.deepEqual(s.usage, usage(44, 16));
    assert.equal(s.stopReason, 'tool_calls');
  },
  'chat-003-parallel-tool-calls.txt': (s, events) => {
    assert.deepEqual(s.toolCalls, [
      { id: 'call_JMW1whyEaYG438VE1OIflxA2', name: 'GetWeatherArgs', arguments: '{"city": "Edinburgh", "country": "GB", "units": "c"}' },
      { id: 'call_DNYTawLBoN8fj3KN6qU9N1Ou', name: 'get_stock_price', arguments: '{"ticker": "AAPL", "exchange": "NASDAQ"}' },
    ]);
    for (const call of s.toolCalls) assert.equal(callDeltas(events).get(call.id), call.arguments);
    // Both calls started before either ended (they were streamed interleaved).
    const order = events.filter((e) => e.type === 'tool-call-start' || e.type === 'tool-call-end').map((e) => e.type);
    assert.deepEqual(order, ['tool-call-start', 'tool-call-start', 'tool-call-end', 'tool-call-end']);
    assert.deepEqual(s.usage, usage(149, 60));
    assert.equal(s.stopReason, 'tool_calls');
  },
  'chat-004-refusal-delta.txt': (s) => {
    assert.equal(s.text, "I'm sorry, I can't assist with that request.");
    assert.equal(s.stopReason, 'refusal');
    assert.equal(s.providerStopReason, 'stop');
    assert.deepEqual(s.usage, usage(79, 11));
  },
  'chat-005-n3-interleaved-choices.txt': (s) => {
    assert.equal(s.text, '{"city":"San Francisco","temperature":65,"units":"f"}');
    assert.equal(s.text, chatField('chat-005-n3-interleaved-choices.txt', (d) => d.content));
    assert.deepEqual(s.usage, usage(79, 42));
    assert.equal(s.stopReason, 'stop');
  },
  'chat-006-finish-length.txt': (s) => {
    assert.equal(s.text, '{"');
    assert.equal(s.stopReason, 'length');
    assert.deepEqual(s.usage, usage(79, 1));
  },
  'chat-007-groq-reasoning-then-event-error.txt': (s, events) => {
    const name = 'chat-007-groq-reasoning-then-event-error.txt';
    assert.equal(s.reasoning, chatField(name, (d) => d.reasoning));
    assert.ok(s.reasoning.startsWith('We need to call the tool with invalid parameters first'));
    assert.equal(s.text, '');
    assert.equal(events.at(-1)?.type, 'error');
    assert.equal(s.error?.kind, 'bad_request');
    assert.equal(s.error?.retryable, false);
    assert.equal(s.error?.status, 400);
    assert.match(s.error!.message, /tool_use_failed.*did not match schema/);
    assert.equal(s.done, undefined);
  },
  'chat-008-openrouter-comments-inline-error-chunk.txt': (s) => {
    assert.equal(s.reasoning, 'We need to respond to a greeting. The user');
    assert.equal(s.error?.kind, 'bad_request');
    assert.equal(s.error?.status, 400);
    assert.match(s.error!.message, /Token limit reached/);
    assert.equal(s.done, undefined);
  },
  'chat-009-zai-glm-reasoning-content.txt': (s) => {
    const name = 'chat-009-zai-glm-reasoning-content.txt';
    assert.equal(s.reasoning, chatField(name, (d) => d.reasoning_content));
    assert.ok(s.reasoning.startsWith("\n1.  **Analyze the User's Request:**"));
    assert.equal(s.text, '4');
    assert.deepEqual(s.usage, usage(13, 564, 0, 561));
    assert.equal(s.stopReason, 'stop');
  },
  'chat-010-azure-prompt-filter-first-chunk.jsonl.txt': (s) => {
    assert.equal(s.text, 'Capital of Denmark.');
    assert.deepEqual(s.usage, usage(15, 78, 0, 64));
    assert.equal(s.stopReason, 'stop');
  },
  'responses-001-text-output-text-delta.txt': (s, events) => {
    assert.equal(s.text, 'The capital of France is Paris.');
    // Seven deltas, and the text is not repeated from output_item.done.
    assert.equal(events.filter((e) => e.type === 'text-delta').length, 7);
    assert.deepEqual(s.usage, usage(278, 9));
    assert.equal(s.stopReason, 'stop');
  },
  'responses-002-function-call-arguments-delta.txt': (s, events) => {
    assert.deepEqual(s.toolCalls, [{ id: 'call_kL0PCQV7M2WMoVX8V8OtYSAL', name: 'get_capital', arguments: '{"country":"France"}' }]);
    assert.equal(callDeltas(events).get('call_kL0PCQV7M2WMoVX8V8OtYSAL'), '{"country":"France"}');
    assert.deepEqual(s.usage, usage(255, 16));
    assert.equal(s.stopReason, 'tool_calls');
  },
  'responses-003-reasoning-item-then-function-call-usage.txt': (s) => {
    assert.equal(s.reasoning, '');
    assert.deepEqual(s.toolCalls, [{ id: 'call_CWXgs68YprAjp6t0371hiPOI', name: 'final_result', arguments: '{"result":6666}' }]);
    assert.deepEqual(s.usage, usage(53, 469, 0, 448));
    const parts = s.done?.reasoningParts ?? [];
    assert.equal(parts.length, 1);
    assert.equal(parts[0].type, 'openai-reasoning');
    assert.ok(parts[0].type === 'openai-reasoning' && parts[0].encryptedContent.length > 100);
    assert.equal(s.stopReason, 'tool_calls');
  },
  'responses-004-deepseek-reasoning-text-function-call.txt': (s) => {
    assert.equal(s.reasoning, "The user asks about temperature in Tokyo. I'll call the tool.");
    assert.equal(s.reasoning, responsesDeltas('responses-004-deepseek-reasoning-text-function-call.txt', 'response.reasoning_text.delta'));
    assert.deepEqual(s.toolCalls, [{ id: 'call_00_xjY8Z2BvSlzgEmmw0DtH0464', name: 'get_temperature', arguments: '{"city": "Tokyo"}' }]);
    assert.deepEqual(s.usage, usage(366, 59, 256, 14));
    assert.equal(s.stopReason, 'tool_calls');
  },
  'responses-005-openrouter-no-event-lines-comments.txt': (s) => {
    assert.equal(s.reasoning, 'The user asks: "What is 2+2?" They expect a straightforward answer: 4. Just answer 4.');
    assert.equal(s.text, '4');
    assert.deepEqual(s.usage, usage(78, 37, 0, 22));
    assert.equal(s.stopReason, 'stop');
  },
  'responses-006-error-then-response-failed.jsonl.txt': (s, events) => {
    assert.equal(events.length, 1);
    assert.equal(s.error?.kind, 'rate_limited');
    assert.equal(s.error?.retryable, false);
    assert.match(s.error!.message, /insufficient_quota.*exceeded your current quota/);
    assert.match(s.error!.fix!, /billing/);
  },
  'responses-007-reasoning-summary-encrypted.jsonl.txt': (s) => {
    // Four responses back to back; a client stops at the first `response.completed`
    // (the multi-turn test below replays them as four requests).
    const name = 'responses-007-reasoning-summary-encrypted.jsonl.txt';
    const firstStream = payloads(name).slice(0, payloads(name).findIndex((d) => d.type === 'response.completed'));
    assert.equal(s.reasoning, firstStream.filter((d) => d.type === 'response.reasoning_summary_text.delta').map((d) => d.delta).join(''));
    assert.ok(s.reasoning.startsWith('**Calculating step-by-step using calculator**'));
    assert.deepEqual(s.toolCalls, [{ id: 'call_AB6AaRZ1FYZB2RwS6A5vbdqn', name: 'calculator', arguments: '{"a":12,"b":7,"op":"add"}' }]);
    assert.deepEqual(s.usage, usage(134, 28));
  },
  'responses-008-codex-rs-minimal-fixture-stray-hash-line.txt': (s) => {
    // Text only in output_item.done (no deltas); the stray `#` line is ignored; the last event
    // has no blank line after it and still counts.
    assert.equal(s.text, 'fixture hello');
    assert.equal(s.stopReason, 'stop');
    assert.equal(s.usage, undefined);
    assert.equal(s.error, undefined);
  },
};

async function replay(server: ReplayServer, name: string, fetch?: typeof globalThis.fetch): Promise<StreamEvent[]> {
  const client = createModelClient({ credentials: fakeCredentials(), env: {}, clock: instantClock(), fetch });
  return collect(
    client.stream({
      provider: makeProvider(wireOf(name), `${server.baseUrl}/v1`, { streamMaxRetries: 0 }),
      model: 'test-model',
      messages: [{ role: 'user', content: 'hi' }],
    }),
  );
}

describe('recorded streams', () => {
  let body = '';
  let server: ReplayServer;
  before(async () => {
    server = await startReplayServer(() => ({ body }));
  });
  after(() => server.close());

  test('every corpus file has expectations', () => {
    assert.deepEqual(Object.keys(EXPECT).sort(), listSseFixtures());
  });

  for (const name of listSseFixtures()) {
    test(name, async () => {
      body = sseBodyOf(name);
      const events = await replay(server, name);
      const s = summarize(events);
      const check = EXPECT[name];
      assert.ok(check, `no expectations for ${name}`);
      check(s, events);
      // Universal invariants: one terminal event, last; no empty deltas; deltas add up.
      const terminal = events.filter((e) => e.type === 'done' || e.type === 'error');
      assert.equal(terminal.length, 1);
      assert.equal(events.at(-1), terminal[0]);
      for (const e of events) {
        if (e.type === 'text-delta' || e.type === 'reasoning-delta') assert.notEqual(e.text, '');
        if (e.type === 'tool-call-delta') assert.notEqual(e.argumentsDelta, '');
      }
      const deltas = callDeltas(events);
      for (const call of s.toolCalls) if (deltas.get(call.id)) assert.equal(deltas.get(call.id), call.arguments);

      for (const seed of [1, 2]) {
        const split = await replay(server, name, rechunkingFetch(1, 7, seed * 7919 + name.length));
        assert.deepEqual(split, events, `random 1-7 byte chunks (seed ${seed}) must give identical events`);
      }
    });
  }

  // Over a real socket too: the server writes 1-7 byte pieces with pauses between them.
  for (const name of ['chat-003-parallel-tool-calls.txt', 'anthropic-006-thinking-signature-delta.txt']) {
    test(`${name} written to the socket in 1-7 byte pieces`, async () => {
      body = sseBodyOf(name);
      const whole = await replay(server, name);
      const pieces = await startReplayServer(() => ({ body, chunks: { min: 1, max: 7, seed: 42 } }));
      try {
        assert.deepEqual(await replay(pieces, name), whole);
      } finally {
        await pieces.close();
      }
    });
  }
});
