// A saved session as the webview shows it: typed text only for user messages, no system prompt,
// no provider reasoning state; the errors and notes between the messages; and the message Retry sends again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TranscriptEntry } from '../../../src/core/agent/transcript';
import { formatUserMessage } from '../../../src/vscode/chat/attachmentText';
import { lastUserMessage, webviewMessages, webviewNotes } from '../../../src/vscode/chat/webviewTranscript';

const withFile = formatUserMessage('Explain', [{ attachment: { id: 'a', kind: 'file', label: 'a.ts', path: 'a.ts' }, text: 'secretless code' }]);
const entries: TranscriptEntry[] = [
  { type: 'message', at: 1, message: { role: 'system', content: 'You are an agent.' } },
  { type: 'message', at: 2, message: { role: 'user', content: withFile } },
  { type: 'message', at: 3, message: { role: 'assistant', content: 'Sure.', toolCalls: [{ id: 'c', name: 'read_file', arguments: '{}' }], reasoningParts: [{ type: 'anthropic-redacted-thinking', data: 'opaque' }] } },
  { type: 'message', at: 4, message: { role: 'tool', toolCallId: 'c', name: 'read_file', content: 'file text' }, tool: { title: 'Read a.ts' } },
  { type: 'error', at: 5, error: { kind: 'server', message: '503' } },
  { type: 'notice', at: 6, kind: 'model-changed', text: 'Switched' },
  { type: 'message', at: 7, message: { role: 'user', content: 'And then?' } },
];

test('messages for the webview: user text as typed, tools kept, system and reasoning state left out', () => {
  assert.deepEqual(webviewMessages(entries), [
    { role: 'user', content: 'Explain' },
    { role: 'assistant', content: 'Sure.', toolCalls: [{ id: 'c', name: 'read_file', arguments: '{}' }] },
    { role: 'tool', toolCallId: 'c', name: 'read_file', content: 'file text' },
    { role: 'user', content: 'And then?' },
  ]);
});

test('the last user message is the one sent to the model, attachments included', () => {
  assert.equal(lastUserMessage(entries), 'And then?');
  assert.equal(lastUserMessage(entries.slice(0, 3)), withFile);
  assert.equal(lastUserMessage([]), undefined);
});

test('errors, notices and stops are placed after the messages shown before them, with their fix buttons', () => {
  assert.deepEqual(webviewNotes([...entries, { type: 'stopped', at: 8, reason: 'interrupted' }]), [
    { afterMessage: 3, error: { kind: 'server', message: '503' } },
    { afterMessage: 3, text: 'Switched' },
    { afterMessage: 4, text: 'Interrupted: the answer did not finish before VS Code closed.' },
  ]);
  assert.deepEqual(webviewNotes([{ type: 'error', at: 1, error: { kind: 'network', message: 'down', retryable: true } }]), [
    { afterMessage: 0, error: { kind: 'network', message: 'down', retryable: true, actions: ['retry'] } },
  ]);
});
