// Surviving the network, on every protocol: a connection dropped mid-stream, 429 with
// Retry-After, 500 then success, a stall past the idle timeout, malformed SSE lines and a 10 MB
// answer. Each asserts the final text is exactly right and no delta was shown twice.
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import type { WireApi } from '../../../src/core/providers/providerInfo';
import { createModelClient } from '../../../src/core/wire/createModelClient';
import type { StreamEvent } from '../../../src/shared/streamEvents';
import { startFaultServer, type FaultServer, type FaultStep } from '../../helpers/faultServer';
import { STREAM_BUILDERS, type StreamSpec } from './streams';
import { collect, fakeCredentials, instantClock, makeProvider, summarize, type RecordingClock } from './support';

const WIRES: WireApi[] = ['chat', 'responses', 'anthropic'];
const PIECES = ['The quick ', 'brown fox ', 'jumps over ', 'the lazy ', 'dog. ', 'Ünïcödé ✓ ', '日本語のテキスト。', ' The end.'];
const TEXT = PIECES.join('');

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function run(wire: WireApi, steps: FaultStep[], overrides: Parameters<typeof makeProvider>[2] = {}, clock: RecordingClock = instantClock()) {
  server = await startFaultServer(steps);
  const client = createModelClient({ credentials: fakeCredentials(), env: {}, clock });
  const events = await collect(
    client.stream({ provider: makeProvider(wire, `${server.baseUrl}/v1`, overrides), model: 'm', messages: [{ role: 'user', content: 'go' }] }),
  );
  return { events, summary: summarize(events), clock, requests: server.requests };
}

/** The text was shown exactly once, in order: deltas concatenate to the expected text. */
function assertExactText(events: StreamEvent[], expected: string): void {
  const text = events.filter((e) => e.type === 'text-delta').map((e) => (e as { text: string }).text).join('');
  assert.equal(text, expected);
  assert.equal(events.filter((e) => e.type === 'done').length, 1);
  assert.equal(events.at(-1)?.type, 'done');
}

const body = (wire: WireApi, spec: StreamSpec = { text: PIECES }) => STREAM_BUILDERS[wire](spec);
/** Byte offset just after the `n`-th text piece's event, so a drop there has shown text. */
function offsetAfterPiece(wire: WireApi, n: number): number {
  const full = Buffer.from(body(wire));
  const marker = Buffer.from(JSON.stringify(PIECES[n]).slice(1, -1));
  return full.indexOf(marker) + marker.length + 10;
}

