// Differential test against the real Codex CLI (@openai/codex 0.169.0): for each provider config,
// Codex and Switchboard (loadConfig -> credential resolver -> request builder) send a request to
// the same capture server, and the two requests must agree on method, path, query, the
// credential header and the headers the config defines. Documented divergences are asserted as
// divergences, so a change on either side shows up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../../src/core/config/loadConfig';
import type { ResolvedConfig } from '../../../src/core/config/resolvedConfig';
import { createCredentialResolver } from '../../../src/core/providers/credentialResolver';
import type { ProviderInfo } from '../../../src/core/providers/providerInfo';
import { buildProviderRequest } from '../../../src/core/providers/requestBuilder';
import { createNodeConfigFs } from '../../../src/node/nodeConfigFs';
import { createNodeProcessRunner } from '../../../src/node/processRunner';
import { SwitchboardError } from '../../../src/shared/errors';
import { startCaptureServer, type CaptureServer, type CapturedRequest } from '../../helpers/captureServer';
import { CODEX_VERSION, codexEnv, createCodexSandbox, describeRun, runCodexExec, type CodexSandbox } from './codexCli';

const TIMEOUT = { timeout: 120_000 };

/** One config to run through both programs. */
interface OracleCase {
  /** config.toml; `ORIGIN` is replaced by the capture server's origin. */
  config: string;
  /** `<home>/work.config.toml`, selected with `--profile work` on both sides. */
  profile?: string;
  env?: Record<string, string>;
  /** Extra setup in the sandbox (e.g. writing a token script); returns values for the config. */
  setup?: (sandbox: CodexSandbox) => Record<string, string>;
}

interface CaseRun {
  codex: CapturedRequest;
  ours: CapturedRequest;
  provider: ProviderInfo;
  config: ResolvedConfig;
}

function fill(template: string, values: Record<string, string>): string {
  return Object.entries(values).reduce((text, [key, value]) => text.split(key).join(value), template);
}

function lastRequest(server: CaptureServer, method: string, suffix: string, who: string): CapturedRequest {
  const found = server.find(method, suffix);
  assert.ok(found.length > 0, `${who} sent no ${method} ...${suffix}; got ${server.requests.map((r) => `${r.method} ${r.path}`).join(', ')}`);
  return found[found.length - 1];
}

/** Loads the config as Switchboard does, for the same CODEX_HOME and env as the Codex run. */
async function loadOurs(sandbox: CodexSandbox, env: Record<string, string>, profile?: string): Promise<{ config: ResolvedConfig; provider: ProviderInfo }> {
  const config = await loadConfig({
    cwd: sandbox.work,
    env,
    fs: createNodeConfigFs(),
    homeDir: sandbox.home,
    explicit: profile ? { profile } : {},
    trustWorkspace: 'user-file',
  });
  const errors = config.diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(errors, [], 'our config engine reports no errors for a config Codex accepts');
  const provider = config.providers.find((p) => p.id === config.provider.value);
  assert.ok(provider, `active provider ${config.provider.value} exists`);
  return { config, provider };
}

/** Runs one case through Codex and through Switchboard against one capture server. */
async function runCase(oracleCase: OracleCase): Promise<CaseRun> {
  const sandbox = createCodexSandbox();
  const server = await startCaptureServer();
  try {
    const values = { ORIGIN: server.origin, ...(oracleCase.setup?.(sandbox) ?? {}) };
    sandbox.writeConfig(fill(oracleCase.config, values));
    if (oracleCase.profile) sandbox.writeProfile('work', fill(oracleCase.profile, values));
    const env = codexEnv(sandbox, oracleCase.env ?? {});

    const result = await runCodexExec(sandbox, env, oracleCase.profile ? ['--profile', 'work'] : []);
    assert.equal(result.exitCode, 0, `codex exec failed: ${describeRun(result)}`);
    const codex = lastRequest(server, 'POST', '/responses', 'Codex');

    const { config, provider } = await loadOurs(sandbox, env, oracleCase.profile ? 'work' : undefined);
    const credential = await createCredentialResolver({ env, processRunner: createNodeProcessRunner(), allowWorkspaceCommands: true }).resolve(provider);
    const built = buildProviderRequest({ provider, path: '/responses', credential, env });
    const before = server.requests.length;
    const response = await fetch(built.url, {
      method: 'POST',
      headers: { ...built.headers, 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ model: config.model.value, input: 'hi', stream: true }),
    });
    await response.text();
    assert.equal(server.requests.length, before + 1, 'our request reached the capture server');
    const ours = server.requests[before];
    return { codex, ours, provider, config };
  } finally {
    await server.close();
    sandbox.dispose();
  }
}

function sortedPairs(pairs: [string, string][]): [string, string][] {
  return [...pairs].sort((a, b) => (a[0] === b[0] ? a[1].localeCompare(b[1]) : a[0].localeCompare(b[0])));
}

