// The Node ProcessRunner against real child processes: no shell, closed stdin, explicit env,
// whole-tree kill on timeout and abort, capped output that never blocks the child.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createNodeProcessRunner } from '../../../src/node/processRunner';
import { delay, grandchildScript, tempDir, waitForFile, writeScript } from './scriptFixtures';

const runner = createNodeProcessRunner();
const node = process.execPath;
const base = { timeoutMs: 10_000, maxOutputBytes: 1024 * 1024 };

test('runCommand passes arguments verbatim: no shell expansion of $(), ;, *, quotes', async () => {
  const dir = tempDir();
  const script = writeScript(dir, 'argv', 'process.stdout.write(JSON.stringify(process.argv.slice(2)));');
  const args = ['$(echo pwned)', 'a; touch x', '*', '"quoted"', "it's", '`id`', '$HOME'];
  const result = await runner.runCommand(node, [script, ...args], { ...base, cwd: dir });
  assert.equal(result.exitCode, 0);
  assert.deepEqual(JSON.parse(result.stdout), args);
  assert.equal(existsSync(`${dir}/x`), false);
});

test('runCommand closes stdin: a script reading stdin sees end-of-file at once', async () => {
  const dir = tempDir();
  const script = writeScript(
    dir,
    'stdin',
    "let n=0;process.stdin.on('data',d=>n+=d.length);process.stdin.on('end',()=>process.stdout.write('eof '+n));",
  );
  const result = await runner.runCommand(node, [script], { ...base, timeoutMs: 3000 });
  assert.equal(result.timedOut, false);
  assert.equal(result.stdout, 'eof 0');
});

test('runCommand uses exactly the env it is given', async () => {
  const dir = tempDir();
  const script = writeScript(dir, 'env', 'process.stdout.write(JSON.stringify({foo: process.env.SB_FOO, home: process.env.SB_NOT_PASSED ?? null}));');
  process.env.SB_NOT_PASSED = 'parent-only';
  try {
    const result = await runner.runCommand(node, [script], { ...base, env: { SB_FOO: 'bar', PATH: process.env.PATH } });
    assert.deepEqual(JSON.parse(result.stdout), { foo: 'bar', home: null });
  } finally {
    delete process.env.SB_NOT_PASSED;
  }
});

test('runCommand reports exit code, stderr and cwd', async () => {
  const dir = tempDir();
  const script = writeScript(dir, 'fail', "process.stderr.write('bad '+process.cwd()); process.exit(7);");
  const result = await runner.runCommand(node, [script], { ...base, cwd: dir });
  assert.equal(result.exitCode, 7);
  assert.match(result.stderr, /^bad /);
  assert.ok(result.stderr.endsWith(dir.split('/').pop() ?? ''));
  assert.equal(result.timedOut, false);
});

test('timeout kills the whole process tree: the grandchild never writes its late marker', async () => {
  const dir = tempDir();
  const { script, started, late } = grandchildScript(dir, 900);
  const begun = Date.now();
  const result = await runner.runCommand(node, [script], { ...base, timeoutMs: 1000 });
  assert.equal(result.timedOut, true);
  assert.ok(Date.now() - begun < 5000, 'returns soon after the timeout');
  assert.ok(existsSync(started), 'the grandchild had started before the timeout');
  await delay(1200);
  assert.equal(existsSync(late), false, 'grandchild survived the timeout');
});

test('abort kills the tree and rejects with an AbortError', async () => {
  const dir = tempDir();
  const { script, started, late } = grandchildScript(dir, 900);
  const controller = new AbortController();
  const pending = runner.runCommand(node, [script], { ...base, signal: controller.signal });
  await waitForFile(started);
  controller.abort();
  await assert.rejects(pending, (e: Error) => e.name === 'AbortError');
  await delay(1200);
  assert.equal(existsSync(late), false);
});

test('output past maxOutputBytes is cut, flagged, and the child still runs to completion', async () => {
  const dir = tempDir();
  // 4 MiB is far more than a pipe buffer: a runner that stopped reading would block the child.
  const script = writeScript(
    dir,
    'flood',
    "const b=Buffer.alloc(64*1024,'x');for(let i=0;i<64;i++)process.stdout.write(b);process.stderr.write('done');",
  );
  const result = await runner.runCommand(node, [script], { ...base, maxOutputBytes: 1000, timeoutMs: 10_000 });
  assert.equal(result.timedOut, false);
  assert.equal(result.exitCode, 0);
  assert.equal(result.truncated, true);
  assert.equal(result.stdout.length, 1000);
  assert.equal(result.stderr, 'done');
});

test('onOutput streams chunks as they arrive', async () => {
  const dir = tempDir();
  const script = writeScript(dir, 'two', "process.stdout.write('a');setTimeout(()=>process.stderr.write('b'),50);");
  const seen: string[] = [];
  await runner.runCommand(node, [script], { ...base, onOutput: (chunk, stream) => seen.push(`${stream}:${chunk}`) });
  assert.deepEqual(seen, ['stdout:a', 'stderr:b']);
});

test('a missing program rejects with ENOENT instead of hanging', async () => {
  await assert.rejects(
    runner.runCommand('/nonexistent/definitely-not-here', [], base),
    (e: NodeJS.ErrnoException) => e.code === 'ENOENT',
  );
});

test('runShell runs a command line through /bin/sh with pipes and exit codes', async (t) => {
  if (process.platform === 'win32') return t.diagnostic('POSIX shell test');
  const ok = await runner.runShell("printf 'a\\n' && echo b | tr b c", base);
  assert.equal(ok.stdout, 'a\nc\n');
  const fail = await runner.runShell('echo oops >&2; exit 4', base);
  assert.equal(fail.exitCode, 4);
  assert.equal(fail.stderr, 'oops\n');
});

test('runShell timeout kills processes the shell started', async (t) => {
  if (process.platform === 'win32') return t.diagnostic('POSIX shell test');
  const dir = tempDir();
  const late = `${dir}/late`;
  // The ( ) subshell is a separate process: killing only the outer shell would let it finish.
  const result = await runner.runShell(`(sleep 1; touch '${late}'); true`, { ...base, timeoutMs: 300 });
  assert.equal(result.timedOut, true);
  await delay(1200);
  assert.equal(existsSync(late), false);
});

test('a background process holding the output pipe does not keep the run waiting', async (t) => {
  if (process.platform === 'win32') return t.diagnostic('POSIX shell test');
  const begun = Date.now();
  const result = await runner.runShell('sleep 2 & echo started', { ...base, timeoutMs: 10_000 });
  assert.equal(result.stdout, 'started\n');
  assert.equal(result.exitCode, 0);
  assert.ok(Date.now() - begun < 1500, `took ${Date.now() - begun} ms`);
});
