// Agent tools must not reach outside the workspace unless the user approves: adversarial paths
// through the FULL AgentSession (tool-call parsing, path policy, approval gate, real Node
// WorkspaceFiles) driven by a scripted fake model. Attacks: `..`, absolute paths, `..` hidden
// mid-path, a symlinked directory at the start and in the middle of a path, a symlinked file, a
// dangling symlink (writing would create its target), list_directory on `..`, run_command with an
// outside workdir. In `auto` mode with no one to ask (the CLI), with a user who rejects, and in
// `read-only` mode: every call is refused, no file outside changes or appears, no outside byte
// reaches the model. A control run where the user approves shows the gate is what stopped them.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { AgentSession } from '../../src/core/agent/agentSession';
import type { ApprovalMode, ApprovalRequest } from '../../src/core/agent/approvals';
import { createNodeWorkspaceFiles } from '../../src/node/nodeWorkspaceFiles';
import { FakeRunner, processResult, provider, RecordingApprovals, ScriptedClient, textReply, toolCallReply, type ScriptStep } from '../unit/agent/fakes';
import { tempDir, writeFiles } from './support';

interface Attack {
  name: string;
  tool: string;
  args: Record<string, unknown>;
  /** The outside path the approval request must name (absolute). */
  names?: string;
}

function setup() {
  const root = tempDir('sb-sec-escape-');
  const ws = join(root, 'ws');
  const outside = join(root, 'outside');
  const secret = `TOPSECRET-${randomBytes(8).toString('hex')}`;
  writeFiles(outside, { 'secret.txt': `${secret}\n`, 'nested/deep.txt': `${secret} deep\n` });
  writeFiles(ws, { 'src/ok.txt': 'inside\n' });
  mkdirSync(join(ws, 'a/b'), { recursive: true });
  symlinkSync(outside, join(ws, 'link')); // a symlinked directory at the start of a path
  symlinkSync(join('..', '..', '..', 'outside'), join(ws, 'a/b/escape')); // ... in the middle of one
  symlinkSync(join(outside, 'secret.txt'), join(ws, 'notes.txt')); // a symlinked file
  symlinkSync(join(outside, 'created-through-dangling.txt'), join(ws, 'dangling')); // a dangling link
  return { root, ws, outside, secret };
}

function attacks(outside: string): Attack[] {
  const abs = join(outside, 'secret.txt');
  return [
    { name: 'read ../', tool: 'read_file', args: { path: '../outside/secret.txt' }, names: abs },
    { name: 'read absolute', tool: 'read_file', args: { path: abs }, names: abs },
    { name: 'read .. hidden mid-path', tool: 'read_file', args: { path: 'src/./../../outside/secret.txt' }, names: abs },
    { name: 'read through a symlinked dir', tool: 'read_file', args: { path: 'link/secret.txt' } },
    { name: 'read through a symlinked dir in the middle', tool: 'read_file', args: { path: 'a/b/escape/nested/deep.txt' } },
    { name: 'read a symlinked file', tool: 'read_file', args: { path: 'notes.txt' } },
    { name: 'list ..', tool: 'list_directory', args: { path: '..' } },
    { name: 'list a symlinked dir', tool: 'list_directory', args: { path: 'link/nested' } },
    { name: 'edit a symlinked file', tool: 'edit_file', args: { path: 'notes.txt', old_string: 'TOPSECRET', new_string: 'PWNED' } },
    { name: 'create through a symlinked dir', tool: 'create_file', args: { path: 'link/planted.txt', content: 'x' } },
    { name: 'create deep through a mid-path symlink', tool: 'create_file', args: { path: 'a/b/escape/new/dir/planted.txt', content: 'x' } },
    { name: 'create through a dangling symlink', tool: 'create_file', args: { path: 'dangling', content: 'x' } },
    { name: 'create with ..', tool: 'create_file', args: { path: '../outside/planted2.txt', content: 'x' } },
    { name: 'run a command in an outside workdir', tool: 'run_command', args: { command: 'cat secret.txt', workdir: 'link' } },
    { name: 'run a command in ..', tool: 'run_command', args: { command: 'ls', workdir: '..' } },
  ];
}

