// The chat host end to end without VS Code: a real AgentSession on a temp folder answering from a
// scripted model, driven by the messages the webview sends. Covers what a user relies on: the
// view is filled on `ready`, answers stream, edits wait for Approve in "ask" mode (and never ask
// in read-only), sessions are saved and come back after a reload, Retry, provider switches keep
// the conversation, attachments reach the model, and errors show inline with their fixes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toHost } from '../../../src/shared/webviewProtocol';
import { ScriptedClient, deferred, textReply, toolCallReply, tempWorkspace, waitFor } from '../agent/fakes';
import { chatHarness } from './chatHarness';

const EDIT = { id: 'c1', name: 'edit_file', args: { path: 'a.txt', old_string: 'old', new_string: 'new' } };

function workspace(t: { after: (fn: () => void) => void }, files: Record<string, string> = { 'a.txt': 'old\n' }) {
  const ws = tempWorkspace(files);
  t.after(ws.cleanup);
  return ws.root;
}

test('ready fills the view: header state, empty transcript, history and attachments', async (t) => {
  const h = chatHarness(workspace(t), new ScriptedClient([]));
  await h.send(toHost.ready.create({}));
  await waitFor(() => h.of('sessionList').length > 0);
  assert.deepEqual(h.posted.map((m) => m.type).slice(0, 2), ['sessionState', 'transcript']);
  const state = h.last('sessionState');
  assert.deepEqual(state.provider, { id: 'alpha', name: 'Alpha' });
  assert.equal(state.model, 'alpha-1');
  assert.equal(state.approvalMode, 'ask');
  assert.deepEqual(state.providers.map((p) => [p.id, p.models]), [['alpha', ['alpha-1']], ['beta', ['beta-1']]]);
  assert.equal(state.running, false);
  assert.deepEqual(h.last('transcript').messages, []);
  assert.deepEqual(h.last('sessionList').sessions, []);
  assert.deepEqual(h.last('attachments').attachments, []);
});

test('a message streams its answer, then the session is saved, listed and remembered', async (t) => {
  const client = new ScriptedClient([textReply('Hello there, how can I help?', { chunks: 6 })]);
  const h = chatHarness(workspace(t), client);
  await h.send(toHost.ready.create({}));
  h.clear();
  await h.send(toHost.sendMessage.create({ text: 'Hi zebra-7781', attachments: [] }));
  await h.controller.idle();
  await waitFor(() => h.of('sessionList').length > 0);
  const types = h.posted.map((m) => m.type);
  assert.equal(types[0], 'attachments', 'the host empties the attachments first');
  assert.ok(types.indexOf('turnStarted') < types.indexOf('streamEvents') && types.indexOf('streamEvents') < types.indexOf('turnEnded'), types.join(','));
  assert.equal(h.streamedText(), 'Hello there, how can I help?');
  assert.ok(h.of('sessionState').some((s) => s.running), 'the header shows the turn running');
  assert.equal(h.last('sessionState').running, false);
  assert.equal(h.last('sessionState').title, 'Hi zebra-7781');
  assert.deepEqual(h.last('turnEnded').usage, { inputTokens: 10, outputTokens: 5, cachedInputTokens: 0, reasoningTokens: 0 });
  const list = h.last('sessionList');
  assert.equal(list.sessions.length, 1);
  assert.equal(list.currentSessionId, list.sessions[0].id);
  assert.equal(h.memory.last, list.sessions[0].id);
  assert.equal(client.requests[0].provider.id, 'alpha');
  assert.equal(client.requests[0].model, 'alpha-1');
  assert.match(h.logger.text(), /info: Chat: turn in session id\d+ on alpha \/ alpha-1 \(13 characters, approval mode ask\)/);
  assert.ok(!h.logger.text().includes('zebra-7781'), 'the prompt text is not logged');
});

test('ask mode: an edit waits for Approve in the chat, then lands on disk', async (t) => {
  const root = workspace(t);
  const client = new ScriptedClient([toolCallReply([EDIT]), textReply('Changed it.')]);
  const h = chatHarness(root, client);
  await h.send(toHost.sendMessage.create({ text: 'change it', attachments: [] }));
  await waitFor(() => h.of('approvalRequest').length === 1);
  const request = h.last('approvalRequest');
  assert.equal(request.kind, 'edit');
  assert.equal(request.title, 'Edit a.txt');
  assert.match(request.diff ?? '', /-old\n\+new/);
  assert.equal(readFileSync(join(root, 'a.txt'), 'utf8'), 'old\n', 'nothing written before the approval');
  await h.send(toHost.approvalDecision.create({ id: request.id, decision: 'approve' }));
  await h.controller.idle();
  assert.equal(readFileSync(join(root, 'a.txt'), 'utf8'), 'new\n');
  assert.deepEqual(h.last('approvalResolved'), { id: request.id, decision: 'approved' });
  assert.match(h.of('toolResult')[0].output, /^Edited a\.txt/);
  assert.equal(h.of('toolCall')[0].arguments, JSON.stringify(EDIT.args));
  assert.ok(h.streamedText().endsWith('Changed it.'));
});

