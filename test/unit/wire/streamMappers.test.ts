// Edge cases of each protocol's event mapping that the recorded corpus does not show.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AnthropicStreamMapper } from '../../../src/core/wire/anthropic/anthropicStreamMapper';
import { ChatStreamMapper } from '../../../src/core/wire/chat/chatStreamMapper';
import type { ErrorContext } from '../../../src/core/wire/errors/errorContext';
import { InStreamError, TruncatedStreamError } from '../../../src/core/wire/http/wireErrors';
import { ResponsesStreamMapper } from '../../../src/core/wire/responses/responsesStreamMapper';
import type { StreamMapper } from '../../../src/core/wire/sse/pumpSse';
import type { StreamEvent } from '../../../src/shared/streamEvents';

const ctx: ErrorContext = {
  provider: {
    id: 'p', name: 'P', wireApi: 'chat', httpHeaders: {}, envHttpHeaders: {}, queryParams: {}, requestMaxRetries: 0,
    streamMaxRetries: 0, streamIdleTimeoutMs: 1000, supportsWebsockets: false, requiresOpenaiAuth: false, source: 'user', fromWorkspace: false,
  },
  secrets: [],
};

function feed(mapper: StreamMapper, payloads: unknown[], end: 'done' | 'eof' | 'none' = 'none'): StreamEvent[] {
  const out: StreamEvent[] = [];
  for (const p of payloads) mapper.onData(p, undefined, out);
  if (end === 'done') mapper.onDoneMarker(out);
  if (end === 'eof') mapper.onEnd(out);
  return out;
}
const chunk = (delta: unknown, finish: string | null = null, index = 0) => ({ choices: [{ index, delta, finish_reason: finish }] });

describe('chat', () => {
  test('tool call deltas without index, and arguments before the name', () => {
    const out = feed(
      new ChatStreamMapper(ctx),
      [
        chunk({ tool_calls: [{ id: 'c1', function: { arguments: '{"a"' } }] }),
        chunk({ tool_calls: [{ function: { name: 'f', arguments: ':1}' } }] }),
        chunk({}, 'tool_calls'),
      ],
      'done',
    );
    assert.deepEqual(out.slice(0, 4), [
      { type: 'tool-call-start', id: 'c1', name: 'f' },
      { type: 'tool-call-delta', id: 'c1', argumentsDelta: '{"a"' },
      { type: 'tool-call-delta', id: 'c1', argumentsDelta: ':1}' },
      { type: 'tool-call-end', id: 'c1', name: 'f', arguments: '{"a":1}' },
    ]);
    assert.deepEqual(out.at(-1), { type: 'done', stopReason: 'tool_calls', providerStopReason: 'tool_calls' });
  });

  test('servers that reuse index 0 for each call: a new id is a new call', () => {
    const out = feed(
      new ChatStreamMapper(ctx),
      [
        chunk({ tool_calls: [{ index: 0, id: 'a', function: { name: 'f', arguments: '{}' } }] }),
        chunk({ tool_calls: [{ index: 0, id: 'b', function: { name: 'g', arguments: '{"x":2}' } }] }),
        chunk({}, 'stop'),
      ],
      'done',
    );
    const ends = out.filter((e) => e.type === 'tool-call-end');
    assert.deepEqual(ends, [
      { type: 'tool-call-end', id: 'a', name: 'f', arguments: '{}' },
      { type: 'tool-call-end', id: 'b', name: 'g', arguments: '{"x":2}' },
    ]);
    assert.deepEqual(out.at(-1), { type: 'done', stopReason: 'tool_calls', providerStopReason: 'stop' }, '"stop" with calls means tool_calls');
  });

  test('a call without id gets one; empty arguments become {}', () => {
    const out = feed(new ChatStreamMapper(ctx), [chunk({ tool_calls: [{ index: 0, function: { name: 'now' } }] }), chunk({}, 'tool_calls')], 'done');
    assert.deepEqual(out.filter((e) => e.type === 'tool-call-end'), [{ type: 'tool-call-end', id: 'call_0', name: 'now', arguments: '{}' }]);
  });

  test('end of body: fine after a finish_reason, truncated before one', () => {
    const ok = feed(new ChatStreamMapper(ctx), [chunk({ content: 'hi' }, 'stop')], 'eof');
    assert.deepEqual(ok.at(-1), { type: 'done', stopReason: 'stop', providerStopReason: 'stop' });
    assert.throws(() => feed(new ChatStreamMapper(ctx), [chunk({ content: 'hi' })], 'eof'), TruncatedStreamError);
  });

  test('only choice 0 counts', () => {
    const out = feed(new ChatStreamMapper(ctx), [chunk({ content: 'zero' }), chunk({ content: 'one' }, 'length', 1), chunk({}, 'stop')], 'done');
    assert.deepEqual(out.map((e) => e.type), ['text-delta', 'done']);
  });

  test('reasoning_content wins over reasoning; both empty emit nothing', () => {
    const out = feed(new ChatStreamMapper(ctx), [chunk({ reasoning_content: 'r1', reasoning: 'r1' }), chunk({ reasoning_content: '', reasoning: '' })]);
    assert.deepEqual(out, [{ type: 'reasoning-delta', text: 'r1' }]);
  });

  test('DeepSeek prompt_cache_hit_tokens count as cached input', () => {
    const out = feed(new ChatStreamMapper(ctx), [chunk({ content: 'x' }, 'stop'), { choices: [], usage: { prompt_tokens: 100, completion_tokens: 5, prompt_cache_hit_tokens: 64 } }], 'done');
    assert.deepEqual(out.find((e) => e.type === 'usage'), { type: 'usage', usage: { inputTokens: 100, outputTokens: 5, cachedInputTokens: 64, reasoningTokens: 0 } });
  });
});