for (const wire of WIRES) {
  describe(`${wire}: faults`, () => {
    test('connection dropped mid-stream: retried, text shown once and complete', async () => {
      const { events, summary, requests } = await run(wire, [
        { kind: 'stream', body: body(wire), dropAfter: offsetAfterPiece(wire, 3) },
        { kind: 'stream', body: body(wire) },
      ]);
      assertExactText(events, TEXT);
      assert.equal(requests.length, 2);
      assert.equal(summary.retries.length, 1);
      assert.equal(summary.retries[0].attempt, 1);
      // The replayed prefix was not shown again: the first delta after the retry continues the text.
      const afterRetry = events.slice(events.indexOf(summary.retries[0]) + 1).find((e) => e.type === 'text-delta');
      assert.ok(afterRetry && afterRetry.type === 'text-delta' && !afterRetry.text.startsWith('The quick'));
    });

    test('429 with Retry-After waits what the server asked, then succeeds', async () => {
      const { events, summary, clock, requests } = await run(wire, [
        { kind: 'status', status: 429, headers: { 'retry-after': '2' }, body: '{"error":{"message":"Rate limit reached for requests"}}' },
        { kind: 'stream', body: body(wire) },
      ]);
      assertExactText(events, TEXT);
      assert.equal(requests.length, 2);
      assert.deepEqual(clock.sleeps, [2000]);
      assert.equal(summary.retries[0].delayMs, 2000);
      assert.match(summary.retries[0].reason, /rate limiting/);
    });

    test('500 then success', async () => {
      const { events, clock, requests } = await run(wire, [
        { kind: 'status', status: 500, body: '{"error":{"message":"boom"}}' },
        { kind: 'status', status: 503 },
        { kind: 'stream', body: body(wire) },
      ]);
      assertExactText(events, TEXT);
      assert.equal(requests.length, 3);
      assert.equal(clock.sleeps.length, 2);
      assert.ok(clock.sleeps[1] > clock.sleeps[0] * 1.2, 'exponential backoff');
    });

    test('a stall longer than stream_idle_timeout_ms is a network error, retried', async () => {
      const started = Date.now();
      const { events, summary, requests } = await run(
        wire,
        [
          { kind: 'stream', body: body(wire), stallAfter: offsetAfterPiece(wire, 2) },
          { kind: 'stream', body: body(wire) },
        ],
        { streamIdleTimeoutMs: 200 },
      );
      assertExactText(events, TEXT);
      assert.equal(requests.length, 2);
      assert.match(summary.retries[0].reason, /stalled: no data for 200 ms/);
      assert.ok(Date.now() - started < 3000);
    });

    test('malformed SSE lines are skipped', async () => {
      const good = body(wire).split('\n\n');
      const noise = [
        'data: {"this is": not json}',
        'garbage without a colon',
        ': a comment line',
        'event: something-unknown\ndata: {"type":"unknown.event","value":1}',
        'retry: 10\nid: 42',
        'data: [1, 2',
      ];
      const mixed = good.flatMap((event, i) => (i > 0 && i <= noise.length ? [noise[i - 1], event] : [event])).join('\n\n');
      const { events, requests } = await run(wire, [{ kind: 'stream', body: mixed, chunkSize: 13 }]);
      assertExactText(events, TEXT);
      assert.equal(requests.length, 1);
    });

    test('a 10 MB answer arrives whole', async () => {
      const piece = 'abcdefghij'.repeat(100) + '\n';
      const pieces = Array.from({ length: 10_000 }, (_, i) => `${i}:${piece}`);
      const big = body(wire, { text: pieces });
      assert.ok(big.length > 10_000_000);
      const { events, requests } = await run(wire, [{ kind: 'stream', body: big, chunkSize: 64 * 1024 }]);
      assertExactText(events, pieces.join(''));
      assert.equal(events.filter((e) => e.type === 'text-delta').length, 10_000);
      assert.equal(requests.length, 1);
    });

    test('a tool call finished before the drop is not emitted twice', async () => {
      const spec: StreamSpec = { text: ['Calling. '], tools: [{ id: 'call_1', name: 'get_weather', arguments: '{"city":"Oslo"}' }] };
      const full = body(wire, spec);
      // Drop right after the tool call's end, before the terminal events.
      const endMarker = wire === 'anthropic' ? '"type":"content_block_stop","index":1' : wire === 'responses' ? '"arguments":"{\\"city\\":\\"Oslo\\"}"' : '"finish_reason":"tool_calls"';
      const dropAt = Buffer.from(full).indexOf(Buffer.from(endMarker)) + endMarker.length + 20;
      const second = body(wire, { ...spec, tools: [{ ...spec.tools![0], id: 'call_1_again' }] });
      const { events, summary } = await run(wire, [
        { kind: 'stream', body: full, dropAfter: dropAt },
        { kind: 'stream', body: second },
      ]);
      assert.equal(summary.text, 'Calling. ');
      assert.equal(events.filter((e) => e.type === 'tool-call-end').length, 1);
      assert.equal(summary.stopReason, 'tool_calls');
    });

    test('a tool call cut off mid-arguments is completed by the retry, under one id', async () => {
      const spec: StreamSpec = { text: ['Writing. '], tools: [{ id: 'call_w', name: 'write_file', arguments: '{"path":"notes.txt","text":"hello there"}' }] };
      const full = body(wire, spec);
      // Drop right after the event carrying the first half of the arguments.
      const args = spec.tools![0].arguments;
      const firstHalf = JSON.stringify(args.slice(0, Math.floor(args.length / 2))).slice(1, -1);
      const bytes = Buffer.from(full);
      const dropAt = bytes.indexOf('\n\n', bytes.indexOf(firstHalf)) + 2;
      const second = body(wire, { ...spec, tools: [{ ...spec.tools![0], id: 'call_w_retry' }] });
      const { events, summary } = await run(wire, [
        { kind: 'stream', body: full, dropAfter: dropAt },
        { kind: 'stream', body: second },
      ]);
      assert.deepEqual(summary.toolCalls, [{ id: 'call_w', name: 'write_file', arguments: spec.tools![0].arguments }]);
      assert.deepEqual(summary.unfinishedCalls, []);
      assert.equal(events.filter((e) => e.type === 'tool-call-start').length, 1);
      const retryAt = events.findIndex((e) => e.type === 'retry');
      assert.ok(retryAt > 0 && events.slice(0, retryAt).some((e) => e.type === 'tool-call-delta'), 'the drop came mid-arguments');
      const deltas = events.filter((e) => e.type === 'tool-call-delta').map((e) => (e as { argumentsDelta: string }).argumentsDelta).join('');
      assert.equal(deltas, spec.tools![0].arguments, 'argument deltas are neither repeated nor lost');
    });
  });
}