test('"Allow all edits" approves this edit and every later one in the session without asking again', async (t) => {
  const root = workspace(t);
  const second = { ...EDIT, id: 'c2', args: { path: 'a.txt', old_string: 'new', new_string: 'newer' } };
  const client = new ScriptedClient([toolCallReply([EDIT]), textReply('Changed it.'), toolCallReply([second]), textReply('Changed again.')]);
  const h = chatHarness(root, client);
  await h.send(toHost.sendMessage.create({ text: 'change it', attachments: [] }));
  await waitFor(() => h.of('approvalRequest').length === 1);
  await h.send(toHost.approvalDecision.create({ id: h.last('approvalRequest').id, decision: 'approve-for-session' }));
  await h.controller.idle();
  assert.equal(readFileSync(join(root, 'a.txt'), 'utf8'), 'new\n');
  await h.send(toHost.sendMessage.create({ text: 'change it again', attachments: [] }));
  await h.controller.idle();
  assert.equal(h.of('approvalRequest').length, 1, 'the second edit was not asked about');
  assert.equal(readFileSync(join(root, 'a.txt'), 'utf8'), 'newer\n');
  assert.ok(h.streamedText().endsWith('Changed again.'));
});

test('Reject keeps the file and tells the model; read-only never asks and never writes', async (t) => {
  const root = workspace(t);
  const h = chatHarness(root, new ScriptedClient([toolCallReply([EDIT]), textReply('OK, left it.'), toolCallReply([{ ...EDIT, id: 'c2' }]), textReply('Cannot.')]));
  await h.send(toHost.sendMessage.create({ text: 'change it', attachments: [] }));
  await waitFor(() => h.of('approvalRequest').length === 1);
  await h.send(toHost.approvalDecision.create({ id: h.last('approvalRequest').id, decision: 'reject' }));
  await h.controller.idle();
  assert.equal(readFileSync(join(root, 'a.txt'), 'utf8'), 'old\n');
  assert.match(h.of('toolResult')[0].output, /rejected/);

  await h.send(toHost.setApprovalMode.create({ mode: 'read-only' }));
  assert.equal(h.memory.mode, 'read-only');
  assert.equal(h.last('sessionState').approvalMode, 'read-only');
  await h.send(toHost.sendMessage.create({ text: 'change it anyway', attachments: [] }));
  await h.controller.idle();
  assert.equal(h.of('approvalRequest').length, 1, 'no new approval request in read-only mode');
  assert.equal(readFileSync(join(root, 'a.txt'), 'utf8'), 'old\n');
  assert.match(h.of('toolResult')[1].output, /read-only/);
  await h.send(toHost.setApprovalMode.create({ mode: 'yolo' }));
  assert.equal(h.memory.mode, 'read-only', 'an unknown mode is ignored');
});

test('Stop while an approval waits: the request is withdrawn and the turn ends as cancelled', async (t) => {
  const h = chatHarness(workspace(t), new ScriptedClient([toolCallReply([EDIT])]));
  await h.send(toHost.sendMessage.create({ text: 'change it', attachments: [] }));
  await waitFor(() => h.of('approvalRequest').length === 1);
  await h.send(toHost.stop.create({}));
  await h.controller.idle();
  assert.equal(h.last('turnEnded').stopReason, 'cancelled');
  assert.equal(h.last('sessionState').running, false);
  await h.send(toHost.approvalDecision.create({ id: h.last('approvalRequest').id, decision: 'approve' }));
  assert.match(h.logger.text(), /no approval .* is waiting/);
});

