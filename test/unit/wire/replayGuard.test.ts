// When a broken stream is retried, the answer is replayed from its start: what the user already
// saw must be neither repeated nor lost, however the replay is split into deltas.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ReplayGuard } from '../../../src/core/wire/retry/replayGuard';
import type { StreamEvent } from '../../../src/shared/streamEvents';

function replay(guard: ReplayGuard, events: StreamEvent[]): StreamEvent[] {
  const out: StreamEvent[] = [];
  for (const event of events) guard.filter(event, out);
  return out;
}
const text = (...parts: string[]): StreamEvent[] => parts.map((t) => ({ type: 'text-delta', text: t }));
const joined = (events: StreamEvent[]) => events.map((e) => (e.type === 'text-delta' ? e.text : '')).join('');

test('the shown prefix is dropped whatever the replay chunking', () => {
  for (const split of [['Hel', 'lo wor', 'ld, more'], ['H', 'e', 'llo world', ', more'], ['Hello world, more']]) {
    const guard = new ReplayGuard();
    for (const e of text('Hello ', 'world')) guard.record(e);
    guard.startReplay();
    const out = replay(guard, text(...split));
    assert.equal(joined(out), ', more', `split ${JSON.stringify(split)}`);
    assert.equal(guard.divergence, undefined);
  }
});

test('a third attempt de-duplicates against everything shown so far', () => {
  const guard = new ReplayGuard();
  for (const e of text('one ')) guard.record(e);
  guard.startReplay();
  assert.equal(joined(replay(guard, text('one ', 'two '))), 'two ');
  guard.startReplay();
  assert.equal(joined(replay(guard, text('one two ', 'three'))), 'three');
});

test('a diverging replay shows only what goes past the shown length, and says so once', () => {
  const guard = new ReplayGuard();
  for (const e of text('Hello world')) guard.record(e);
  guard.startReplay();
  const out = replay(guard, text('Howdy', ' there,', ' friend'));
  // "Hello world" is 11 characters; the replay "Howdy there, friend" continues after its 11th.
  assert.equal(joined(out), ', friend');
  assert.match(guard.divergence!, /differs from the text already shown/);
});

test('reasoning has its own channel', () => {
  const guard = new ReplayGuard();
  guard.record({ type: 'reasoning-delta', text: 'think' });
  guard.record({ type: 'text-delta', text: 'say' });
  guard.startReplay();
  const out = replay(guard, [
    { type: 'reasoning-delta', text: 'thinking' },
    { type: 'text-delta', text: 'saying' },
  ]);
  assert.deepEqual(out, [
    { type: 'reasoning-delta', text: 'ing' },
    { type: 'text-delta', text: 'ing' },
  ]);
});

test('a finished tool call replayed identically is dropped; a different one is shown', () => {
  const call = (id: string, args: string): StreamEvent[] => [
    { type: 'tool-call-start', id, name: 'read_file' },
    { type: 'tool-call-delta', id, argumentsDelta: args },
    { type: 'tool-call-end', id, name: 'read_file', arguments: args },
  ];
  const guard = new ReplayGuard();
  for (const e of call('call_1', '{"path":"a"}')) guard.record(e);
  guard.startReplay();
  assert.deepEqual(replay(guard, call('call_1b', '{"path":"a"}')), []);
  assert.deepEqual(replay(guard, call('call_2', '{"path":"b"}')), call('call_2', '{"path":"b"}'), 'a new second call passes');

  const other = new ReplayGuard();
  for (const e of call('call_1', '{"path":"a"}')) other.record(e);
  other.startReplay();
  assert.deepEqual(replay(other, call('call_x', '{"path":"z"}')), call('call_x', '{"path":"z"}'));
  assert.match(other.divergence!, /different tool call/);
});

test('a call cut off mid-arguments is finished by the replay under the id already shown', () => {
  const guard = new ReplayGuard();
  guard.record({ type: 'tool-call-start', id: 'old', name: 'write_file' });
  guard.record({ type: 'tool-call-delta', id: 'old', argumentsDelta: '{"path":"a.t' });
  guard.startReplay();
  const out = replay(guard, [
    { type: 'tool-call-start', id: 'new', name: 'write_file' },
    { type: 'tool-call-delta', id: 'new', argumentsDelta: '{"path"' },
    { type: 'tool-call-delta', id: 'new', argumentsDelta: ':"a.txt"}' },
    { type: 'tool-call-end', id: 'new', name: 'write_file', arguments: '{"path":"a.txt"}' },
  ]);
  assert.deepEqual(out, [
    { type: 'tool-call-delta', id: 'old', argumentsDelta: 'xt"}' },
    { type: 'tool-call-end', id: 'old', name: 'write_file', arguments: '{"path":"a.txt"}' },
  ]);
});
