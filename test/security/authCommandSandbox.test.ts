// `[model_providers.<id>.auth]` commands are programs the config names; these tests hold the line
// on how they run, through the real path (config file -> loadConfig -> credential resolver -> Node
// process runner): no shell (shell syntax in args or in `command` is inert), no stdin (a command
// reading stdin gets EOF at once), `timeout_ms` kills the whole tree (a grandchild that outlives
// its parent, even one ignoring SIGTERM, never writes its marker), and bounded stdout (50 MB of
// output is an error within bounded time and memory, without the output in the message).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Credential } from '../../src/core/providers/credential';
import { createCredentialResolver } from '../../src/core/providers/credentialResolver';
import type { ProviderInfo } from '../../src/core/providers/providerInfo';
import type { ProcessRunner } from '../../src/core/ports';
import { createNodeProcessRunner } from '../../src/node/processRunner';
import { SwitchboardError } from '../../src/shared/errors';
import { loadSandbox, providerOf, q, sandbox, tempDir, withinBudget, writeFiles } from './support';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A provider `p` whose auth table is `authToml`, loaded from a real user config file. */
async function providerWithAuth(authToml: string): Promise<ProviderInfo> {
  const box = sandbox(`[model_providers.p]\nname = "P"\nbase_url = "http://127.0.0.1:9/v1"\n[model_providers.p.auth]\n${authToml}\n`);
  const config = await loadSandbox(box, { PATH: process.env.PATH });
  assert.deepEqual(config.diagnostics.filter((d) => d.severity === 'error'), []);
  const provider = providerOf(config, 'p');
  assert.ok(provider.auth, 'the auth table was read');
  return provider;
}

/** The real Node runner, recording how much output each run captured. */
function recordingRunner(): ProcessRunner & { captured: { stdoutBytes: number; maxOutputBytes: number }[] } {
  const real = createNodeProcessRunner();
  const captured: { stdoutBytes: number; maxOutputBytes: number }[] = [];
  return {
    captured,
    runShell: (line, options) => real.runShell(line, options),
    async runCommand(command, args, options) {
      const result = await real.runCommand(command, args, options);
      captured.push({ stdoutBytes: Buffer.byteLength(result.stdout), maxOutputBytes: options.maxOutputBytes });
      return result;
    },
  };
}

async function resolveOrError(provider: ProviderInfo, runner: ProcessRunner = createNodeProcessRunner()): Promise<Credential | SwitchboardError> {
  try {
    return await createCredentialResolver({ env: { PATH: process.env.PATH }, processRunner: runner }).resolve(provider);
  } catch (error) {
    assert.ok(error instanceof SwitchboardError, String(error));
    assert.equal(error.kind, 'auth');
    return error;
  }
}

test('no shell: $(...), backticks, ;, |, && and > in args reach the program verbatim; nothing they name runs', async () => {
  const dir = tempDir();
  const marker = join(dir, 'marker');
  writeFiles(dir, { 'argv.cjs': 'process.stdout.write(JSON.stringify(process.argv.slice(2)))' });
  const hostile = [`$(touch ${marker})`, `\`touch ${marker}\``, `; touch ${marker}`, `| touch ${marker}`, `&& touch ${marker}`, `> ${marker}`, '$HOME', '*'];
  const provider = await providerWithAuth(`command = ${q(process.execPath)}\nargs = [${[join(dir, 'argv.cjs'), ...hostile].map(q).join(', ')}]`);
  const credential = await resolveOrError(provider);
  assert.ok(!(credential instanceof SwitchboardError), String(credential));
  assert.deepEqual(JSON.parse(credential.token ?? ''), hostile, 'each argument arrives as written');
  await sleep(100);
  assert.equal(existsSync(marker), false, 'a shell ran part of the arguments');
});

test('no shell: a command line with shell syntax in `command` is not split or interpreted', async () => {
  const dir = tempDir();
  const marker = join(dir, 'marker');
  for (const command of [`touch ${marker}; echo token`, `echo token && touch ${marker}`, `$(touch ${marker})`, `sh -c "touch ${marker}"`]) {
    const provider = await providerWithAuth(`command = ${q(command)}`);
    const result = await resolveOrError(provider);
    assert.ok(result instanceof SwitchboardError, `${command} produced a token`);
    assert.match(result.message, /could not be started \(command not found\)/);
  }
  await sleep(100);
  assert.equal(existsSync(marker), false);
});