test('after a reload the last session comes back with its messages, typed text only, and continues', async (t) => {
  const root = workspace(t);
  const first = chatHarness(root, new ScriptedClient([textReply('It prints hello.')]));
  first.workbench.files['a.txt'] = 'old\n';
  first.workbench.attachResult = [{ attachment: { kind: 'file', label: 'a.txt', path: 'a.txt' } }];
  await first.send(toHost.attachContext.create({ source: 'activeFile' }));
  const attached = first.last('attachments').attachments;
  await first.send(toHost.sendMessage.create({ text: 'What does it do?', attachments: attached }));
  await first.controller.idle();
  await first.controller.flush();

  const client = new ScriptedClient([textReply('Still hello.')]);
  const second = chatHarness(root, client, { store: first.store, memory: first.memory });
  await second.send(toHost.ready.create({}));
  const transcript = second.last('transcript');
  assert.deepEqual(transcript.messages, [
    { role: 'user', content: 'What does it do?' },
    { role: 'assistant', content: 'It prints hello.' },
  ]);
  assert.equal(transcript.sessionId, first.memory.last);
  assert.equal(second.last('sessionState').sessionId, first.memory.last);
  await second.send(toHost.sendMessage.create({ text: 'Sure?', attachments: [] }));
  await second.controller.idle();
  const sent = client.requests[0].messages.filter((m) => m.role === 'user').map((m) => m.content);
  assert.equal(sent.length, 2, 'the resumed session continues the same conversation');
  assert.match(sent[0], /^What does it do\?\n\n---\nAttached context:\n\n`a\.txt`:\n```typescript\nold\n```$/);
  assert.equal((await first.store.list()).length, 1);
});

test('history: open another session, start a new one, delete (after confirming)', async (t) => {
  const root = workspace(t);
  const h = chatHarness(root, new ScriptedClient([textReply('one'), textReply('two')]));
  await h.send(toHost.sendMessage.create({ text: 'first chat', attachments: [] }));
  await h.controller.idle();
  const firstId = h.memory.last as string;
  await h.send(toHost.newSession.create({}));
  assert.equal(h.memory.last, undefined);
  assert.deepEqual(h.last('transcript').messages, []);
  assert.equal(h.last('sessionState').sessionId, undefined);
  await h.send(toHost.sendMessage.create({ text: 'second chat', attachments: [] }));
  await h.controller.idle();
  await h.send(toHost.openSession.create({ id: firstId }));
  assert.deepEqual(h.last('transcript').messages.map((m) => m.content), ['first chat', 'one']);
  assert.equal(h.memory.last, firstId);

  h.workbench.confirm = false;
  await h.send(toHost.deleteSession.create({ id: firstId }));
  assert.equal((await h.store.list()).length, 2, 'not deleted without confirmation');
  h.workbench.confirm = true;
  await h.send(toHost.deleteSession.create({ id: firstId }));
  await waitFor(() => h.last('sessionList').sessions.length === 1);
  assert.deepEqual(h.last('transcript').messages, [], 'deleting the open session empties the view');
  assert.deepEqual(h.last('sessionList').sessions.map((s) => s.title), ['second chat']);

  await h.send(toHost.openSession.create({ id: 'gone' }));
  assert.match(h.last('error').error.message, /no longer exists/);
});

test('Retry after a failure runs the turn again without repeating the message; after an answer it asks again', async (t) => {
  const client = new ScriptedClient([
    [{ type: 'error', error: { kind: 'server', message: 'The provider answered 503.', status: 503, retryable: true } }],
    textReply('Worked now.'),
    textReply('And again.'),
  ]);
  const h = chatHarness(workspace(t), client);
  await h.send(toHost.sendMessage.create({ text: 'Try', attachments: [] }));
  await h.controller.idle();
  const error = h.last('error');
  assert.equal(h.of('error').length, 1, 'the failure is shown once');
  assert.ok(h.of('streamEvents').every((p) => p.events.every((e) => e.type !== 'error')), 'not also as a stream event');
  assert.deepEqual(error.error.actions, ['retry']);
  assert.equal(error.turnId, h.of('turnStarted')[0].turnId);
  await h.send(toHost.retryLastTurn.create({}));
  await h.controller.idle();
  assert.equal(h.of('turnStarted')[1].userMessage, undefined, 'the unanswered message is not shown a second time');
  assert.deepEqual(
    client.requests[1].messages.filter((m) => m.role === 'user').map((m) => m.content),
    ['Try'],
    'the model sees the message once',
  );
  assert.ok(h.streamedText().endsWith('Worked now.'));
  await h.send(toHost.fixAction.create({ action: 'retry' }));
  await h.controller.idle();
  assert.equal(h.of('turnStarted').length, 3);
  assert.equal(h.of('turnStarted')[2].userMessage, 'Try', 'after an answer, Retry asks again (shown as typed)');
  assert.equal(client.requests[2].messages.filter((m) => m.role === 'user').length, 2);
  assert.ok(h.streamedText().endsWith('And again.'));
});

