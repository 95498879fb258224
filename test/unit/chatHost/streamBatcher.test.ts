// Stream batching: the webview gets one message per interval however many deltas arrive, the
// deltas merged, in order, and nothing is lost or reordered when other messages interleave.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StreamEvent } from '../../../src/shared/streamEvents';
import { appendMerged, StreamBatcher } from '../../../src/vscode/chat/streamBatcher';
import { ManualTimer } from './manualTimer';

function collect() {
  const batches: { turnId: string; events: StreamEvent[] }[] = [];
  return { batches, emit: (turnId: string, events: StreamEvent[]) => batches.push({ turnId, events }) };
}

test('deltas arriving within one interval go out as one message with the text merged', () => {
  const timer = new ManualTimer();
  const { batches, emit } = collect();
  const batcher = new StreamBatcher(emit, 16, timer);
  for (const piece of ['Hel', 'lo', ', ', 'world']) batcher.push('t1', { type: 'text-delta', text: piece });
  assert.equal(batches.length, 0, 'nothing is posted before the interval ends');
  timer.advance(16);
  assert.deepEqual(batches, [{ turnId: 't1', events: [{ type: 'text-delta', text: 'Hello, world' }] }]);
  assert.equal(timer.size, 0);
});

test('a 100,000-token answer streamed over 5 s becomes about one message per interval', () => {
  const timer = new ManualTimer();
  const { batches, emit } = collect();
  const batcher = new StreamBatcher(emit, 16, timer);
  let sent = '';
  for (let i = 0; i < 100_000; i++) {
    const token = `tok${i % 10} `;
    sent += token;
    batcher.push('t1', { type: 'text-delta', text: token });
    if (i % 20 === 19) timer.advance(1); // 20 tokens per ms: 5,000 ms in all
  }
  batcher.flush();
  assert.ok(batches.length <= 5000 / 16 + 2, `${batches.length} messages`);
  assert.ok(batches.length >= 5000 / 16 - 2, `${batches.length} messages`);
  const received = batches.flatMap((b) => b.events).map((e) => (e.type === 'text-delta' ? e.text : '')).join('');
  assert.equal(received, sent, 'every character arrives, in order');
});

test('reasoning, text and tool-call deltas merge only with their own kind, keeping the order', () => {
  const events: StreamEvent[] = [];
  const push = (e: StreamEvent) => appendMerged(events, e);
  push({ type: 'reasoning-delta', text: 'think ' });
  push({ type: 'reasoning-delta', text: 'more' });
  push({ type: 'text-delta', text: 'A' });
  push({ type: 'text-delta', text: 'B' });
  push({ type: 'tool-call-start', id: 'c1', name: 'read_file' });
  push({ type: 'tool-call-delta', id: 'c1', argumentsDelta: '{"pa' });
  push({ type: 'tool-call-delta', id: 'c1', argumentsDelta: 'th":1}' });
  push({ type: 'tool-call-delta', id: 'c2', argumentsDelta: '{}' });
  push({ type: 'text-delta', text: 'C' });
  assert.deepEqual(events, [
    { type: 'reasoning-delta', text: 'think more' },
    { type: 'text-delta', text: 'AB' },
    { type: 'tool-call-start', id: 'c1', name: 'read_file' },
    { type: 'tool-call-delta', id: 'c1', argumentsDelta: '{"path":1}' },
    { type: 'tool-call-delta', id: 'c2', argumentsDelta: '{}' },
    { type: 'text-delta', text: 'C' },
  ]);
});

test('flush sends at once and cancels the timer; an event for another turn flushes the first', () => {
  const timer = new ManualTimer();
  const { batches, emit } = collect();
  const batcher = new StreamBatcher(emit, 16, timer);
  batcher.push('t1', { type: 'text-delta', text: 'one' });
  batcher.flush();
  assert.equal(batches.length, 1);
  assert.equal(timer.size, 0);
  batcher.flush();
  assert.equal(batches.length, 1, 'an empty flush posts nothing');
  batcher.push('t1', { type: 'text-delta', text: 'a' });
  batcher.push('t2', { type: 'text-delta', text: 'b' });
  timer.advance(16);
  assert.deepEqual(batches.slice(1).map((b) => b.turnId), ['t1', 't2']);
});

test('dispose drops what is queued and stops the timer', () => {
  const timer = new ManualTimer();
  const { batches, emit } = collect();
  const batcher = new StreamBatcher(emit, 16, timer);
  batcher.push('t1', { type: 'text-delta', text: 'x' });
  batcher.dispose();
  timer.advance(100);
  assert.equal(batches.length, 0);
});