describe('responses', () => {
  test('a function call that only arrives in output_item.done still starts and ends', () => {
    const out = feed(new ResponsesStreamMapper(ctx), [
      { type: 'response.output_item.done', item: { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 'ls', arguments: '{"dir":"."}' } },
      { type: 'response.completed', response: { status: 'completed' } },
    ]);
    assert.deepEqual(out, [
      { type: 'tool-call-start', id: 'call_1', name: 'ls' },
      { type: 'tool-call-end', id: 'call_1', name: 'ls', arguments: '{"dir":"."}' },
      { type: 'done', stopReason: 'tool_calls', providerStopReason: 'completed' },
    ]);
  });

  test('incomplete: max_output_tokens is length, content_filter is content_filter', () => {
    const length = feed(new ResponsesStreamMapper(ctx), [{ type: 'response.incomplete', response: { status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } } }]);
    assert.deepEqual(length.at(-1), { type: 'done', stopReason: 'length', providerStopReason: 'incomplete: max_output_tokens' });
    const filtered = feed(new ResponsesStreamMapper(ctx), [{ type: 'response.incomplete', response: { incomplete_details: { reason: 'content_filter' } } }]);
    const last = filtered.at(-1);
    assert.equal(last?.type === 'done' ? last.stopReason : undefined, 'content_filter');
  });

  test('response.failed is an in-stream error with the provider code', () => {
    assert.throws(
      () => feed(new ResponsesStreamMapper(ctx), [{ type: 'response.failed', response: { status: 'failed', error: { code: 'server_error', message: 'The server had an error' } } }]),
      (e: unknown) => e instanceof InStreamError && e.info.kind === 'server' && e.info.retryable === true && /server_error/.test(e.info.message),
    );
  });

  test('refusal deltas are shown as text and end as refusal; summary parts are separated', () => {
    const out = feed(new ResponsesStreamMapper(ctx), [
      { type: 'response.reasoning_summary_part.added', summary_index: 0 },
      { type: 'response.reasoning_summary_text.delta', item_id: 'rs', delta: 'A' },
      { type: 'response.reasoning_summary_part.added', summary_index: 1 },
      { type: 'response.reasoning_summary_text.delta', item_id: 'rs', delta: 'B' },
      { type: 'response.refusal.delta', item_id: 'm', delta: "I can't help with that." },
      { type: 'response.completed', response: { status: 'completed' } },
    ]);
    assert.deepEqual(out.filter((e) => e.type === 'reasoning-delta').map((e) => (e as { text: string }).text).join(''), 'A\n\nB');
    assert.deepEqual(out.at(-1), { type: 'done', stopReason: 'refusal', providerStopReason: 'completed' });
  });
});

describe('anthropic', () => {
  test('a tool_use block with its input in content_block_start and no deltas', () => {
    const out = feed(new AnthropicStreamMapper(ctx), [
      { type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id: 't1', name: 'ls', input: { dir: '.' } } },
      { type: 'content_block_stop', index: 0 },
      { type: 'message_delta', delta: { stop_reason: 'tool_use' }, usage: { output_tokens: 3 } },
      { type: 'message_stop' },
    ]);
    assert.deepEqual(out.filter((e) => e.type === 'tool-call-end'), [{ type: 'tool-call-end', id: 't1', name: 'ls', arguments: '{"dir":"."}' }]);
  });

  test('cache reads count as cached input and in the input total', () => {
    const out = feed(new AnthropicStreamMapper(ctx), [
      { type: 'message_start', message: { usage: { input_tokens: 10, cache_read_input_tokens: 1000, cache_creation_input_tokens: 50, output_tokens: 1 } } },
      { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 42 } },
      { type: 'message_stop' },
    ]);
    assert.deepEqual(out[0], { type: 'usage', usage: { inputTokens: 1060, outputTokens: 42, cachedInputTokens: 1000, reasoningTokens: 0 } });
  });

  test('pause_turn is "other"; a body ending before any stop_reason is truncated', () => {
    const out = feed(new AnthropicStreamMapper(ctx), [{ type: 'message_delta', delta: { stop_reason: 'pause_turn' } }, { type: 'message_stop' }]);
    assert.deepEqual(out.at(-1), { type: 'done', stopReason: 'other', providerStopReason: 'pause_turn' });
    assert.throws(() => feed(new AnthropicStreamMapper(ctx), [{ type: 'message_start', message: {} }], 'eof'), TruncatedStreamError);
  });

  test('error events map by type', () => {
    const kinds = ['rate_limit_error', 'invalid_request_error', 'authentication_error', 'api_error'].map((type) => {
      try {
        feed(new AnthropicStreamMapper(ctx), [{ type: 'error', error: { type, message: 'm' } }]);
        return 'none';
      } catch (e) {
        return e instanceof InStreamError ? `${e.info.kind}:${e.info.retryable}` : 'other';
      }
    });
    assert.deepEqual(kinds, ['rate_limited:true', 'bad_request:false', 'auth:false', 'server:true']);
  });
});
