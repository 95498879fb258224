// Repairing a transcript saved mid-turn so the conversation is valid for every wire protocol.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { INTERRUPTED_TOOL_RESULT, repairTranscript } from '../../../src/core/agent/transcriptRepair';
import { messagesOf, titleFromMessage, type TranscriptEntry } from '../../../src/core/agent/transcript';

const user = (content: string): TranscriptEntry => ({ type: 'message', at: 1, message: { role: 'user', content } });

test('a complete transcript is returned unchanged', () => {
  const entries: TranscriptEntry[] = [
    user('hi'),
    { type: 'message', at: 2, message: { role: 'assistant', content: '', toolCalls: [{ id: 'a', name: 'read_file', arguments: '{}' }] } },
    { type: 'message', at: 3, message: { role: 'tool', toolCallId: 'a', name: 'read_file', content: 'x' } },
    { type: 'message', at: 4, message: { role: 'assistant', content: 'done' } },
  ];
  assert.deepEqual(repairTranscript(entries, 99), entries);
});

test('missing tool results are added right after the answered ones, before the next message', () => {
  const entries: TranscriptEntry[] = [
    user('hi'),
    {
      type: 'message',
      at: 2,
      message: {
        role: 'assistant',
        content: '',
        toolCalls: [
          { id: 'a', name: 'read_file', arguments: '{}' },
          { id: 'b', name: 'run_command', arguments: '{}' },
        ],
      },
    },
    { type: 'message', at: 3, message: { role: 'tool', toolCallId: 'a', name: 'read_file', content: 'x' } },
    user('next'),
  ];
  const repaired = repairTranscript(entries, 99);
  assert.deepEqual(
    messagesOf(repaired).map((m) => (m.role === 'tool' ? `tool:${m.toolCallId}:${m.content === INTERRUPTED_TOOL_RESULT}` : m.role)),
    ['user', 'assistant', 'tool:a:false', 'tool:b:true', 'user'],
  );
  assert.deepEqual(repaired.at(-1), { type: 'stopped', reason: 'interrupted', at: 99 });
});

test('an empty partial message is dropped; a partial one keeps its text as interrupted', () => {
  const empty = repairTranscript([user('hi'), { type: 'message', at: 2, state: 'partial', message: { role: 'assistant', content: '' } }], 5);
  assert.deepEqual(empty, [user('hi'), { type: 'stopped', reason: 'interrupted', at: 5 }]);
  const partial = repairTranscript([user('hi'), { type: 'message', at: 2, state: 'partial', message: { role: 'assistant', content: 'abc' } }], 5);
  assert.deepEqual(partial[1], { type: 'message', at: 2, state: 'interrupted', message: { role: 'assistant', content: 'abc' } });
});

test('titles come from the first line of the first message', () => {
  assert.equal(titleFromMessage('  Fix the   build\nplease'), 'Fix the build');
  assert.equal(titleFromMessage('\n'), 'New session');
  assert.equal(titleFromMessage('x'.repeat(200)).length, 80);
});
