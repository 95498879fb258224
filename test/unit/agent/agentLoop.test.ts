// The agent loop with a scripted model: when a turn ends, what the model is sent, tool-call
// ordering and concurrency, bad arguments, unknown tools, stopping, errors, provider switching.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AgentSession, type AgentSessionOptions } from '../../../src/core/agent/agentSession';
import { builtinTools } from '../../../src/core/agent/tools/builtinTools';
import { defineTool, type AgentTool } from '../../../src/core/agent/tools/toolTypes';
import { toolParameters } from '../../../src/core/agent/tools/toolSchema';
import { createNodeWorkspaceFiles } from '../../../src/node/nodeWorkspaceFiles';
import type { ChatMessage } from '../../../src/shared/conversation';
import type { StreamEvent } from '../../../src/shared/streamEvents';
import {
  ScriptedClient,
  deferred,
  provider,
  recordEvents,
  tempWorkspace,
  textReply,
  toolCallReply,
  usage,
  type ScriptStep,
} from './fakes';

function session(steps: ScriptStep[], root: string, extra: Partial<AgentSessionOptions> = {}) {
  const client = new ScriptedClient(steps);
  const agent = new AgentSession({
    client,
    files: createNodeWorkspaceFiles(root),
    provider: provider('openai'),
    model: 'gpt-test',
    approvalMode: 'auto',
    systemPrompt: 'SYSTEM',
    ...extra,
  });
  return { client, agent };
}

function toolMessages(messages: readonly ChatMessage[]) {
  return messages.filter((m): m is Extract<ChatMessage, { role: 'tool' }> => m.role === 'tool');
}

test('a turn without tool calls ends after one request, with events in order', async (t) => {
  const ws = tempWorkspace();
  t.after(ws.cleanup);
  const { client, agent } = session([textReply('Hello there', { chunks: 3 })], ws.root);
  const events = recordEvents(agent);
  const result = await agent.send('hi');

  assert.equal(result.reason, 'completed');
  assert.equal(result.text, 'Hello there');
  assert.equal(client.requests.length, 1);
  assert.deepEqual(client.requests[0].messages, [
    { role: 'system', content: 'SYSTEM' },
    { role: 'user', content: 'hi' },
  ]);
  assert.deepEqual(
    client.requests[0].tools?.map((t) => t.name),
    ['read_file', 'list_directory', 'search_text', 'edit_file', 'create_file', 'run_command'],
  );
  assert.deepEqual(agent.messages, [
    { role: 'user', content: 'hi' },
    { role: 'assistant', content: 'Hello there' },
  ]);
  const types = events.map((e) => (e.type === 'stream' ? `stream:${e.event.type}` : e.type));
  assert.deepEqual(types, [
    'turn-started',
    'step-started',
    'stream:text-delta',
    'stream:text-delta',
    'stream:text-delta',
    'stream:usage',
    'stream:done',
    'turn-ended',
  ]);
  const ended = events.at(-1);
  assert.ok(ended?.type === 'turn-ended');
  assert.deepEqual(ended.usage, usage(10, 5));
});

test('tool results go back to the model and the loop repeats until an answer without tools', async (t) => {
  const ws = tempWorkspace({ 'a.txt': 'alpha\n' });
  t.after(ws.cleanup);
  const { client, agent } = session(
    [
      toolCallReply([{ id: 'c1', name: 'read_file', args: { path: 'a.txt' } }], { text: 'Let me look.' }),
      textReply('It says alpha.'),
    ],
    ws.root,
  );
  const result = await agent.send('what is in a.txt?');
  assert.equal(result.reason, 'completed');
  assert.equal(client.requests.length, 2);
  const second = client.requests[1].messages;
  assert.deepEqual(second.slice(2), [
    {
      role: 'assistant',
      content: 'Let me look.',
      toolCalls: [{ id: 'c1', name: 'read_file', arguments: '{"path":"a.txt"}' }],
    },
    { role: 'tool', toolCallId: 'c1', name: 'read_file', content: '1\talpha' },
  ]);
  assert.deepEqual(result.usage, usage(20, 10));
  assert.deepEqual(agent.usage, usage(20, 10));
});

