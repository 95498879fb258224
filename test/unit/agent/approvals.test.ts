// Approval modes: what read-only refuses, what ask waits for (and what the request carries),
// what auto runs, and how paths outside the workspace are handled in each mode.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AgentSession, type AgentSessionOptions } from '../../../src/core/agent/agentSession';
import type { ApprovalMode } from '../../../src/core/agent/approvals';
import { createNodeWorkspaceFiles } from '../../../src/node/nodeWorkspaceFiles';
import type { ChatMessage } from '../../../src/shared/conversation';
import {
  FakeRunner,
  RecordingApprovals,
  ScriptedClient,
  deferred,
  processResult,
  provider,
  recordEvents,
  tempWorkspace,
  textReply,
  toolCallReply,
  type ScriptedCall,
} from './fakes';

interface Setup {
  mode: ApprovalMode;
  calls: ScriptedCall[];
  files?: Record<string, string>;
  handler?: RecordingApprovals;
  extra?: Partial<AgentSessionOptions>;
}

/** Runs one turn where the model makes `calls`, then returns the tool results it got back. */
async function runTurn(t: { after: (fn: () => void) => void }, setup: Setup) {
  const ws = tempWorkspace(setup.files ?? {});
  t.after(ws.cleanup);
  const runner = new FakeRunner(() => processResult({ stdout: 'ran\n' }));
  const client = new ScriptedClient([toolCallReply(setup.calls), textReply('done')]);
  const agent = new AgentSession({
    client,
    files: createNodeWorkspaceFiles(ws.root),
    processRunner: runner,
    provider: provider('openai'),
    model: 'm',
    approvalMode: setup.mode,
    ...(setup.handler && { approvalHandler: setup.handler }),
    systemPrompt: '',
    ...setup.extra,
  });
  const events = recordEvents(agent);
  const result = await agent.send('go');
  const results = (client.requests[1]?.messages ?? []).filter(
    (m): m is Extract<ChatMessage, { role: 'tool' }> => m.role === 'tool',
  );
  return { ws, runner, agent, events, result, results };
}

const edit = (path = 'a.txt'): ScriptedCall => ({
  id: 'e1',
  name: 'edit_file',
  args: { path, old_string: 'old', new_string: 'new' },
});
const command: ScriptedCall = { id: 'r1', name: 'run_command', args: { command: 'npm test' } };

test('read-only: edits and commands are refused with a result the model sees; reads inside run', async (t) => {
  const { ws, runner, results, result } = await runTurn(t, {
    mode: 'read-only',
    files: { 'a.txt': 'old\n' },
    handler: new RecordingApprovals(),
    calls: [edit(), command, { id: 'c3', name: 'read_file', args: { path: 'a.txt' } }],
  });
  assert.equal(result.reason, 'completed');
  assert.equal(readFileSync(join(ws.root, 'a.txt'), 'utf8'), 'old\n');
  assert.equal(runner.shellCalls.length, 0);
  assert.match(results[0].content, /edit_file is not allowed in read-only mode/);
  assert.equal(results[0].isError, true);
  assert.match(results[1].content, /run_command is not allowed in read-only mode/);
  assert.equal(results[2].content, '1\told');
});

test('read-only: a path outside the workspace is refused even for reading, without asking', async (t) => {
  const outsideDir = tempWorkspace({ 'secret.txt': 'outside secret\n' });
  t.after(outsideDir.cleanup);
  const handler = new RecordingApprovals();
  const { results } = await runTurn(t, {
    mode: 'read-only',
    handler,
    calls: [{ id: 'o', name: 'read_file', args: { path: join(outsideDir.root, 'secret.txt') } }],
  });
  assert.equal(handler.requests.length, 0);
  assert.match(results[0].content, /^Refused: .* is outside the workspace .*not allowed in read-only mode/);
  assert.doesNotMatch(results[0].content, /outside secret/);
});