/** Asserts the two requests agree on everything the config controls. */
function assertSameRequest(run: CaseRun, ignoreQueryKeys: string[] = []): void {
  const { codex, ours, provider } = run;
  assert.equal(ours.method, codex.method);
  assert.equal(ours.path, codex.path);
  const keep = (pairs: [string, string][]) => sortedPairs(pairs.filter(([k]) => !ignoreQueryKeys.includes(k)));
  assert.deepEqual(keep(ours.query), keep(codex.query), 'query parameters');
  const names = new Set(['authorization', ...Object.keys(provider.httpHeaders), ...Object.keys(provider.envHttpHeaders)].map((n) => n.toLowerCase()));
  for (const name of names) assert.equal(ours.headers[name], codex.headers[name], `header ${name}`);
}

test(`the Codex CLI under test is ${CODEX_VERSION} and runs here`, TIMEOUT, async () => {
  const result = await createNodeProcessRunner().runCommand(process.execPath, [require.resolve('@openai/codex/bin/codex.js'), '--version'], {
    timeoutMs: 60_000,
    maxOutputBytes: 64 * 1024,
  });
  assert.equal(result.exitCode, 0, describeRun(result));
  assert.equal(result.stdout.trim(), `codex-cli ${CODEX_VERSION}`);
});

test('env_key: both send Authorization: Bearer <value> to base_url/responses', TIMEOUT, async () => {
  const run = await runCase({
    config: `model = "test-model"\nmodel_provider = "cap"\n[model_providers.cap]\nname = "Cap"\nbase_url = "ORIGIN/v1"\nenv_key = "CAP_KEY"\nwire_api = "responses"\n`,
    env: { CAP_KEY: 'sk-oracle-env-1' },
  });
  assertSameRequest(run);
  assert.equal(run.codex.path, '/v1/responses');
  assert.equal(run.ours.headers.authorization, 'Bearer sk-oracle-env-1');
});

test('http_headers and env_http_headers: static sent, env sent only when set', TIMEOUT, async () => {
  const run = await runCase({
    config:
      'model = "test-model"\nmodel_provider = "cap"\n[model_providers.cap]\nname = "Cap"\nbase_url = "ORIGIN/v1"\nenv_key = "CAP_KEY"\n' +
      'http_headers = { "X-Static" = "static-1", "X-Tenant" = "acme" }\n' +
      'env_http_headers = { "X-Env-Set" = "ORACLE_SET_VAR", "X-Env-Unset" = "ORACLE_UNSET_VAR" }\n',
    env: { CAP_KEY: 'sk-oracle-env-2', ORACLE_SET_VAR: 'from-env-1' },
  });
  assertSameRequest(run);
  assert.equal(run.ours.headers['x-static'], 'static-1');
  assert.equal(run.ours.headers['x-tenant'], 'acme');
  assert.equal(run.ours.headers['x-env-set'], 'from-env-1');
  assert.equal(run.codex.headers['x-env-unset'], undefined);
  assert.equal(run.ours.headers['x-env-unset'], undefined);
});

test('query_params: same parameters (space as %20); `&` in a value is the documented divergence', TIMEOUT, async () => {
  const run = await runCase({
    config:
      'model = "test-model"\nmodel_provider = "cap"\n[model_providers.cap]\nname = "Cap"\nbase_url = "ORIGIN/v1"\nenv_key = "CAP_KEY"\n' +
      'query_params = { api-version = "2025-04-01-preview", b = "two words", path = "x/y:z", tag = "a b&c" }\n',
    env: { CAP_KEY: 'sk-oracle-env-3' },
  });
  // Codex 0.169 does not escape `&`: `tag=a%20b&c` reaches the server as tag="a b" plus c="".
  assert.match(run.codex.rawQuery, /(^|&)tag=a%20b&c(&|$)/);
  assert.deepEqual(run.codex.query.filter(([k]) => k === 'tag' || k === 'c'), [['tag', 'a b'], ['c', '']]);
  // We encode it: one parameter with the configured value.
  assert.match(run.ours.rawQuery, /(^|&)tag=a%20b%26c(&|$)/);
  assert.deepEqual(run.ours.query.filter(([k]) => k === 'tag' || k === 'c'), [['tag', 'a b&c']]);
  // Everything else agrees, including the space encoded as %20 on both sides.
  assertSameRequest(run, ['tag', 'c']);
  assert.match(run.codex.rawQuery, /(^|&)b=two%20words(&|$)/);
  assert.match(run.ours.rawQuery, /(^|&)b=two%20words(&|$)/);
});

test('a trailing slash on base_url gives no double slash', TIMEOUT, async () => {
  const run = await runCase({
    config: 'model = "test-model"\nmodel_provider = "cap"\n[model_providers.cap]\nname = "Cap"\nbase_url = "ORIGIN/v1/"\nenv_key = "CAP_KEY"\n',
    env: { CAP_KEY: 'sk-oracle-env-4' },
  });
  assertSameRequest(run);
  assert.equal(run.ours.path, '/v1/responses');
});