/** A tool that waits `ms` and logs when it starts and ends. */
function probeTool(name: string, readOnly: boolean, log: string[]): AgentTool {
  const schema = z.object({ label: z.string(), ms: z.number() });
  return defineTool(
    {
      name,
      description: 'probe',
      schema,
      parameters: toolParameters(schema),
      readOnly,
      category: readOnly ? 'read' : 'edit',
      title: (a) => a.label,
      paths: () => [],
    },
    {
      async prepare(args) {
        return {
          async run() {
            log.push(`start ${args.label}`);
            await new Promise((r) => setTimeout(r, args.ms));
            log.push(`end ${args.label}`);
            return { content: `result ${args.label}` };
          },
        };
      },
    },
  );
}

test('read-only calls run concurrently, mutating calls alone and in order, results in the model order', async (t) => {
  const ws = tempWorkspace();
  t.after(ws.cleanup);
  const log: string[] = [];
  const calls = [
    { id: '1', name: 'look', args: { label: 'r1', ms: 30 } },
    { id: '2', name: 'look', args: { label: 'r2', ms: 1 } },
    { id: '3', name: 'change', args: { label: 'w3', ms: 5 } },
    { id: '4', name: 'change', args: { label: 'w4', ms: 1 } },
    { id: '5', name: 'look', args: { label: 'r5', ms: 1 } },
  ];
  const { client, agent } = session([toolCallReply(calls), textReply('done')], ws.root, {
    tools: [probeTool('look', true, log), probeTool('change', false, log)],
  });
  await agent.send('go');
  // r1 and r2 overlap (r2 ends first); w3 waits for both; w4 waits for w3; r5 waits for w4.
  assert.deepEqual(log, ['start r1', 'start r2', 'end r2', 'end r1', 'start w3', 'end w3', 'start w4', 'end w4', 'start r5', 'end r5']);
  assert.deepEqual(
    toolMessages(client.requests[1].messages).map((m) => [m.toolCallId, m.content]),
    [
      ['1', 'result r1'],
      ['2', 'result r2'],
      ['3', 'result w3'],
      ['4', 'result w4'],
      ['5', 'result r5'],
    ],
  );
});

