// Sessions are saved as they go: during streaming (so a crash loses nothing shown), after each
// step, and a resumed session repairs a transcript saved mid-turn and continues correctly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AgentSession, type AgentSessionOptions } from '../../../src/core/agent/agentSession';
import { INTERRUPTED_TOOL_RESULT } from '../../../src/core/agent/transcriptRepair';
import { createNodeSessionStore } from '../../../src/node/nodeSessionStore';
import { createNodeWorkspaceFiles } from '../../../src/node/nodeWorkspaceFiles';
import type { SessionStore } from '../../../src/core/agent/sessionStore';
import { MemoryStore, ScriptedClient, deferred, provider, recordEvents, tempWorkspace, textReply, toolCallReply, type ScriptStep } from './fakes';
import { join } from 'node:path';

function makeSession(root: string, steps: ScriptStep[], store: SessionStore, extra: Partial<AgentSessionOptions> = {}) {
  const client = new ScriptedClient(steps);
  const agent = new AgentSession({
    client,
    files: createNodeWorkspaceFiles(root),
    provider: provider('openai'),
    model: 'gpt-test',
    approvalMode: 'auto',
    systemPrompt: 'SYSTEM',
    store,
    flushIntervalMs: 10,
    ...extra,
  });
  return { client, agent };
}

test('text shown mid-stream is in the store before the step ends (a crash loses nothing shown)', async (t) => {
  const ws = tempWorkspace();
  t.after(ws.cleanup);
  const store = createNodeSessionStore(join(ws.root, '.sessions'));
  const release = deferred();
  const streaming: ScriptStep = async function* () {
    yield { type: 'reasoning-delta', text: 'thinking…' };
    yield { type: 'text-delta', text: 'Here is ' };
    yield { type: 'text-delta', text: 'the first half' };
    await release.promise;
    yield { type: 'text-delta', text: ' and the rest.' };
    yield { type: 'done', stopReason: 'stop' };
  };
  const { agent } = makeSession(ws.root, [streaming], store);
  const turn = agent.send('Explain the build\nwith details');

  const deadline = Date.now() + 2000;
  let saved = await store.load(agent.id);
  while (saved?.transcript.at(-1)?.type !== 'message' || JSON.stringify(saved).indexOf('the first half') === -1) {
    assert.ok(Date.now() < deadline, 'partial text was not saved while streaming');
    await new Promise((r) => setTimeout(r, 5));
    saved = await store.load(agent.id);
  }
  const last = saved.transcript.at(-1);
  assert.ok(last?.type === 'message' && last.message.role === 'assistant');
  assert.equal(last.state, 'partial');
  assert.equal(last.message.content, 'Here is the first half');
  assert.equal(last.message.reasoning, 'thinking…');
  assert.equal(saved.title, 'Explain the build');

  // "Crash": a new host resumes from the saved record while the old turn never finished.
  const resumed = makeSession(ws.root, [textReply('continuing')], store, { record: saved });
  const repaired = resumed.agent.transcript;
  const interrupted = repaired.find((e) => e.type === 'message' && e.message.role === 'assistant');
  assert.ok(interrupted?.type === 'message');
  assert.equal(interrupted.state, 'interrupted');
  assert.equal(interrupted.message.content, 'Here is the first half');
  assert.deepEqual(repaired.at(-1), { type: 'stopped', reason: 'interrupted', at: (repaired.at(-1) as { at: number }).at });
  await resumed.agent.send('go on');
  assert.deepEqual(resumed.client.requests[0].messages.slice(1), [
    { role: 'user', content: 'Explain the build\nwith details' },
    { role: 'assistant', content: 'Here is the first half', reasoning: 'thinking…' },
    { role: 'user', content: 'go on' },
  ]);
  assert.equal(resumed.agent.id, agent.id);

  release.resolve();
  await turn;
});

