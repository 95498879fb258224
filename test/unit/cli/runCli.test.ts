// runCli in-process with a ResolvedConfig literal: output shapes, exit codes, help and usage
// errors, and what reaches loadConfig. The subprocess tests in cliProcess.test.ts run the real
// config engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runCli, type CliDependencies } from '../../../src/cli/runCli';
import { CLI_VERSION } from '../../../src/cli/version';
import { VERBS } from '../../../src/cli/verbs';
import type { LoadConfigOptions, ResolvedConfig } from '../../../src/core/config/resolvedConfig';
import { createNodeProcessRunner } from '../../../src/node/processRunner';
import { provider } from '../../helpers/providerFixture';

function config(overrides: Partial<ResolvedConfig> = {}): ResolvedConfig {
  return {
    providers: [
      provider({ id: 'ollama', name: 'Ollama', baseUrl: 'http://localhost:11434/v1', wireApi: 'chat', source: 'builtin', file: undefined, line: undefined }),
      provider({ id: 'corp', name: 'Corp', envKey: 'CORP_KEY', defaultModel: 'corp-1' }),
    ],
    provider: { value: 'corp', source: 'user', file: '/home/u/.codex/config.toml', line: 1 },
    model: { value: 'corp-1', source: 'builtin' },
    profile: { value: undefined, source: 'builtin' },
    profiles: [],
    fieldSources: {},
    settings: {},
    trustedProjects: [],
    files: [{ role: 'user', path: '/home/u/.codex/config.toml', exists: true, applied: true }],
    diagnostics: [],
    ...overrides,
  };
}

async function cli(argv: string[], resolved: ResolvedConfig = config(), env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const seen: LoadConfigOptions[] = [];
  const deps: CliDependencies = {
    env,
    homeDir: '/home/u',
    processCwd: process.cwd(),
    io: { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) },
    processRunner: createNodeProcessRunner(),
    configFs: { readText: async () => undefined },
    loadConfig: async (options) => (seen.push(options), resolved),
    verbs: VERBS,
  };
  const code = await runCli(argv, deps);
  return { code, stdout, stderr, seen };
}

test('providers list --json prints the documented shape and never the key', async () => {
  const { code, stdout, stderr } = await cli(['providers', 'list', '--json'], config(), { CORP_KEY: 'sk-corp-secret-1' });
  assert.equal(code, 0);
  assert.equal(stderr, '');
  assert.deepEqual(JSON.parse(stdout), [
    {
      id: 'ollama',
      name: 'Ollama',
      source: 'builtin',
      file: null,
      baseUrl: 'http://localhost:11434/v1',
      wireApi: 'chat',
      defaultModel: null,
      auth: { kind: 'none', available: true, source: null },
    },
    {
      id: 'corp',
      name: 'Corp',
      source: 'user',
      file: '/home/u/.codex/config.toml',
      baseUrl: 'http://127.0.0.1:1/v1',
      wireApi: 'responses',
      defaultModel: 'corp-1',
      auth: { kind: 'env', available: true, source: 'env CORP_KEY' },
    },
  ]);
  assert.ok(!stdout.includes('sk-corp-secret-1'));
});

test('providers list text marks the active provider and a missing key', async () => {
  const { code, stdout } = await cli(['providers', 'list']);
  assert.equal(code, 0);
  assert.match(stdout, /^\* corp\s+Corp\s+responses\s+http:\/\/127\.0\.0\.1:1\/v1\s+env CORP_KEY \(missing\)\s+user ~\/\.codex\/config\.toml$/m);
  assert.match(stdout, /^ {2}ollama\s+Ollama\s+chat\s+http:\/\/localhost:11434\/v1\s+none needed\s+builtin$/m);
});

