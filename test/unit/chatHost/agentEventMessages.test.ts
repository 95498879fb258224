// Agent events as webview messages: what the chat shows for each event, in the order it
// happened, with stream text batched and model errors shown once with their fix buttons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AgentEvent } from '../../../src/core/agent/agentEvents';
import { parseToWebviewMessage, type ToWebviewMessage } from '../../../src/shared/webviewProtocol';
import { AgentEventMessages, errorForWebview } from '../../../src/vscode/chat/agentEventMessages';
import { ManualTimer } from './manualTimer';

const usage = { inputTokens: 10, outputTokens: 5, cachedInputTokens: 0, reasoningTokens: 0 };

function setup() {
  const posted: ToWebviewMessage[] = [];
  const timer = new ManualTimer();
  const messages = new AgentEventMessages((m) => posted.push(m), { batchIntervalMs: 16, timer });
  const feed = (...events: AgentEvent[]) => events.forEach((e) => messages.handle(e));
  return { posted, timer, messages, feed };
}

test('a turn: start, batched text, end with usage; every message passes the webview validator', () => {
  const { posted, feed, timer, messages } = setup();
  feed(
    { type: 'turn-started', turnId: 't1', providerId: 'p', model: 'm' },
    { type: 'step-started', turnId: 't1', step: 1, providerId: 'p', model: 'm' },
    { type: 'stream', turnId: 't1', step: 1, event: { type: 'text-delta', text: 'Hel' } },
    { type: 'stream', turnId: 't1', step: 1, event: { type: 'text-delta', text: 'lo' } },
  );
  assert.equal(messages.runningTurnId, 't1');
  timer.advance(16);
  feed(
    { type: 'stream', turnId: 't1', step: 1, event: { type: 'done', stopReason: 'stop' } },
    { type: 'turn-ended', turnId: 't1', reason: 'completed', usage, totalUsage: usage },
  );
  assert.deepEqual(posted, [
    { type: 'turnStarted', params: { turnId: 't1' } },
    { type: 'streamEvents', params: { turnId: 't1', events: [{ type: 'text-delta', text: 'Hello' }] } },
    { type: 'streamEvents', params: { turnId: 't1', events: [{ type: 'done', stopReason: 'stop' }] } },
    { type: 'turnEnded', params: { turnId: 't1', stopReason: 'stop', usage, sessionUsage: usage } },
  ]);
  for (const message of posted) assert.ok(parseToWebviewMessage(message).ok, message.type);
  assert.equal(messages.runningTurnId, undefined);
});

test('a tool call: the pending stream text goes out before the card, which shows the streamed arguments', () => {
  const { posted, feed } = setup();
  const args = '{"path":"src/a.ts"}';
  feed(
    { type: 'turn-started', turnId: 't1', providerId: 'p', model: 'm' },
    { type: 'stream', turnId: 't1', step: 1, event: { type: 'text-delta', text: 'Reading.' } },
    { type: 'stream', turnId: 't1', step: 1, event: { type: 'tool-call-end', id: 'c1', name: 'read_file', arguments: args } },
    { type: 'tool-call', turnId: 't1', call: { callId: 'c1', name: 'read_file', status: 'pending', title: 'Read src/a.ts' } },
    { type: 'tool-call', turnId: 't1', call: { callId: 'c1', name: 'read_file', status: 'running', title: 'Read src/a.ts', summary: 'lines 1-20' } },
    { type: 'tool-output', turnId: 't1', callId: 'c1', chunk: 'x', stream: 'stdout' },
    { type: 'tool-call', turnId: 't1', call: { callId: 'c1', name: 'read_file', status: 'done', title: 'Read src/a.ts', result: { content: 'nope', isError: true } } },
  );
  assert.deepEqual(posted.map((m) => m.type), ['turnStarted', 'streamEvents', 'toolCall', 'toolOutput', 'toolResult']);
  assert.deepEqual(posted[2].params, { turnId: 't1', id: 'c1', name: 'read_file', summary: 'Read src/a.ts · lines 1-20', arguments: args });
  assert.deepEqual(posted[3].params, { turnId: 't1', id: 'c1', chunk: 'x' });
  assert.deepEqual(posted[4].params, { turnId: 't1', id: 'c1', output: 'nope', isError: true });
});

test('approval requests carry the diff or the command; settled ones say how', () => {
  const { posted, feed } = setup();
  feed(
    { type: 'turn-started', turnId: 't1', providerId: 'p', model: 'm' },
    { type: 'approval-request', turnId: 't1', request: { id: 'a1', callId: 'c1', toolName: 'edit_file', kind: 'edit', title: 'Edit a.ts', paths: ['a.ts'], preview: { diff: '--- a\n+++ b\n' } } },
    { type: 'approval-resolved', turnId: 't1', requestId: 'a1', decision: 'approve-for-session' },
    { type: 'approval-request', turnId: 't1', request: { id: 'a2', callId: 'c2', toolName: 'run_command', kind: 'command', title: 'Run `ls`', paths: [], preview: { command: 'ls', cwd: '.' } } },
    { type: 'approval-resolved', turnId: 't1', requestId: 'a2', decision: 'reject' },
    { type: 'approval-request', turnId: 't1', request: { id: 'a3', callId: 'c3', toolName: 'read_file', kind: 'path', title: 'Read /etc/hosts', reason: '/etc/hosts is outside the workspace (/w)', paths: ['/etc/hosts'] } },
  );
  assert.deepEqual(posted.slice(1).map((m) => m.params), [
    { turnId: 't1', id: 'a1', kind: 'edit', title: 'Edit a.ts', diff: '--- a\n+++ b\n' },
    { id: 'a1', decision: 'approved' },
    { turnId: 't1', id: 'a2', kind: 'command', title: 'Run `ls`', command: 'ls', cwd: '.' },
    { id: 'a2', decision: 'rejected' },
    { turnId: 't1', id: 'a3', kind: 'path', title: 'Read /etc/hosts: /etc/hosts is outside the workspace (/w)', path: '/etc/hosts' },
  ]);
});