test('no stdin: a command that reads stdin sees end-of-file at once instead of hanging', async () => {
  const dir = tempDir();
  writeFiles(dir, {
    'reads-stdin.cjs': `let n = 0; process.stdin.on('data', (c) => (n += c.length)); process.stdin.on('end', () => process.stdout.write('eof-after-' + n)); process.stdin.resume();`,
  });
  const provider = await providerWithAuth(`command = ${q(process.execPath)}\nargs = [${q(join(dir, 'reads-stdin.cjs'))}]\ntimeout_ms = 20000`);
  const { value, ms } = await withinBudget('auth command reading stdin', 5000, () => resolveOrError(provider));
  assert.ok(!(value instanceof SwitchboardError), String(value));
  assert.equal(value.token, 'eof-after-0');
  console.log(`auth command reading stdin got EOF and finished in ${ms.toFixed(0)} ms (timeout_ms was 20000)`);
});

test('timeout_ms kills the whole process tree: grandchildren never write their late markers', async () => {
  const dir = tempDir();
  const started = join(dir, 'started');
  const late = join(dir, 'late');
  const stubborn = join(dir, 'stubborn-late');
  // Two grandchildren in the command's process group: a plain one, and one that ignores SIGTERM.
  const grandchild = (marker: string, ignoreTerm: boolean) =>
    `${ignoreTerm ? "process.on('SIGTERM', () => {});" : ''}require('fs').appendFileSync(${q(started)}, 'x'); setTimeout(() => require('fs').writeFileSync(${q(marker)}, '1'), 3000); setInterval(() => {}, 1000);`;
  writeFiles(dir, {
    'parent.cjs': `const { spawn } = require('child_process');
spawn(process.execPath, ['-e', ${q(grandchild(late, false))}], { stdio: 'ignore' });
spawn(process.execPath, ['-e', ${q(grandchild(stubborn, true))}], { stdio: 'ignore' });
setInterval(() => {}, 1000);`,
  });
  const provider = await providerWithAuth(`command = ${q(process.execPath)}\nargs = [${q(join(dir, 'parent.cjs'))}]\ntimeout_ms = 1500`);
  const { value, ms } = await withinBudget('timed-out auth command', 8000, () => resolveOrError(provider));
  assert.ok(value instanceof SwitchboardError);
  assert.match(value.message, /did not finish within 1500 ms \(timeout_ms\) and was stopped/);
  assert.equal(readFileSync(started, 'utf8'), 'xx', 'both grandchildren had started, so the test is meaningful');
  await sleep(3500); // past the grandchildren's 3 s and the runner's 1 s SIGTERM->SIGKILL grace
  assert.equal(existsSync(late), false, 'a grandchild survived the timeout');
  assert.equal(existsSync(stubborn), false, 'a grandchild ignoring SIGTERM survived the timeout');
  console.log(`auth command timeout: error after ${ms.toFixed(0)} ms (timeout_ms 1500); no grandchild marker 3.5 s later`);
});

test('bounded stdout: a command printing 50 MB is an auth error within bounded time and memory', async () => {
  const dir = tempDir();
  writeFiles(dir, {
    'flood.cjs': `const chunk = Buffer.alloc(1024 * 1024, 'A'); let left = 50; const write = () => { while (left > 0) { left--; if (!process.stdout.write(chunk)) return process.stdout.once('drain', write); } }; write();`,
  });
  const provider = await providerWithAuth(`command = ${q(process.execPath)}\nargs = [${q(join(dir, 'flood.cjs'))}]\ntimeout_ms = 30000`);
  globalThis.gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const runner = recordingRunner();
  const { value, ms } = await withinBudget('50 MB auth command', 20_000, () => resolveOrError(provider, runner)).finally(() => clearInterval(sampler));
  const after = process.memoryUsage();
  assert.ok(value instanceof SwitchboardError, 'a 50 MB answer is not a token');
  assert.match(value.message, /printed more than 65536 bytes on stdout, which is not a token/);
  assert.ok(!value.message.includes('AAAAAAAA'), 'the output is not quoted');
  // What was kept is capped at the token limit (+1 byte to see it was exceeded); the rest of the
  // 50 MB flowed through and was dropped (peak RSS shows transient pipe buffers only).
  assert.deepEqual(runner.captured, [{ stdoutBytes: 65537, maxOutputBytes: 65537 }]);
  const heapGrowthMb = (after.heapUsed - before.heapUsed) / 2 ** 20;
  const rssGrowthMb = (peakRss - before.rss) / 2 ** 20;
  console.log(`50 MB auth command: error after ${ms.toFixed(0)} ms; kept ${runner.captured[0].stdoutBytes} bytes; heap ${heapGrowthMb >= 0 ? '+' : ''}${heapGrowthMb.toFixed(1)} MB after, peak RSS +${rssGrowthMb.toFixed(1)} MB`);
  assert.ok(rssGrowthMb < 150, `RSS grew by ${rssGrowthMb.toFixed(1)} MB reading a capped token`);
});
