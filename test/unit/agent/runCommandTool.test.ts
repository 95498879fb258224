// run_command with a fake ProcessRunner: where and how long it runs, what the model is shown
// (status line, capped output), and that output is streamed to the UI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { RUN_COMMAND_MODEL_OUTPUT_CHARS } from '../../../src/core/agent/tools/implementations/runCommand';
import { FakeRunner, processResult, tempWorkspace } from './fakes';
import { runTool } from './toolHarness';

function ws(t: { after: (fn: () => void) => void }) {
  const w = tempWorkspace();
  t.after(w.cleanup);
  return w.root;
}

test('runs in the workspace root with the default 120 s timeout and reports exit code and output', async (t) => {
  const root = ws(t);
  const runner = new FakeRunner(() => processResult({ exitCode: 2, stdout: 'out\n', stderr: 'warn\n' }));
  const { result } = await runTool(root, 'run_command', { command: 'make test' }, { runner });
  assert.equal(runner.shellCalls[0].commandLine, 'make test');
  assert.equal(runner.shellCalls[0].options.cwd, root);
  assert.equal(runner.shellCalls[0].options.timeoutMs, 120_000);
  assert.equal(result.content, 'Exit code: 2\nstdout:\nout\n\nstderr:\nwarn\n');
  assert.equal(result.isError, false);
  assert.equal(result.meta?.exitCode, 2);
});

test('workdir and timeout_seconds are honoured; timeouts above 600 s are rejected', async (t) => {
  const root = ws(t);
  mkdirSync(join(root, 'pkg'));
  const runner = new FakeRunner(() => processResult());
  const { result } = await runTool(root, 'run_command', { command: 'ls', workdir: 'pkg', timeout_seconds: 5 }, { runner });
  assert.equal(runner.shellCalls[0].options.cwd, join(root, 'pkg'));
  assert.equal(runner.shellCalls[0].options.timeoutMs, 5000);
  assert.equal(result.content, 'Exit code: 0\n(no output)');
  const tooLong = await runTool(root, 'run_command', { command: 'ls', timeout_seconds: 601 }, { runner });
  assert.equal(tooLong.result.isError, true);
  assert.match(tooLong.result.content, /timeout_seconds/);
  assert.equal(runner.shellCalls.length, 1);
});

test('a timed-out or killed command is an error result that says so', async (t) => {
  const root = ws(t);
  const timedOut = new FakeRunner(() => processResult({ exitCode: null, signal: 'SIGTERM', timedOut: true, stdout: 'partial' }));
  const a = (await runTool(root, 'run_command', { command: 'sleep 999', timeout_seconds: 3 }, { runner: timedOut })).result;
  assert.equal(a.isError, true);
  assert.match(a.content, /^Timed out after 3 s; the command was killed\.\nstdout:\npartial/);
  const killed = new FakeRunner(() => processResult({ exitCode: null, signal: 'SIGKILL' }));
  assert.match((await runTool(root, 'run_command', { command: 'x' }, { runner: killed })).result.content, /^Killed by signal SIGKILL\./);
});

test('long output is cut to its beginning and end for the model, with a note', async (t) => {
  const root = ws(t);
  const stdout = 'HEAD' + 'x'.repeat(200_000) + 'TAIL';
  const runner = new FakeRunner(() => processResult({ stdout, truncated: true }));
  const { result } = await runTool(root, 'run_command', { command: 'cat big' }, { runner });
  assert.ok(result.content.length < RUN_COMMAND_MODEL_OUTPUT_CHARS + 300, `${result.content.length}`);
  assert.match(result.content, /^Exit code: 0\nstdout:\nHEAD/);
  assert.match(result.content, /\[… 170,008 characters omitted …\]/);
  assert.match(result.content, /TAIL\n\[Output beyond 1 MB per stream was not captured\.\]$/);
  assert.equal(result.meta?.truncated, true);
});

test('output is streamed to the UI as tool-output events while the command runs', async (t) => {
  const root = ws(t);
  const runner = new FakeRunner((_cmd, options) => {
    options.onOutput?.('line 1\n', 'stdout');
    options.onOutput?.('oops\n', 'stderr');
    return processResult({ stdout: 'line 1\n', stderr: 'oops\n' });
  });
  const { events } = await runTool(root, 'run_command', { command: 'x' }, { runner });
  const chunks = events.flatMap((e) => (e.type === 'tool-output' ? [[e.stream, e.chunk]] : []));
  assert.deepEqual(chunks, [
    ['stdout', 'line 1\n'],
    ['stderr', 'oops\n'],
  ]);
});

test('without a ProcessRunner the tool says commands are unavailable', async (t) => {
  const root = ws(t);
  const { result } = await runTool(root, 'run_command', { command: 'ls' });
  assert.equal(result.isError, true);
  assert.match(result.content, /Running commands is not available/);
});
