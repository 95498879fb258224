// `[model_providers.<id>.auth]` commands as real child processes: trimming, failures (exit code,
// empty, timeout with the whole tree killed, too much output, not found), caching with refresh,
// forceRefresh, one shared run for concurrent requests, and no secret in any error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCredentialResolver } from '../../../src/core/providers/credentialResolver';
import type { CommandAuth } from '../../../src/core/providers/providerInfo';
import { createNodeProcessRunner } from '../../../src/node/processRunner';
import { SwitchboardError } from '../../../src/shared/errors';
import { provider } from '../../helpers/providerFixture';
import { delay, grandchildScript, tempDir, writeScript } from './scriptFixtures';

const runner = createNodeProcessRunner();

function auth(script: string, overrides: Partial<CommandAuth> = {}): CommandAuth {
  return { command: process.execPath, args: [script], timeoutMs: 5000, refreshIntervalMs: 0, ...overrides };
}

/** A script that counts its runs in `<dir>/runs` and prints `tok-<n>` after `waitMs`. */
function countingScript(dir: string, waitMs = 0): { script: string; runs: () => number } {
  const counter = join(dir, 'runs');
  const script = writeScript(
    dir,
    'counting',
    `const fs=require('fs');fs.appendFileSync(${JSON.stringify(counter)},'x');
const n=fs.readFileSync(${JSON.stringify(counter)},'utf8').length;
setTimeout(()=>process.stdout.write('tok-'+n+'\\n'),${waitMs});`,
  );
  return { script, runs: () => (existsSync(counter) ? readFileSync(counter, 'utf8').length : 0) };
}

function authError(pattern: RegExp, forbidden: string[] = []) {
  return (error: unknown) => {
    assert.ok(error instanceof SwitchboardError, String(error));
    assert.equal(error.kind, 'auth');
    assert.match(error.message, pattern);
    for (const secret of forbidden) assert.ok(!error.message.includes(secret), `message leaks ${secret}: ${error.message}`);
    return true;
  };
}

test('the token is stdout with surrounding whitespace trimmed; source carries fetch times', async () => {
  const dir = tempDir();
  const script = writeScript(dir, 'print', "process.stdout.write('  \\n\\t tok-abc.def \\r\\n\\n');");
  let now = 1_000_000;
  const resolver = createCredentialResolver({ env: process.env, processRunner: runner, clock: { now: () => now } });
  const credential = await resolver.resolve(provider({ auth: auth(script, { refreshIntervalMs: 60_000 }) }));
  assert.equal(credential.token, 'tok-abc.def');
  assert.deepEqual(credential.source, { type: 'command', command: process.execPath, fetchedAt: 1_000_000, refreshesAt: 1_060_000 });
  now += 1;
  assert.deepEqual(resolver.cachedCommandSource(provider({ auth: auth(script, { refreshIntervalMs: 60_000 }) })), credential.source);
});

test('the command runs with the config file directory as cwd and the given env, without stdin', async () => {
  const dir = tempDir();
  const script = writeScript(
    dir,
    'ctx',
    "let n=0;process.stdin.on('data',d=>n+=d.length);process.stdin.on('end',()=>process.stdout.write([process.cwd(),process.env.AUDIENCE,n].join('|')));",
  );
  const resolver = createCredentialResolver({ env: { ...process.env, AUDIENCE: 'codex' }, processRunner: runner });
  const credential = await resolver.resolve(provider({ auth: auth(script, { cwd: dir }) }));
  assert.equal(credential.token, `${dir}|codex|0`);
});

test('a non-zero exit is an auth error with the exit code and redacted stderr, never stdout', async () => {
  const dir = tempDir();
  const script = writeScript(
    dir,
    'fail',
    "process.stdout.write('half-a-token-9f8e7d');process.stderr.write('login required; cached key sk-abcdefghijklmnopqrstu and env '+process.env.MY_KEY);process.exit(3);",
  );
  const resolver = createCredentialResolver({ env: { ...process.env, MY_KEY: 'user-env-secret-1' }, processRunner: runner });
  await assert.rejects(
    resolver.resolve(provider({ envKey: undefined, auth: auth(script) })),
    authError(/failed with exit code 3.*login required/, ['half-a-token-9f8e7d', 'sk-abcdefghijklmnopqrstu']),
  );
  // env_key and auth together are a config error, but a value the env key names is still redacted.
  await assert.rejects(
    resolver.resolve(provider({ envKey: 'MY_KEY', auth: auth(script) })),
    authError(/exit code 3/, ['user-env-secret-1']),
  );
});

test('empty (or whitespace-only) output is an auth error', async () => {
  const dir = tempDir();
  const script = writeScript(dir, 'blank', "process.stdout.write('  \\n ');");
  const resolver = createCredentialResolver({ env: process.env, processRunner: runner });
  await assert.rejects(resolver.resolve(provider({ auth: auth(script) })), authError(/printed no token/));
});

test('timeout_ms stops the command and its whole process tree', async () => {
  const dir = tempDir();
  const { script, started, late } = grandchildScript(dir, 900);
  const resolver = createCredentialResolver({ env: process.env, processRunner: runner });
  const begun = Date.now();
  await assert.rejects(
    resolver.resolve(provider({ auth: auth(script, { timeoutMs: 1000 }) })),
    authError(/did not finish within 1000 ms/),
  );
  assert.ok(Date.now() - begun < 5000);
  assert.ok(existsSync(started), 'grandchild had started');
  await delay(1200);
  assert.equal(existsSync(late), false, 'grandchild outlived the timeout');
});