test('a failed stream shows one error (the agent\'s), with Set API Key and Retry where they help', () => {
  const { posted, feed } = setup();
  const error = { kind: 'auth' as const, message: 'Missing environment variable: `K`.', providerId: 'p', actions: ['setApiKey' as const, 'openConfig' as const] };
  feed(
    { type: 'turn-started', turnId: 't1', providerId: 'p', model: 'm' },
    { type: 'stream', turnId: 't1', step: 1, event: { type: 'error', error } },
    { type: 'error', turnId: 't1', error, fatal: true },
    { type: 'turn-ended', turnId: 't1', reason: 'error', usage, totalUsage: usage, error },
  );
  assert.deepEqual(posted.map((m) => m.type), ['turnStarted', 'error', 'turnEnded']);
  assert.deepEqual(posted[1].params, { turnId: 't1', error });
  assert.equal((posted[2].params as { stopReason: string }).stopReason, 'error');
  assert.deepEqual(errorForWebview({ kind: 'server', message: '503', retryable: true }).actions, ['retry']);
  assert.deepEqual(errorForWebview({ kind: 'internal', message: 'bug' }).actions, ['showLogs']);
  assert.equal(errorForWebview({ kind: 'config', message: 'x' }).actions, undefined);
});

test('stop reasons: stopped -> cancelled, max-steps -> other; a turn started elsewhere shows its user message', () => {
  const { posted, feed, messages } = setup();
  messages.announceNextTurn('Explain this');
  feed(
    { type: 'turn-started', turnId: 't1', providerId: 'p', model: 'm' },
    { type: 'turn-ended', turnId: 't1', reason: 'stopped', usage, totalUsage: usage },
    { type: 'turn-started', turnId: 't2', providerId: 'p', model: 'm' },
    { type: 'turn-ended', turnId: 't2', reason: 'max-steps', usage, totalUsage: usage },
  );
  assert.deepEqual(posted[0].params, { turnId: 't1', userMessage: 'Explain this' });
  assert.equal((posted[1].params as { stopReason: string }).stopReason, 'cancelled');
  assert.deepEqual(posted[2].params, { turnId: 't2' }, 'the announcement is used once');
  assert.equal((posted[3].params as { stopReason: string }).stopReason, 'other');
});

test('reset drops queued stream text of a session being left', () => {
  const { posted, feed, messages, timer } = setup();
  feed({ type: 'turn-started', turnId: 't1', providerId: 'p', model: 'm' }, { type: 'stream', turnId: 't1', step: 1, event: { type: 'text-delta', text: 'x' } });
  messages.reset();
  timer.advance(50);
  assert.deepEqual(posted.map((m) => m.type), ['turnStarted']);
  assert.equal(messages.runningTurnId, undefined);
});

test('a running command\'s output streams to its card, merged per interval, and always before its result', () => {
  const { posted, feed, timer } = setup();
  const call = { callId: 'c1', name: 'run_command', title: 'Run npm test' };
  feed(
    { type: 'turn-started', turnId: 't1', providerId: 'p', model: 'm' },
    { type: 'tool-call', turnId: 't1', call: { ...call, status: 'running' } },
    { type: 'tool-output', turnId: 't1', callId: 'c1', chunk: 'PASS a\n', stream: 'stdout' },
    { type: 'tool-output', turnId: 't1', callId: 'c1', chunk: 'FAIL b\n', stream: 'stderr' },
  );
  assert.equal(posted.filter((m) => m.type === 'toolOutput').length, 0, 'batched, not one message per chunk');
  timer.advance(16);
  feed(
    { type: 'tool-output', turnId: 't1', callId: 'c1', chunk: 'done\n', stream: 'stdout' },
    { type: 'tool-call', turnId: 't1', call: { ...call, status: 'done', result: { content: 'PASS a\nFAIL b\ndone\n' } } },
  );
  assert.deepEqual(
    posted.filter((m) => m.type === 'toolOutput' || m.type === 'toolResult').map((m) => [m.type, m.type === 'toolOutput' ? m.params.chunk : m.params.output]),
    [
      ['toolOutput', 'PASS a\nFAIL b\n'],
      ['toolOutput', 'done\n'],
      ['toolResult', 'PASS a\nFAIL b\ndone\n'],
    ],
  );
  for (const message of posted) assert.ok(parseToWebviewMessage(message).ok, message.type);
});

test('a flood of command output sends only the latest tail of each interval, marked as skipped', () => {
  const { posted, feed, timer } = setup();
  const line = `${'x'.repeat(99)}\n`;
  for (let i = 0; i < 1000; i++) feed({ type: 'tool-output', turnId: 't1', callId: 'c1', chunk: i === 999 ? 'last line\n' : line, stream: 'stdout' });
  timer.advance(16);
  const [message] = posted;
  assert.equal(posted.length, 1);
  assert.ok(message.type === 'toolOutput');
  assert.equal(message.params.skipped, true);
  assert.ok(message.params.chunk.length <= 16_384, `${message.params.chunk.length} characters`);
  assert.ok(message.params.chunk.endsWith('last line\n'));
});