/** Every file under `dir` with its content (symlinks not followed). */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const info = statSync(p);
      if (info.isDirectory()) walk(p);
      else out[p] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

async function runAttacks(mode: ApprovalMode, approvals: RecordingApprovals | undefined) {
  const env = setup();
  const list = attacks(env.outside);
  const steps: ScriptStep[] = list.flatMap((a, i) => [toolCallReply([{ id: `call_${i}`, name: a.tool, args: a.args }]), textReply('ok')]);
  const client = new ScriptedClient(steps);
  const runner = new FakeRunner(() => processResult({ stdout: 'ran' }));
  const session = new AgentSession({
    client,
    files: createNodeWorkspaceFiles(env.ws),
    processRunner: runner,
    provider: provider('fake'),
    model: 'm',
    approvalMode: mode,
    ...(approvals && { approvalHandler: approvals }),
  });
  const before = snapshot(env.outside);
  const results = [];
  for (const attack of list) {
    await session.send(`please ${attack.name}`);
    const toolMessage = session.messages.findLast((m) => m.role === 'tool');
    assert.ok(toolMessage && toolMessage.role === 'tool');
    results.push({ attack, content: toolMessage.content, isError: toolMessage.isError === true });
  }
  return { env, list, client, runner, before, after: snapshot(env.outside), results };
}

function assertAllRefused(run: Awaited<ReturnType<typeof runAttacks>>, pattern: RegExp) {
  for (const r of run.results) {
    assert.equal(r.isError, true, `${r.attack.name} was not refused: ${r.content}`);
    assert.match(r.content, pattern, r.attack.name);
  }
  assert.deepEqual(run.after, run.before, 'a file outside the workspace was changed or created');
  assert.deepEqual(run.runner.shellCalls, [], 'a command ran');
  const sentToModel = JSON.stringify(run.client.requests.map((r) => r.messages));
  assert.ok(!sentToModel.includes(run.env.secret), 'outside content reached the model');
}

test('auto mode, nobody to ask (CLI): every escape is refused', async () => {
  const run = await runAttacks('auto', undefined);
  assertAllRefused(run, /Refused: .*outside the workspace.*there is no one to ask/s);
});

test('auto mode, the user rejects: each escape is put to the user as an outside path, then refused', async () => {
  const approvals = new RecordingApprovals(Array.from({ length: 20 }, () => 'reject' as const));
  const run = await runAttacks('auto', approvals);
  assertAllRefused(run, /The user rejected this access/);
  assert.equal(approvals.requests.length, run.list.length);
  approvals.requests.forEach((request: ApprovalRequest, i) => {
    const attack = run.list[i];
    assert.equal(request.kind, 'path', attack.name);
    assert.match(request.reason ?? '', /outside the workspace/, attack.name);
    if (attack.names) assert.deepEqual(request.paths, [attack.names], attack.name);
  });
});

test('read-only mode: refused without asking', async () => {
  const approvals = new RecordingApprovals();
  const run = await runAttacks('read-only', approvals);
  assertAllRefused(run, /Refused|not allowed in read-only mode/);
  assert.equal(approvals.requests.length, 0);
});

test('control: when the user approves, the same calls do reach outside (the gate is what stops them)', async () => {
  const approvals = new RecordingApprovals(Array.from({ length: 20 }, () => 'approve' as const));
  const run = await runAttacks('auto', approvals);
  const sentToModel = JSON.stringify(run.client.requests.map((r) => r.messages));
  assert.ok(sentToModel.includes(run.env.secret), 'approved reads return the outside file');
  assert.notDeepEqual(run.after, run.before, 'approved writes change files outside');
  assert.ok(run.runner.shellCalls.length > 0);
});