test('stdout is bounded: a flood of output is an error, quickly, without the output in it', async () => {
  const dir = tempDir();
  const script = writeScript(dir, 'flood', "const b=Buffer.alloc(65536,'Q');for(let i=0;i<64;i++)process.stdout.write(b);");
  const resolver = createCredentialResolver({ env: process.env, processRunner: runner, maxTokenBytes: 4096 });
  await assert.rejects(resolver.resolve(provider({ auth: auth(script) })), authError(/more than 4096 bytes/, ['QQQQ']));
});

test('a program that does not exist is an auth error saying so', async () => {
  const resolver = createCredentialResolver({ env: process.env, processRunner: runner });
  const p = provider({ auth: { command: '/no/such/token-helper', args: [], timeoutMs: 1000, refreshIntervalMs: 0 } });
  await assert.rejects(resolver.resolve(p), authError(/could not be started \(command not found\)/));
});

test('the token is cached until refresh_interval_ms passes, then fetched again', async () => {
  const dir = tempDir();
  const { script, runs } = countingScript(dir);
  let now = 0;
  const resolver = createCredentialResolver({ env: process.env, processRunner: runner, clock: { now: () => now } });
  const p = provider({ auth: auth(script, { refreshIntervalMs: 1000 }) });
  assert.equal((await resolver.resolve(p)).token, 'tok-1');
  now = 999;
  assert.equal((await resolver.resolve(p)).token, 'tok-1');
  assert.equal(runs(), 1);
  now = 1000;
  const refreshed = await resolver.resolve(p);
  assert.equal(refreshed.token, 'tok-2');
  assert.deepEqual(refreshed.source, { type: 'command', command: process.execPath, fetchedAt: 1000, refreshesAt: 2000 });
});

test('refresh_interval_ms = 0 keeps the token until forceRefresh (after a 401) runs the command again', async () => {
  const dir = tempDir();
  const { script, runs } = countingScript(dir);
  let now = 0;
  const resolver = createCredentialResolver({ env: process.env, processRunner: runner, clock: { now: () => now } });
  const p = provider({ auth: auth(script, { refreshIntervalMs: 0 }) });
  assert.equal((await resolver.resolve(p)).token, 'tok-1');
  now = 10 ** 9;
  const cached = await resolver.resolve(p);
  assert.equal(cached.token, 'tok-1');
  assert.equal(cached.source.type === 'command' && cached.source.refreshesAt, undefined);
  assert.equal((await resolver.resolve(p, { forceRefresh: true })).token, 'tok-2');
  assert.equal(runs(), 2);
});

test('concurrent requests share one command run', async () => {
  const dir = tempDir();
  const { script, runs } = countingScript(dir, 200);
  const resolver = createCredentialResolver({ env: process.env, processRunner: runner });
  const p = provider({ auth: auth(script) });
  const tokens = await Promise.all([
    resolver.resolve(p),
    resolver.resolve(p),
    resolver.resolve(p, { forceRefresh: true }),
    resolver.resolve(p),
  ]);
  assert.deepEqual(tokens.map((c) => c.token), ['tok-1', 'tok-1', 'tok-1', 'tok-1']);
  assert.equal(runs(), 1);
});

test('a failed run is not cached: the next request runs the command again', async () => {
  const dir = tempDir();
  const flag = join(dir, 'ok');
  const script = writeScript(
    dir,
    'flaky',
    `const fs=require('fs');if(!fs.existsSync(${JSON.stringify(flag)})){fs.writeFileSync(${JSON.stringify(flag)},'');process.exit(1);}process.stdout.write('tok-good');`,
  );
  const resolver = createCredentialResolver({ env: process.env, processRunner: runner });
  const p = provider({ auth: auth(script) });
  await assert.rejects(resolver.resolve(p), authError(/exit code 1/));
  assert.equal((await resolver.resolve(p)).token, 'tok-good');
});

test('a cancelled request stops waiting; the shared run still serves the others', async () => {
  const dir = tempDir();
  const { script, runs } = countingScript(dir, 300);
  const resolver = createCredentialResolver({ env: process.env, processRunner: runner });
  const p = provider({ auth: auth(script) });
  const controller = new AbortController();
  const cancelled = resolver.resolve(p, { signal: controller.signal });
  const other = resolver.resolve(p);
  controller.abort();
  await assert.rejects(cancelled, { name: 'AbortError' });
  assert.equal((await other).token, 'tok-1');
  assert.equal(runs(), 1);
});

test('workspace auth commands run when allowed, and the trust hook sees the command source', async () => {
  const dir = tempDir();
  const { script } = countingScript(dir);
  const kinds: string[] = [];
  const resolver = createCredentialResolver({
    env: process.env,
    processRunner: runner,
    allowWorkspaceCommands: true,
    mayUseCredential: (_p, source) => (kinds.push(source.type), true),
  });
  assert.equal((await resolver.resolve(provider({ auth: auth(script), fromWorkspace: true }))).token, 'tok-1');
  assert.deepEqual(kinds, ['command']);
});