test('ask: an approved edit is applied; the request carries the unified diff', async (t) => {
  const handler = new RecordingApprovals(['approve']);
  const { ws, results, events } = await runTurn(t, { mode: 'ask', handler, files: { 'a.txt': 'old\n' }, calls: [edit()] });
  assert.equal(handler.requests.length, 1);
  const request = handler.requests[0];
  assert.equal(request.kind, 'edit');
  assert.equal(request.title, 'Edit a.txt');
  assert.deepEqual(request.paths, ['a.txt']);
  assert.match(request.preview?.diff ?? '', /--- a\.txt\n\+\+\+ a\.txt\n@@ -1,1 \+1,1 @@\n-old\n\+new/);
  assert.equal(readFileSync(join(ws.root, 'a.txt'), 'utf8'), 'new\n');
  assert.match(results[0].content, /^Edited a\.txt/);
  const statuses = events.flatMap((e) => (e.type === 'tool-call' ? [e.call.status] : []));
  assert.deepEqual(statuses, ['pending', 'awaiting-approval', 'running', 'done']);
  assert.ok(events.some((e) => e.type === 'approval-request' && e.request.id === request.id));
  assert.ok(events.some((e) => e.type === 'approval-resolved' && e.requestId === request.id && e.decision === 'approve'));
});

test('ask: a rejected edit leaves the file alone and tells the model the user rejected it', async (t) => {
  const handler = new RecordingApprovals(['reject']);
  const { ws, results, result } = await runTurn(t, { mode: 'ask', handler, files: { 'a.txt': 'old\n' }, calls: [edit()] });
  assert.equal(result.reason, 'completed');
  assert.equal(readFileSync(join(ws.root, 'a.txt'), 'utf8'), 'old\n');
  assert.equal(results[0].isError, true);
  assert.match(results[0].content, /The user rejected this edit; edit_file did not run/);
});

test('ask: a command waits for approval with the command line; approve-for-session covers the same command later', async (t) => {
  const handler = new RecordingApprovals(['approve-for-session']);
  const { runner, results } = await runTurn(t, {
    mode: 'ask',
    handler,
    calls: [command, { ...command, id: 'r2' }, { id: 'r3', name: 'run_command', args: { command: 'rm -rf build' } }],
  });
  assert.deepEqual(
    handler.requests.map((r) => [r.kind, r.preview?.command]),
    [
      ['command', 'npm test'],
      ['command', 'rm -rf build'],
    ],
  );
  assert.equal(runner.shellCalls.length, 3);
  assert.match(results[1].content, /Exit code: 0/);
});