test('unparsable or invalid arguments and unknown tools become error results; the loop continues', async (t) => {
  const ws = tempWorkspace();
  t.after(ws.cleanup);
  const { client, agent } = session(
    [
      toolCallReply([
        { id: 'bad', name: 'read_file', args: '{"path": "a.txt"' },
        { id: 'wrong', name: 'read_file', args: { path: 42 } },
        { id: 'nope', name: 'delete_everything', args: {} },
      ]),
      textReply('sorry'),
    ],
    ws.root,
  );
  const result = await agent.send('go');
  assert.equal(result.reason, 'completed');
  const [bad, wrong, nope] = toolMessages(client.requests[1].messages);
  assert.equal(bad.isError, true);
  assert.match(bad.content, /arguments for read_file are not valid JSON/);
  assert.match(bad.content, /Received: \{"path": "a.txt"/);
  assert.equal(wrong.isError, true);
  assert.match(wrong.content, /Invalid arguments for read_file: `path`: .*expected string/);
  assert.equal(nope.isError, true);
  assert.match(nope.content, /Unknown tool "delete_everything"\. Available tools: read_file, list_directory/);
});

test('the max-steps guard ends a turn that keeps calling tools, leaving a valid conversation', async (t) => {
  const ws = tempWorkspace({ 'a.txt': 'x' });
  t.after(ws.cleanup);
  const forever = Array.from({ length: 10 }, (_, i) => toolCallReply([{ id: `c${i}`, name: 'read_file', args: { path: 'a.txt' } }]));
  const { client, agent } = session(forever, ws.root, { maxSteps: 3 });
  const result = await agent.send('loop');
  assert.equal(result.reason, 'max-steps');
  assert.equal(client.requests.length, 3);
  const last = agent.transcript.at(-1);
  assert.ok(last?.type === 'notice' && last.kind === 'max-steps');
  assert.equal(agent.messages.at(-1)?.role, 'tool');
  assert.equal(toolMessages(agent.messages).length, 3);
});

test('an error event ends the turn, keeps the text shown so far and records the error', async (t) => {
  const ws = tempWorkspace();
  t.after(ws.cleanup);
  const failing: StreamEvent[] = [
    { type: 'text-delta', text: 'Partial ans' },
    { type: 'error', error: { kind: 'server', message: 'The provider failed (HTTP 500).', status: 500 } },
  ];
  const { agent } = session([failing, textReply('second try')], ws.root);
  const events = recordEvents(agent);
  const result = await agent.send('go');
  assert.equal(result.reason, 'error');
  assert.equal(result.error?.kind, 'server');
  const assistant = agent.transcript.find((e) => e.type === 'message' && e.message.role === 'assistant');
  assert.ok(assistant?.type === 'message');
  assert.equal(assistant.message.content, 'Partial ans');
  assert.equal(assistant.state, 'failed');
  assert.ok(agent.transcript.some((e) => e.type === 'error' && e.error.status === 500));
  assert.ok(events.some((e) => e.type === 'error' && e.fatal));
  // The session is still usable.
  assert.equal((await agent.send('again')).reason, 'completed');
});

test('a stream that ends without done or error is an error, not a silent success', async (t) => {
  const ws = tempWorkspace();
  t.after(ws.cleanup);
  const { agent } = session([[{ type: 'text-delta', text: 'cut' }]], ws.root);
  const result = await agent.send('go');
  assert.equal(result.reason, 'error');
  assert.equal(result.error?.kind, 'protocol');
  assert.match(result.error?.message ?? '', /ended before the answer was finished/);
});

test('stop mid-stream ends the turn at once, keeps the partial text marked stopped, and the next turn sends it', async (t) => {
  const ws = tempWorkspace();
  t.after(ws.cleanup);
  const shown = deferred();
  // A producer that ignores the abort signal and never finishes: the loop must not wait for it.
  const hanging: ScriptStep = async function* () {
    yield { type: 'text-delta', text: 'I will ' };
    yield { type: 'text-delta', text: 'start by' };
    shown.resolve();
    await new Promise(() => {});
  };
  const { client, agent } = session([hanging, textReply('ok')], ws.root);
  const turn = agent.send('go');
  await shown.promise;
  await new Promise((r) => setImmediate(r));
  agent.stop();
  const result = await turn;
  assert.equal(result.reason, 'stopped');
  const assistant = agent.transcript.find((e) => e.type === 'message' && e.message.role === 'assistant');
  assert.ok(assistant?.type === 'message');
  assert.equal(assistant.message.content, 'I will start by');
  assert.equal(assistant.state, 'stopped');
  assert.equal(agent.transcript.at(-1)?.type, 'stopped');
  assert.equal(agent.busy, false);

  await agent.send('continue');
  assert.deepEqual(client.requests[1].messages.slice(1), [
    { role: 'user', content: 'go' },
    { role: 'assistant', content: 'I will start by' },
    { role: 'user', content: 'continue' },
  ]);
});

test('an external AbortSignal stops the turn like stop()', async (t) => {
  const ws = tempWorkspace();
  t.after(ws.cleanup);
  const controller = new AbortController();
  const hanging: ScriptStep = async function* () {
    yield { type: 'text-delta', text: 'x' };
    controller.abort();
    await new Promise(() => {});
  };
  const { agent } = session([hanging], ws.root);
  assert.equal((await agent.send('go', { signal: controller.signal })).reason, 'stopped');
});

test('stop mid-tool gives the running call and the calls after it results, so the conversation stays valid', async (t) => {
  const ws = tempWorkspace();
  t.after(ws.cleanup);
  const running = deferred();
  const schema = z.object({});
  const slow = defineTool(
    {
      name: 'slow',
      description: 'waits until stopped',
      schema,
      parameters: toolParameters(schema),
      readOnly: false,
      category: 'command',
      title: () => 'slow',
      paths: () => [],
    },
    {
      async prepare(_args, context) {
        return {
          run: () =>
            new Promise((_resolve, reject) => {
              running.resolve();
              context.signal.addEventListener('abort', () => reject(new Error('aborted')));
            }),
        };
      },
    },
  );
  const { client, agent } = session(
    [
      toolCallReply([
        { id: 's1', name: 'slow', args: {} },
        { id: 's2', name: 'slow', args: {} },
      ]),
      textReply('ok'),
    ],
    ws.root,
    { tools: [slow] },
  );
  const turn = agent.send('go');
  await running.promise;
  agent.stop();
  const result = await turn;
  assert.equal(result.reason, 'stopped');
  assert.equal(client.requests.length, 1);
  const [first, second] = toolMessages(agent.messages);
  assert.equal(first.toolCallId, 's1');
  assert.match(first.content, /Stopped by the user while slow was running/);
  assert.equal(second.toolCallId, 's2');
  assert.match(second.content, /Not run/);
  await agent.send('next');
  assert.equal(client.requests[1].messages.filter((m) => m.role === 'tool').length, 2);
});

test('switching provider and model mid-session: the next turn uses them with the same conversation', async (t) => {
  const ws = tempWorkspace();
  t.after(ws.cleanup);
  const { client, agent } = session([textReply('from openai'), textReply('from claude')], ws.root);
  const events = recordEvents(agent);
  await agent.send('first');
  const anthropic = provider('anthropic', { wireApi: 'anthropic' });
  agent.setModel(anthropic, 'claude-test');
  await agent.send('second');
  assert.equal(client.requests[0].provider.id, 'openai');
  assert.equal(client.requests[0].model, 'gpt-test');
  assert.equal(client.requests[1].provider, anthropic);
  assert.equal(client.requests[1].model, 'claude-test');
  assert.deepEqual(client.requests[1].messages.slice(1), [
    { role: 'user', content: 'first' },
    { role: 'assistant', content: 'from openai' },
    { role: 'user', content: 'second' },
  ]);
  assert.ok(events.some((e) => e.type === 'model-changed' && e.model === 'claude-test'));
  const notice = agent.transcript.find((e) => e.type === 'notice');
  assert.ok(notice?.type === 'notice' && notice.kind === 'model-changed');
  const replies = agent.transcript.filter((e) => e.type === 'message' && e.message.role === 'assistant');
  assert.deepEqual(
    replies.map((e) => (e.type === 'message' ? e.providerId : '')),
    ['openai', 'anthropic'],
  );
  assert.equal(agent.toRecord().providerId, 'anthropic');
});

test('sending while a turn runs is refused with a clear error', async (t) => {
  const ws = tempWorkspace();
  t.after(ws.cleanup);
  const release = deferred();
  const waiting: ScriptStep = async function* () {
    await release.promise;
    yield* textReply('done');
  };
  const { agent } = session([waiting], ws.root);
  const first = agent.send('one');
  await assert.rejects(agent.send('two'), /already running/);
  release.resolve();
  assert.equal((await first).reason, 'completed');
});

test('an answer cut off by the token limit is kept with a notice', async (t) => {
  const ws = tempWorkspace();
  t.after(ws.cleanup);
  const { agent } = session([[{ type: 'text-delta', text: 'long answ' }, { type: 'done', stopReason: 'length' }]], ws.root);
  assert.equal((await agent.send('go')).reason, 'completed');
  const last = agent.transcript.at(-1);
  assert.ok(last?.type === 'notice' && last.kind === 'length');
});

test('reasoning is kept on the assistant message; a reasoning-only answer is not sent back', async (t) => {
  const ws = tempWorkspace();
  t.after(ws.cleanup);
  const thinking: StreamEvent[] = [
    { type: 'reasoning-delta', text: 'hmm' },
    { type: 'done', stopReason: 'stop' },
  ];
  const { client, agent } = session([thinking, textReply('ok')], ws.root);
  await agent.send('one');
  const entry = agent.transcript.find((e) => e.type === 'message' && e.message.role === 'assistant');
  assert.ok(entry?.type === 'message' && entry.message.role === 'assistant');
  assert.equal(entry.message.reasoning, 'hmm');
  await agent.send('two');
  assert.deepEqual(
    client.requests[1].messages.map((m) => m.role),
    ['system', 'user', 'user'],
  );
});

test('tool-call events go pending → running → done, and a mutating call is marked auto-approved', async (t) => {
  const ws = tempWorkspace({ 'a.txt': 'one\n' });
  t.after(ws.cleanup);
  const { agent } = session(
    [
      toolCallReply([{ id: 'e', name: 'edit_file', args: { path: 'a.txt', old_string: 'one', new_string: 'two' } }]),
      textReply('edited'),
    ],
    ws.root,
    { tools: builtinTools() },
  );
  const events = recordEvents(agent);
  await agent.send('edit');
  const statuses = events.flatMap((e) => (e.type === 'tool-call' ? [e.call.status] : []));
  assert.deepEqual(statuses, ['pending', 'running', 'done']);
  const done = events.findLast((e) => e.type === 'tool-call');
  assert.ok(done?.type === 'tool-call');
  assert.equal(done.call.title, 'Edit a.txt');
  assert.equal(done.call.result?.meta?.approval, 'auto');
  assert.match(done.call.result?.meta?.diff ?? '', /-one\n\+two/);
  assert.equal(readFileSync(join(ws.root, 'a.txt'), 'utf8'), 'two\n');
});

test('opaque reasoning parts from done are kept on the assistant message and sent back', async (t) => {
  const ws = tempWorkspace({ 'a.txt': 'a' });
  t.after(ws.cleanup);
  const parts = [{ type: 'anthropic-thinking' as const, thinking: 'plan', signature: 'sig' }];
  const withParts: StreamEvent[] = [
    ...toolCallReply([{ id: 'c', name: 'read_file', args: { path: 'a.txt' } }]).slice(0, -1),
    { type: 'done', stopReason: 'tool_calls', reasoningParts: parts },
  ];
  const { client, agent } = session([withParts, textReply('ok')], ws.root);
  await agent.send('go');
  const assistant = client.requests[1].messages.find((m) => m.role === 'assistant');
  assert.ok(assistant?.role === 'assistant');
  assert.deepEqual(assistant.reasoningParts, parts);
});

test('a tool call cut off by the token limit (no tool-call-end) is never run', async (t) => {
  const ws = tempWorkspace();
  t.after(ws.cleanup);
  writeFileSync(join(ws.root, 'keep.txt'), 'original');
  const cutOff: StreamEvent[] = [
    { type: 'text-delta', text: 'Let me edit it.' },
    { type: 'tool-call-start', id: 'c1', name: 'create_file' },
    { type: 'tool-call-delta', id: 'c1', argumentsDelta: '{"path":"keep.txt","content":"trunc' },
    { type: 'usage', usage: usage(10, 5) },
    { type: 'done', stopReason: 'length' },
  ];
  const { client, agent } = session([cutOff], ws.root);
  const result = await agent.send('edit keep.txt');
  assert.equal(client.requests.length, 1, 'no second request: nothing was run');
  assert.equal(readFileSync(join(ws.root, 'keep.txt'), 'utf8'), 'original');
  assert.equal(result.text, 'Let me edit it.');
  assert.equal(toolMessages(agent.messages).length, 0);
});