test('switching provider or model mid-session continues the same conversation on the new one', async (t) => {
  const gate = deferred();
  const client = new ScriptedClient([
    toolCallReply([{ id: 'r1', name: 'read_file', args: { path: 'a.txt' } }]),
    async function* () {
      await gate.promise;
      yield* textReply('From beta.');
    },
    textReply('From beta-2.'),
  ]);
  const h = chatHarness(workspace(t), client);
  await h.send(toHost.sendMessage.create({ text: 'read it', attachments: [] }));
  await waitFor(() => client.requests.length === 2);
  await h.send(toHost.pickProvider.create({ providerId: 'beta' }));
  gate.resolve();
  await h.controller.idle();
  assert.deepEqual(h.providers.calls, ['useProvider beta']);
  assert.equal(h.last('sessionState').provider.id, 'beta');
  await h.send(toHost.pickModel.create({ model: 'beta-2' }));
  assert.deepEqual(h.providers.calls, ['useProvider beta', 'useModel beta beta-2']);
  await h.send(toHost.sendMessage.create({ text: 'and now?', attachments: [] }));
  await h.controller.idle();
  const last = client.requests[2];
  assert.equal(last.provider.id, 'beta');
  assert.equal(last.model, 'beta-2');
  assert.deepEqual(last.messages.filter((m) => m.role === 'user').map((m) => m.content), ['read it', 'and now?']);
  assert.ok(last.messages.some((m) => m.role === 'tool'), 'the earlier tool results are still in the conversation');
});

test('no model or no provider: an inline config error with Open Config, and nothing is sent', async (t) => {
  const client = new ScriptedClient([]);
  const h = chatHarness(workspace(t), client);
  h.providers.current = { provider: h.providers.list[0], model: undefined };
  await h.send(toHost.sendMessage.create({ text: 'hi', attachments: [] }));
  const error = h.last('error');
  assert.equal(error.turnId, undefined);
  assert.equal(error.error.kind, 'config');
  assert.match(error.error.message, /No model is selected for provider "alpha"/);
  assert.deepEqual(error.error.actions, ['openConfig']);
  h.providers.current = undefined;
  await h.send(toHost.sendMessage.create({ text: 'hi', attachments: [] }));
  assert.match(h.last('error').error.message, /No provider is active/);
  assert.equal(client.requests.length, 0);
  assert.equal(h.of('turnStarted').length, 0);
});

test('a missing key shows inline with Set API Key, whose button runs the command for that provider', async (t) => {
  const missing = { kind: 'auth' as const, message: 'Missing environment variable: `ALPHA_KEY`.', providerId: 'alpha', actions: ['setApiKey' as const, 'openConfig' as const] };
  const h = chatHarness(workspace(t), new ScriptedClient([[{ type: 'error', error: missing }]]));
  await h.send(toHost.sendMessage.create({ text: 'hi', attachments: [] }));
  await h.controller.idle();
  assert.equal(h.of('error').length, 1);
  assert.deepEqual(h.last('error').error.actions, ['setApiKey', 'openConfig']);
  await h.send(toHost.fixAction.create({ action: 'setApiKey', providerId: 'alpha' }));
  await h.send(toHost.fixAction.create({ action: 'openConfig', providerId: 'beta' }));
  await h.send(toHost.fixAction.create({ action: 'trustWorkspace', providerId: 'beta' }));
  assert.deepEqual(h.workbench.commands, [
    { command: 'switchboard.setApiKey', args: ['alpha'] },
    { command: 'switchboard.openDefinition', args: ['beta'] },
    { command: 'workbench.trust.manage', args: [] },
  ]);
});

test('attachments: chips follow the host list, reach the model fenced, unreadable ones say so', async (t) => {
  const client = new ScriptedClient([textReply('Seen.')]);
  const h = chatHarness(workspace(t), client);
  h.workbench.files['src/app.ts'] = 'export const x = 1;\n';
  h.workbench.attachResult = [
    { attachment: { kind: 'file', label: 'app.ts', path: 'src/app.ts' } },
    { attachment: { kind: 'selection', label: 'b.ts:2-3', path: 'b.ts', range: { startLine: 2, endLine: 3 } }, text: 'selected();', languageId: 'typescript' },
    { attachment: { kind: 'file', label: 'gone.ts', path: 'gone.ts' } },
  ];
  await h.send(toHost.attachContext.create({ source: 'pickFiles' }));
  const chips = h.last('attachments').attachments;
  assert.deepEqual(chips.map((c) => c.label), ['app.ts', 'b.ts:2-3', 'gone.ts']);
  await h.send(toHost.removeAttachment.create({ id: chips[2].id }));
  assert.equal(h.last('attachments').attachments.length, 2);
  h.controller.attach([{ attachment: { kind: 'file', label: 'gone.ts', path: 'gone.ts' } }]);
  const all = h.last('attachments').attachments;
  await h.send(toHost.sendMessage.create({ text: 'Look', attachments: all }));
  await h.controller.idle();
  assert.deepEqual(h.last('attachments').attachments, []);
  const user = client.requests[0].messages.find((m) => m.role === 'user')?.content ?? '';
  assert.ok(user.startsWith('Look\n\n---\nAttached context:\n'), user);
  assert.ok(user.includes('`src/app.ts`:\n```typescript\nexport const x = 1;\n```'), user);
  assert.ok(user.includes('`b.ts (lines 2-3)`:\n```typescript\nselected();\n```'), user);
  assert.ok(user.includes('`gone.ts`:\n```\n(could not be read: gone.ts does not exist any more.)\n```'), user);
  h.controller.focusInput();
  assert.equal(h.last('attachments').focusInput, true);
});