describe('retry budgets and replay', () => {
  test('a retry that says something else shows only what follows the shown text, and says so', async () => {
    const first = STREAM_BUILDERS.chat({ text: ['Hello ', 'world, ', 'this is attempt one.'] });
    const second = STREAM_BUILDERS.chat({ text: ['Howdy ', 'there, ', 'this is attempt two and longer.'] });
    const { summary } = await run('chat', [
      { kind: 'stream', body: first, dropAfter: Buffer.from(first).indexOf('this is attempt') - 5 },
      { kind: 'stream', body: second },
    ]);
    // Shown before the drop: "Hello world, " (13 chars); the retry continues after char 13.
    assert.equal(summary.text, 'Hello world, ' + 'Howdy there, this is attempt two and longer.'.slice(13));
    assert.ok(summary.retries.some((r) => /differs from the text already shown/.test(r.reason)));
  });

  test('request_max_retries exhausted: the last error says it gave up', async () => {
    const { summary, requests } = await run('responses', Array(4).fill({ kind: 'status', status: 503 }), { requestMaxRetries: 3 });
    assert.equal(requests.length, 4);
    assert.equal(summary.error?.kind, 'server');
    assert.match(summary.error!.message, /503 Service Unavailable.*gave up after 3 retries/);
    assert.equal(summary.retries.length, 3);
  });

  test('stream_max_retries exhausted on repeated drops', async () => {
    const full = STREAM_BUILDERS.anthropic({ text: PIECES });
    const drop: FaultStep = { kind: 'stream', body: full, dropAfter: offsetAfterPiece('anthropic', 1) };
    const { events, summary, requests } = await run('anthropic', [drop, drop, drop], { streamMaxRetries: 2 });
    assert.equal(requests.length, 3);
    assert.equal(summary.error?.kind, 'network');
    assert.match(summary.error!.message, /gave up after 2 retries/);
    // Even across three broken attempts the shown text never repeats.
    assert.equal(summary.text, PIECES[0] + PIECES[1]);
    assert.equal(events.filter((e) => e.type === 'text-delta').length, 2);
  });

  test('Retry-After longer than a minute is not waited for', async () => {
    const { summary, clock, requests } = await run('chat', [{ kind: 'status', status: 429, headers: { 'retry-after': '3600' } }]);
    assert.equal(requests.length, 1);
    assert.deepEqual(clock.sleeps, []);
    assert.equal(summary.error?.kind, 'rate_limited');
    assert.match(summary.error!.message, /asks to retry in 60 min/);
  });

  test('Retry-After as an HTTP date', async () => {
    const when = new Date(Date.now() + 5000).toUTCString();
    const { clock } = await run('chat', [
      { kind: 'status', status: 503, headers: { 'retry-after': when } },
      { kind: 'stream', body: STREAM_BUILDERS.chat({ text: ['ok'] }) },
    ]);
    assert.equal(clock.sleeps.length, 1);
    assert.ok(clock.sleeps[0] > 3000 && clock.sleeps[0] <= 5000, `slept ${clock.sleeps[0]}`);
  });

  test('an in-stream overloaded error is retried; a quota error is not', async () => {
    const overloaded = 'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n';
    const ok = await run('anthropic', [
      { kind: 'stream', body: overloaded },
      { kind: 'stream', body: STREAM_BUILDERS.anthropic({ text: ['fine'] }) },
    ]);
    assert.equal(ok.summary.text, 'fine');
    assert.equal(ok.requests.length, 2);
    await server?.close();
    const quota = 'data: {"type":"error","error":{"type":"insufficient_quota","code":"insufficient_quota","message":"You exceeded your current quota"}}\n\n';
    const failed = await run('responses', [{ kind: 'stream', body: quota }]);
    assert.equal(failed.requests.length, 1);
    assert.equal(failed.summary.error?.kind, 'rate_limited');
    assert.equal(failed.summary.error?.retryable, false);
  });

  test('a server that never answers times out on the idle timer and is retried', async () => {
    const { summary, requests } = await run(
      'chat',
      [{ kind: 'hang' }, { kind: 'stream', body: STREAM_BUILDERS.chat({ text: ['late but fine'] }) }],
      { streamIdleTimeoutMs: 150 },
    );
    assert.equal(summary.text, 'late but fine');
    assert.equal(requests.length, 2);
    assert.match(summary.retries[0].reason, /did not answer within 150 ms/);
  });
});