test('config errors: output still printed, errors on stderr as file:line:column, exit 2', async () => {
  const broken = config({
    diagnostics: [
      { severity: 'error', code: 'toml-syntax', message: 'Expected a value.', fix: 'Quote the string.', file: '/w/codex.toml', line: 3, column: 9 },
      { severity: 'warning', code: 'unknown-key', message: 'Unknown key `foo`.', file: '/w/codex.toml', line: 5, column: 1 },
    ],
  });
  const list = await cli(['providers', 'list', '--json'], broken);
  assert.equal(list.code, 2);
  assert.equal(JSON.parse(list.stdout).length, 2);
  assert.equal(list.stderr, '/w/codex.toml:3:9: error: Expected a value. (Quote the string.)\n');

  const explain = await cli(['config', 'explain', '--json'], broken);
  assert.equal(explain.code, 2);
  assert.deepEqual(JSON.parse(explain.stdout), {
    provider: { value: 'corp', source: 'user' },
    model: { value: 'corp-1', source: 'builtin' },
    profile: { value: null, source: 'builtin' },
    diagnostics: [
      { severity: 'error', message: 'Expected a value.', file: '/w/codex.toml', line: 3, column: 9 },
      { severity: 'warning', message: 'Unknown key `foo`.', file: '/w/codex.toml', line: 5, column: 1 },
    ],
  });
  assert.match(explain.stderr, /^\/w\/codex\.toml:3:9: error: Expected a value\./);
});

test('config explain text names who set each value and lists diagnostics', async () => {
  const { code, stdout } = await cli(['config', 'explain']);
  assert.equal(code, 0);
  assert.match(stdout, /^Provider\s+corp\s+user config \/home\/u\/\.codex\/config\.toml:1$/m);
  assert.match(stdout, /^Model\s+corp-1\s+built-in default$/m);
  assert.match(stdout, /^Profile\s+\(none\)$/m);
  assert.match(stdout, /Diagnostics:\n {2}none\n/);
});

test('flags reach loadConfig: explicit choice, overrides, cwd, and workspace trust', async () => {
  const plain = await cli(['config', 'explain', '--provider', 'corp', '-m', 'm2', '--profile', 'work', '-c', 'a=1', '-c', 'b=2']);
  assert.deepEqual(plain.seen[0].explicit, { provider: 'corp', model: 'm2', profile: 'work', overrides: ['a=1', 'b=2'] });
  assert.equal(plain.seen[0].trustWorkspace, 'user-file');
  assert.equal(plain.seen[0].cwd, process.cwd());
  assert.equal(plain.seen[0].homeDir, '/home/u');
  const trusted = await cli(['--trust-workspace', '--cwd', 'test', 'config', 'explain']);
  assert.equal(trusted.seen[0].trustWorkspace, true);
  assert.equal(trusted.seen[0].cwd, resolve(process.cwd(), 'test'));
});

test('usage errors exit 2 with usage on stderr; help and version exit 0', async () => {
  for (const argv of [[], ['providers'], ['frobnicate'], ['providers', 'list', '--nope'], ['providers', 'list', 'extra'], ['--cwd', '/no/such/dir', 'providers', 'list']]) {
    const { code, stdout, stderr } = await cli(argv);
    assert.equal(code, 2, argv.join(' '));
    assert.equal(stdout, '');
    assert.match(stderr, /^switchboard: .*\nusage: switchboard <command>/s);
  }
  assert.match((await cli(['providers'])).stderr, /Did you mean: providers list, providers test\?/);
  const help = await cli(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /providers list \[--json\]/);
  assert.match(help.stdout, /Exit codes: 0 success, 1 failure, 2 configuration error or bad command line/);
  assert.match((await cli(['providers', 'list', '--help'])).stdout, /^usage: switchboard providers list/);
  const version = await cli(['--version']);
  assert.deepEqual([version.code, version.stdout], [0, `switchboard ${CLI_VERSION}\n`]);
});

test('the CLI version matches package.json', () => {
  const pkg = JSON.parse(readFileSync(resolve(__dirname, '../../../package.json'), 'utf8')) as { version: string };
  assert.equal(CLI_VERSION, pkg.version);
});