test('@file completions answer with the request id; links and code blocks go to the workbench', async (t) => {
  const h = chatHarness(workspace(t), new ScriptedClient([]));
  h.workbench.workspacePaths = ['src/deep/app.ts', 'app.ts', 'src/application.md'];
  await h.send(toHost.requestFileCompletions.create({ requestId: 7, query: 'app' }));
  assert.deepEqual(h.workbench.globs, ['**/*[aA][pP][pP]*']);
  const answer = h.last('fileCompletions');
  assert.equal(answer.requestId, 7);
  assert.deepEqual(answer.items.map((i) => i.path), ['app.ts', 'src/deep/app.ts', 'src/application.md']);

  await h.send(toHost.openLink.create({ href: 'command:workbench.action.terminal.sendSequence' }));
  await h.send(toHost.openLink.create({ href: 'https://example.com/' }));
  await h.send(toHost.openLink.create({ href: 'src/app.ts#L3' }));
  assert.deepEqual(h.workbench.links, [{ kind: 'external', url: 'https://example.com/' }, { kind: 'workspaceFile', path: 'src/app.ts', line: 3 }]);
  assert.match(h.logger.text(), /did not open a link .*"command:" scheme/);

  await h.send(toHost.codeBlockAction.create({ action: 'insert', code: 'x()', language: 'ts' }));
  await h.send(toHost.codeBlockAction.create({ action: 'newFile', code: 'y()' }));
  assert.deepEqual(h.workbench.codeBlocks, ['insert:ts:x()', 'newFile::y()']);
  await h.send(toHost.log.create({ level: 'warn', message: 'dropped a bad message' }));
  assert.match(h.logger.text(), /warn: Chat webview: dropped a bad message/);
});

test('a webview re-created mid-turn gets the partial answer and the pending approval again', async (t) => {
  const h = chatHarness(workspace(t), new ScriptedClient([toolCallReply([EDIT], { text: 'Let me edit.' }), textReply('Done.')]));
  await h.send(toHost.sendMessage.create({ text: 'edit', attachments: [] }));
  await waitFor(() => h.of('approvalRequest').length === 1);
  const request = h.last('approvalRequest');
  h.clear();
  await h.send(toHost.ready.create({}));
  assert.equal(h.last('sessionState').running, true);
  assert.deepEqual(h.last('transcript').messages.map((m) => m.role), ['user', 'assistant']);
  assert.deepEqual(h.last('turnStarted'), { turnId: request.turnId });
  assert.deepEqual(h.last('approvalRequest'), request);
  await h.send(toHost.approvalDecision.create({ id: request.id, decision: 'approve' }));
  await h.controller.idle();
  assert.equal(h.last('sessionState').running, false);
});

test('a second message sent while the first is starting or running is not sent', async (t) => {
  const client = new ScriptedClient([textReply('only one')]);
  const h = chatHarness(workspace(t), client);
  h.workbench.files['a.txt'] = 'x';
  h.controller.attach([{ attachment: { kind: 'file', label: 'a.txt', path: 'a.txt' } }]);
  const first = h.send(toHost.sendMessage.create({ text: 'one', attachments: h.last('attachments').attachments }));
  const second = h.send(toHost.sendMessage.create({ text: 'two', attachments: [] }));
  await Promise.all([first, second]);
  await h.send(toHost.sendMessage.create({ text: 'three', attachments: [] }));
  await h.controller.idle();
  assert.equal(h.of('turnStarted').length, 1);
  assert.equal(client.requests.length, 1);
  assert.equal(h.logger.lines.filter((l) => /not sent/.test(l.message)).length, 2);
});
