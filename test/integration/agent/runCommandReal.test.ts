// run_command with the real Node ProcessRunner: exit codes, stderr, workdir, streamed output,
// and stopping a running command from the agent loop.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AgentSession } from '../../../src/core/agent/agentSession';
import { createNodeProcessRunner } from '../../../src/node/processRunner';
import { createNodeWorkspaceFiles } from '../../../src/node/nodeWorkspaceFiles';
import { ScriptedClient, provider, tempWorkspace, textReply, toolCallReply } from '../../unit/agent/fakes';
import { runTool } from '../../unit/agent/toolHarness';

const node = `"${process.execPath}"`;

test('a failing command reports its exit code, stdout and stderr, run in workdir', async (t) => {
  const ws = tempWorkspace();
  t.after(ws.cleanup);
  mkdirSync(join(ws.root, 'pkg'));
  const command = `${node} -e "console.log(process.cwd()); console.error('bad thing'); process.exit(3)"`;
  const { result, events } = await runTool(ws.root, 'run_command', { command, workdir: 'pkg' }, { runner: createNodeProcessRunner() });
  assert.equal(result.meta?.exitCode, 3);
  assert.match(result.content, /^Exit code: 3\nstdout:\n.*pkg\n\nstderr:\nbad thing\n$/);
  const streamed = events.flatMap((e) => (e.type === 'tool-output' ? [`${e.stream}:${e.chunk}`] : [])).join('');
  assert.match(streamed, /stderr:bad thing/);
});

test('stopping the turn kills a running command and the model is told', async (t) => {
  const ws = tempWorkspace();
  t.after(ws.cleanup);
  const client = new ScriptedClient([
    toolCallReply([{ id: 'c', name: 'run_command', args: { command: `${node} -e "console.log('started'); setTimeout(() => {}, 30000)"` } }]),
    textReply('ok'),
  ]);
  const agent = new AgentSession({
    client,
    files: createNodeWorkspaceFiles(ws.root),
    processRunner: createNodeProcessRunner(),
    provider: provider('openai'),
    model: 'm',
    approvalMode: 'auto',
  });
  agent.onEvent((e) => {
    if (e.type === 'tool-output' && e.chunk.includes('started')) agent.stop();
  });
  const began = Date.now();
  const result = await agent.send('run it');
  assert.equal(result.reason, 'stopped');
  assert.ok(Date.now() - began < 10_000, 'the command was killed, not waited for');
  const tool = agent.messages.find((m) => m.role === 'tool');
  assert.ok(tool?.role === 'tool');
  assert.match(tool.content, /^Stopped by the user; the command was killed.\nOutput before it was stopped:\nstarted\n$/);
});