test('ask without a handler refuses edits instead of hanging', async (t) => {
  const { ws, results } = await runTurn(t, { mode: 'ask', files: { 'a.txt': 'old\n' }, calls: [edit()] });
  assert.equal(readFileSync(join(ws.root, 'a.txt'), 'utf8'), 'old\n');
  assert.match(results[0].content, /needs the user's approval, and there is no one to ask here/);
});

test('auto: edits and commands inside the workspace run without asking', async (t) => {
  const handler = new RecordingApprovals();
  const { ws, runner, results } = await runTurn(t, {
    mode: 'auto',
    handler,
    files: { 'a.txt': 'old\n' },
    calls: [edit(), command, { id: 'c', name: 'create_file', args: { path: 'new/b.txt', content: 'b\n' } }],
  });
  assert.equal(handler.requests.length, 0);
  assert.equal(readFileSync(join(ws.root, 'a.txt'), 'utf8'), 'new\n');
  assert.equal(readFileSync(join(ws.root, 'new/b.txt'), 'utf8'), 'b\n');
  assert.equal(runner.shellCalls[0].options.cwd, ws.root);
  assert.equal(results.length, 3);
});

test('auto: reading outside the workspace asks (kind path) and reads only after approval', async (t) => {
  const outsideDir = tempWorkspace({ 'secret.txt': 'outside secret\n' });
  t.after(outsideDir.cleanup);
  const secret = join(outsideDir.root, 'secret.txt');
  const handler = new RecordingApprovals(['approve']);
  const { results } = await runTurn(t, { mode: 'auto', handler, calls: [{ id: 'o', name: 'read_file', args: { path: secret } }] });
  assert.equal(handler.requests.length, 1);
  assert.equal(handler.requests[0].kind, 'path');
  assert.deepEqual(handler.requests[0].paths, [secret]);
  assert.match(handler.requests[0].reason ?? '', /is outside the workspace/);
  assert.equal(results[0].content, '1\toutside secret');
});

test('auto: a rejected outside path is not touched; without a handler (CLI) it is refused', async (t) => {
  const outsideDir = tempWorkspace({ 'secret.txt': 'outside secret\n' });
  t.after(outsideDir.cleanup);
  const secret = join(outsideDir.root, 'secret.txt');
  const rejected = await runTurn(t, {
    mode: 'auto',
    handler: new RecordingApprovals(['reject']),
    calls: [{ id: 'o', name: 'read_file', args: { path: secret } }],
  });
  assert.match(rejected.results[0].content, /The user rejected this access to .*secret\.txt/);
  assert.doesNotMatch(rejected.results[0].content, /outside secret/);

  const cli = await runTurn(t, {
    mode: 'auto',
    calls: [{ id: 'o', name: 'edit_file', args: { path: secret, old_string: 'outside', new_string: 'changed' } }],
  });
  assert.match(cli.results[0].content, /^Refused: .*outside the workspace.*there is no one to ask here/);
  assert.equal(readFileSync(secret, 'utf8'), 'outside secret\n');
});

test('ask: an edit outside the workspace asks once (kind path, with the change) before the file is read', async (t) => {
  const outsideDir = tempWorkspace({ 'x.txt': 'old\n' });
  t.after(outsideDir.cleanup);
  const target = join(outsideDir.root, 'x.txt');
  const handler = new RecordingApprovals(['approve']);
  const { results } = await runTurn(t, { mode: 'ask', handler, calls: [edit(target)] });
  assert.equal(handler.requests.length, 1);
  assert.equal(handler.requests[0].kind, 'path');
  assert.match(handler.requests[0].preview?.diff ?? '', /-old\n\+new/);
  assert.equal(readFileSync(target, 'utf8'), 'new\n');
  assert.match(results[0].content, /^Edited /);
});

test('..-paths and outside workdirs for commands need approval too', async (t) => {
  const handler = new RecordingApprovals(['reject', 'reject']);
  const { ws, runner, results } = await runTurn(t, {
    mode: 'auto',
    handler,
    calls: [
      { id: 'a', name: 'create_file', args: { path: '../escape.txt', content: 'x' } },
      { id: 'b', name: 'run_command', args: { command: 'ls', workdir: '..' } },
    ],
  });
  assert.deepEqual(
    handler.requests.map((r) => r.kind),
    ['path', 'path'],
  );
  assert.equal(handler.requests[1].preview?.command, 'ls');
  assert.equal(runner.shellCalls.length, 0);
  assert.equal(results.length, 2);
  assert.ok(!existsSync(join(ws.root, '..', 'escape.txt')));
  assert.match(results[0].content, /The user rejected this access to .*escape\.txt/);
});

test('approval requests are put to the user one at a time, even for concurrent reads', async (t) => {
  const outsideDir = tempWorkspace({ 'a.txt': 'A\n', 'b.txt': 'B\n' });
  t.after(outsideDir.cleanup);
  let open = 0;
  let maxOpen = 0;
  const slowApprove = async () => {
    open++;
    maxOpen = Math.max(maxOpen, open);
    await new Promise((r) => setTimeout(r, 5));
    open--;
    return 'approve' as const;
  };
  const handler = new RecordingApprovals([slowApprove, slowApprove]);
  const { results } = await runTurn(t, {
    mode: 'auto',
    handler,
    calls: [
      { id: 'a', name: 'read_file', args: { path: join(outsideDir.root, 'a.txt') } },
      { id: 'b', name: 'read_file', args: { path: join(outsideDir.root, 'b.txt') } },
    ],
  });
  assert.equal(handler.requests.length, 2);
  assert.equal(maxOpen, 1);
  assert.deepEqual(
    results.map((r) => r.content),
    ['1\tA', '1\tB'],
  );
});

test('stopping while an approval is pending ends the turn; the tool does not run', async (t) => {
  const ws = tempWorkspace({ 'a.txt': 'old\n' });
  t.after(ws.cleanup);
  const asked = deferred();
  const handler = new RecordingApprovals([
    (_request, signal) =>
      new Promise((resolve) => {
        asked.resolve();
        signal.addEventListener('abort', () => resolve('reject'));
      }),
  ]);
  const client = new ScriptedClient([toolCallReply([edit()])]);
  const agent = new AgentSession({
    client,
    files: createNodeWorkspaceFiles(ws.root),
    provider: provider('openai'),
    model: 'm',
    approvalMode: 'ask',
    approvalHandler: handler,
  });
  const turn = agent.send('go');
  await asked.promise;
  agent.stop();
  assert.equal((await turn).reason, 'stopped');
  assert.equal(readFileSync(join(ws.root, 'a.txt'), 'utf8'), 'old\n');
  const tool = agent.messages.find((m) => m.role === 'tool');
  assert.match(tool?.role === 'tool' ? tool.content : '', /stopped the turn while this edit waited for approval/);
});

test('an edit whose file changed while waiting for approval is not applied', async (t) => {
  const ws = tempWorkspace({ 'a.txt': 'old\n' });
  t.after(ws.cleanup);
  const handler = new RecordingApprovals([
    async () => {
      writeFileSync(join(ws.root, 'a.txt'), 'old\nuser typed this\n');
      return 'approve';
    },
  ]);
  const client = new ScriptedClient([toolCallReply([edit()]), textReply('ok')]);
  const agent = new AgentSession({
    client,
    files: createNodeWorkspaceFiles(ws.root),
    provider: provider('openai'),
    model: 'm',
    approvalMode: 'ask',
    approvalHandler: handler,
  });
  await agent.send('go');
  assert.equal(readFileSync(join(ws.root, 'a.txt'), 'utf8'), 'old\nuser typed this\n');
  const tool = agent.messages.find((m) => m.role === 'tool');
  assert.match(tool?.role === 'tool' ? tool.content : '', /changed while the edit waited for approval/);
});

test('switching the approval mode applies to the next tool call', async (t) => {
  const ws = tempWorkspace({ 'a.txt': 'old\n' });
  t.after(ws.cleanup);
  const client = new ScriptedClient([toolCallReply([edit()]), textReply('ok'), toolCallReply([edit()]), textReply('ok')]);
  const agent = new AgentSession({
    client,
    files: createNodeWorkspaceFiles(ws.root),
    provider: provider('openai'),
    model: 'm',
    approvalMode: 'read-only',
  });
  await agent.send('one');
  assert.equal(readFileSync(join(ws.root, 'a.txt'), 'utf8'), 'old\n');
  agent.setApprovalMode('auto');
  assert.equal(agent.approvalMode, 'auto');
  await agent.send('two');
  assert.equal(readFileSync(join(ws.root, 'a.txt'), 'utf8'), 'new\n');
});

test('create_file through a dangling symlink that points outside does not create the target without approval', async (t) => {
  const outsideDir = tempWorkspace();
  t.after(outsideDir.cleanup);
  const target = join(outsideDir.root, 'planted.txt');
  const ws = tempWorkspace();
  t.after(ws.cleanup);
  symlinkSync(target, join(ws.root, 'innocent.txt'));
  const client = new ScriptedClient([toolCallReply([{ id: 'c', name: 'create_file', args: { path: 'innocent.txt', content: 'x' } }]), textReply('ok')]);
  const agent = new AgentSession({
    client,
    files: createNodeWorkspaceFiles(ws.root),
    provider: provider('openai'),
    model: 'm',
    approvalMode: 'auto',
  });
  await agent.send('go');
  assert.equal(existsSync(target), false);
  const tool = agent.messages.find((m) => m.role === 'tool');
  assert.match(tool?.role === 'tool' ? tool.content : '', /^Refused: innocent\.txt is a symbolic link to a path that does not exist/);
});