test('a crash while tools run: resuming gives the unanswered calls a result so the next request is valid', async (t) => {
  const ws = tempWorkspace({ 'a.txt': 'a\n' });
  t.after(ws.cleanup);
  const store = new MemoryStore();
  const hang = deferred();
  const { agent } = makeSession(
    ws.root,
    [
      toolCallReply([
        { id: 'r', name: 'read_file', args: { path: 'a.txt' } },
        { id: 'c', name: 'run_command', args: { command: 'sleep' } },
      ]),
    ],
    store,
    {
      processRunner: {
        runCommand: () => hang.promise.then(() => ({ exitCode: 0, signal: null, stdout: '', stderr: '', timedOut: false, truncated: false })),
        runShell: () => new Promise(() => {}),
      },
    },
  );
  void agent.send('check');
  await new Promise<void>((resolve) => agent.onEvent((e) => e.type === 'tool-call' && e.call.status === 'running' && e.call.name === 'run_command' && resolve()));
  await agent.flush();
  const saved = await store.load(agent.id);
  assert.ok(saved);
  const assistant = saved.transcript.find((e) => e.type === 'message' && e.message.role === 'assistant');
  assert.ok(assistant?.type === 'message' && assistant.message.role === 'assistant');
  assert.equal(assistant.message.toolCalls?.length, 2, 'the tool calls were saved before running');

  const resumed = makeSession(ws.root, [textReply('ok')], store, { record: saved });
  const tools = resumed.agent.messages.filter((m) => m.role === 'tool');
  assert.deepEqual(
    tools.map((m) => (m.role === 'tool' ? [m.toolCallId, m.content, m.isError] : [])),
    [
      ['r', INTERRUPTED_TOOL_RESULT, true],
      ['c', INTERRUPTED_TOOL_RESULT, true],
    ],
  );
  assert.equal(resumed.agent.transcript.at(-1)?.type, 'stopped');
  assert.equal((await resumed.agent.send('again')).reason, 'completed');
});

test('after a turn the store has every message, the title, provider, model and usage totals', async (t) => {
  const ws = tempWorkspace({ 'a.txt': 'a\n' });
  t.after(ws.cleanup);
  const store = new MemoryStore();
  let time = 1000;
  const { agent } = makeSession(
    ws.root,
    [toolCallReply([{ id: 'r', name: 'read_file', args: { path: 'a.txt' } }]), textReply('It has a.')],
    store,
    { now: () => (time += 1) },
  );
  const events = recordEvents(agent);
  await agent.send('What is in a.txt?');
  const saved = await store.load(agent.id);
  assert.ok(saved);
  assert.deepEqual(saved, { ...structuredClone(agent.toRecord()), updatedAt: saved.updatedAt });
  assert.equal(saved.title, 'What is in a.txt?');
  assert.equal(saved.providerId, 'openai');
  assert.deepEqual(
    saved.transcript.map((e) => (e.type === 'message' ? e.message.role : e.type)),
    ['user', 'assistant', 'tool', 'assistant'],
  );
  const tool = saved.transcript[2];
  assert.ok(tool.type === 'message');
  assert.equal(tool.tool?.title, 'Read a.txt');
  assert.deepEqual(saved.usage, { inputTokens: 20, outputTokens: 10, cachedInputTokens: 0, reasoningTokens: 0 });
  assert.ok(store.saves >= 3, `saved ${store.saves} times`);
  // turn-ended comes after the final save.
  assert.equal(events.at(-1)?.type, 'turn-ended');
});

test('a resumed session keeps its id, title, usage and continues the same conversation', async (t) => {
  const ws = tempWorkspace();
  t.after(ws.cleanup);
  const store = new MemoryStore();
  const first = makeSession(ws.root, [textReply('one')], store);
  await first.agent.send('first question');
  const saved = await store.load(first.agent.id);
  const second = makeSession(ws.root, [textReply('two')], store, { record: saved });
  assert.equal(second.agent.title, 'first question');
  await second.agent.send('second question');
  assert.deepEqual(
    second.client.requests[0].messages.map((m) => m.content),
    ['SYSTEM', 'first question', 'one', 'second question'],
  );
  const final = await store.load(first.agent.id);
  assert.equal(final?.usage.inputTokens, 20);
  assert.equal(final?.createdAt, saved?.createdAt);
  assert.equal((await store.list()).length, 1);
});

test('a failing store does not break the turn; the user is told once', async (t) => {
  const ws = tempWorkspace();
  t.after(ws.cleanup);
  const store = new MemoryStore();
  store.failWith = new Error('disk full');
  const { agent } = makeSession(ws.root, [textReply('fine', { chunks: 4 })], store);
  const events = recordEvents(agent);
  assert.equal((await agent.send('hi')).reason, 'completed');
  const errors = events.filter((e) => e.type === 'error');
  assert.equal(errors.length, 1);
  assert.ok(errors[0].type === 'error' && !errors[0].fatal);
  assert.match(errors[0].type === 'error' ? errors[0].error.message : '', /Could not save this session: disk full/);
});