test('experimental_bearer_token is sent as Bearer', TIMEOUT, async () => {
  const run = await runCase({
    config:
      'model = "test-model"\nmodel_provider = "cap"\n[model_providers.cap]\nname = "Cap"\nbase_url = "ORIGIN/v1"\nexperimental_bearer_token = "oracle-bearer-5"\n',
  });
  assertSameRequest(run);
  assert.equal(run.ours.headers.authorization, 'Bearer oracle-bearer-5');
});

test('auth.command: stdout trimmed and sent as Bearer; it replaces a configured Authorization header', TIMEOUT, async () => {
  const run = await runCase({
    setup: (sandbox) => {
      const script = join(sandbox.home, 'token.cjs');
      writeFileSync(script, "process.stdout.write('  \\n\\t oracle-cmd-token-6 \\n\\n');");
      return { NODE_PATH_JSON: JSON.stringify(process.execPath), SCRIPT_JSON: JSON.stringify(script) };
    },
    config:
      'model = "test-model"\nmodel_provider = "cap"\n[model_providers.cap]\nname = "Cap"\nbase_url = "ORIGIN/v1"\n' +
      'http_headers = { "Authorization" = "Bearer configured-header", "X-A" = "1" }\n' +
      '[model_providers.cap.auth]\ncommand = NODE_PATH_JSON\nargs = [SCRIPT_JSON]\ntimeout_ms = 10000\n',
  });
  assertSameRequest(run);
  assert.equal(run.ours.headers.authorization, 'Bearer oracle-cmd-token-6');
  assert.equal(run.ours.headers['x-a'], '1');
});

test('a profile file selects the provider and model on both sides', TIMEOUT, async () => {
  const run = await runCase({
    config:
      'model = "top-model"\nmodel_provider = "other"\n' +
      '[model_providers.other]\nname = "Other"\nbase_url = "ORIGIN/other"\nenv_key = "OTHER_KEY"\n' +
      '[model_providers.cap]\nname = "Cap"\nbase_url = "ORIGIN/v1"\nenv_key = "CAP_KEY"\nquery_params = { q = "1" }\n',
    profile: 'model_provider = "cap"\nmodel = "profile-model"\n',
    env: { CAP_KEY: 'sk-oracle-env-7', OTHER_KEY: 'sk-other' },
  });
  assertSameRequest(run);
  assert.equal(run.provider.id, 'cap');
  assert.equal(run.ours.path, '/v1/responses');
  assert.equal((JSON.parse(run.codex.body) as { model: string }).model, 'profile-model');
  assert.equal(run.config.model.value, 'profile-model');
  assert.equal(run.config.profile.value, 'work');
});

test('a missing env key: both fail before sending, naming the variable in the same words', TIMEOUT, async () => {
  const sandbox = createCodexSandbox();
  const server = await startCaptureServer();
  try {
    sandbox.writeConfig(
      `model = "test-model"\nmodel_provider = "cap"\n[model_providers.cap]\nname = "Cap"\nbase_url = "${server.origin}/v1"\n` +
        'env_key = "ORACLE_MISSING_KEY"\nenv_key_instructions = "Get one at https://cap.test/keys."\n',
    );
    const env = codexEnv(sandbox, {});
    const result = await runCodexExec(sandbox, env);
    assert.notEqual(result.exitCode, 0);
    assert.equal(server.find('POST', '/responses').length, 0, 'Codex sent nothing');
    const codexLine = /Missing environment variable: .*/.exec(result.stderr)?.[0];
    assert.ok(codexLine, `Codex names the variable: ${describeRun(result)}`);

    const { provider } = await loadOurs(sandbox, env);
    await assert.rejects(createCredentialResolver({ env }).resolve(provider), (error: unknown) => {
      assert.ok(error instanceof SwitchboardError);
      assert.equal(error.kind, 'auth');
      assert.equal(error.message, codexLine);
      assert.match(error.message, /`ORACLE_MISSING_KEY`.*Get one at https:\/\/cap\.test\/keys\./);
      return true;
    });
  } finally {
    await server.close();
    sandbox.dispose();
  }
});

test('env_key unset with experimental_bearer_token: Codex fails, we fall back to the token (documented divergence)', TIMEOUT, async () => {
  const sandbox = createCodexSandbox();
  try {
    sandbox.writeConfig(
      'model = "test-model"\nmodel_provider = "cap"\n[model_providers.cap]\nname = "Cap"\nbase_url = "http://127.0.0.1:9/v1"\n' +
        'env_key = "ORACLE_UNSET_KEY"\nexperimental_bearer_token = "oracle-fallback-8"\n',
    );
    const env = codexEnv(sandbox, {});
    const result = await runCodexExec(sandbox, env);
    assert.notEqual(result.exitCode, 0);
    assert.match(result.stderr, /Missing environment variable: `ORACLE_UNSET_KEY`/);
    const { provider } = await loadOurs(sandbox, env);
    const credential = await createCredentialResolver({ env }).resolve(provider);
    assert.deepEqual(credential, { token: 'oracle-fallback-8', source: { type: 'bearer-token' } });
  } finally {
    sandbox.dispose();
  }
});
