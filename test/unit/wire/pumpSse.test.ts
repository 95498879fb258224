// The SSE pump on exact byte splits: CRLF line ends, UTF-8 characters split across chunks, an
// unterminated last event, stopping after the terminal event, and the idle watchdog.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ChatStreamMapper } from '../../../src/core/wire/chat/chatStreamMapper';
import type { ErrorContext } from '../../../src/core/wire/errors/errorContext';
import { IdleWatchdog } from '../../../src/core/wire/http/idleWatchdog';
import { IdleTimeoutError } from '../../../src/core/wire/http/wireErrors';
import { pumpSse } from '../../../src/core/wire/sse/pumpSse';
import { silentLogger } from '../../../src/core/ports';
import type { StreamEvent } from '../../../src/shared/streamEvents';

const ctx = { provider: { id: 'p', name: 'p' }, secrets: [] } as unknown as ErrorContext;

/** A body like fetch gives: erroring when `signal` aborts (as undici does). */
function streamOf(chunks: Uint8Array[], then: 'close' | 'hang' = 'close', signal?: AbortSignal): ReadableStream<Uint8Array> & { pulls: () => number } {
  let i = 0;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      signal?.addEventListener('abort', () => controller.error(signal.reason));
    },
    pull(controller) {
      if (i < chunks.length) controller.enqueue(chunks[i++]);
      else if (then === 'close') controller.close();
      else return new Promise(() => {});
    },
  });
  return Object.assign(stream, { pulls: () => i });
}

async function pump(chunks: Uint8Array[], watchdogMs = 0, then: 'close' | 'hang' = 'close') {
  const events: StreamEvent[] = [];
  const controller = new AbortController();
  const body = streamOf(chunks, then);
  for await (const batch of pumpSse(body, new ChatStreamMapper(ctx), new IdleWatchdog(watchdogMs, controller), silentLogger)) events.push(...batch);
  return { events, body, controller };
}

const sse = (content: string, finish: string | null = null) => `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content }, finish_reason: finish }] })}\r\n\r\n`;

test('every single-byte split of a CRLF stream with multi-byte characters gives the same events', async () => {
  const text = `${sse('héllo ')}${sse('wörld 🌍')}${sse('', 'stop')}data: [DONE]\r\n\r\n`;
  const bytes = new TextEncoder().encode(text);
  const whole = await pump([bytes]);
  const single = await pump([...bytes].map((b) => Uint8Array.of(b)));
  assert.deepEqual(single.events, whole.events);
  assert.equal(whole.events.filter((e) => e.type === 'text-delta').map((e) => (e as { text: string }).text).join(''), 'héllo wörld 🌍');
});

test('the last event counts even without its blank line', async () => {
  const { events } = await pump([new TextEncoder().encode(`${sse('x', 'stop')}data: [DONE]`)]);
  assert.deepEqual(events.at(-1), { type: 'done', stopReason: 'stop', providerStopReason: 'stop' });
});

test('reading stops at the terminal event even if the server keeps the connection open', async () => {
  const enc = new TextEncoder();
  const { events } = await pump([enc.encode(sse('a', 'stop')), enc.encode('data: [DONE]\n\n')], 50, 'hang');
  assert.equal(events.at(-1)?.type, 'done');
});

test('the idle watchdog aborts a silent stream with IdleTimeoutError', async () => {
  const enc = new TextEncoder();
  const controller = new AbortController();
  const body = streamOf([enc.encode(sse('a'))], 'hang', controller.signal);
  const watchdog = new IdleWatchdog(60, controller);
  const events: StreamEvent[] = [];
  const started = Date.now();
  await assert.rejects(async () => {
    for await (const batch of pumpSse(body, new ChatStreamMapper(ctx), watchdog, silentLogger)) events.push(...batch);
  });
  assert.ok(controller.signal.reason instanceof IdleTimeoutError);
  assert.equal(controller.signal.reason.phase, 'body');
  assert.ok(Date.now() - started < 1000);
  assert.deepEqual(events, [{ type: 'text-delta', text: 'a' }]);
});
