// Differential test of the whole CLI against the real Codex CLI (@openai/codex, pinned): for the
// same config.toml and environment, `codex exec --skip-git-repo-check hi` and `switchboard exec hi`
// send their POST .../responses to one capture server, and the two requests must agree on method,
// path, query, the credential header, every header the config defines, and the body's `model` and
// `stream`. Configs use env_key, http_headers, env_http_headers (one variable set, one not),
// query_params, experimental_bearer_token and a trailing slash on base_url.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startCaptureServer, type CaptureServer, type CapturedRequest } from '../../helpers/captureServer';
import { codexLauncher } from '../codexOracle/codexCli';
import { createNodeProcessRunner } from '../../../src/node/processRunner';
import { runCli, sandbox, useCliBundle, type Sandbox } from './cliHarness';

const bundle = useCliBundle();
const TIMEOUT = { timeout: 120_000 };

interface DiffCase {
  name: string;
  /** config.toml; `ORIGIN` becomes the capture server's origin. */
  config: string;
  env: Record<string, string>;
  /** Header names the config makes the client send (compared besides authorization). */
  headers: string[];
}

const CASES: DiffCase[] = [
  {
    name: 'env_key, http_headers, env_http_headers, query_params',
    config: `model_provider = "corp"
model = "corp-model-1"

[model_providers.corp]
name = "Corp Gateway"
base_url = "ORIGIN/v1"
env_key = "CORP_KEY"
wire_api = "responses"
http_headers = { "X-Tenant" = "acme", "X-Feature" = "beta" }
env_http_headers = { "X-Org" = "CORP_ORG", "X-Unset" = "CORP_UNSET" }
query_params = { "api-version" = "2025-04-01-preview", team = "two words" }
`,
    env: { CORP_KEY: 'sk-diff-corp-0123456789', CORP_ORG: 'org-42' },
    headers: ['x-tenant', 'x-feature', 'x-org', 'x-unset'],
  },
  {
    name: 'experimental_bearer_token and a trailing slash on base_url',
    config: `model_provider = "tok"
model = "tok-model"

[model_providers.tok]
name = "Token Gateway"
base_url = "ORIGIN/api/v1/"
experimental_bearer_token = "bearer-diff-0123456789"
http_headers = { "X-Client" = "cli" }
`,
    env: {},
    headers: ['x-client'],
  },
];

function lastResponsesPost(server: CaptureServer, who: string): CapturedRequest {
  const found = server.find('POST', '/responses');
  assert.ok(found.length > 0, `${who} sent no POST .../responses; got ${server.requests.map((r) => `${r.method} ${r.path}`).join(', ')}`);
  return found[found.length - 1];
}

async function runCodex(box: Sandbox, env: Record<string, string>) {
  return createNodeProcessRunner().runCommand(process.execPath, [codexLauncher(), 'exec', '--skip-git-repo-check', 'hi'], {
    cwd: box.workspace,
    env: { PATH: process.env.PATH ?? '', HOME: box.home, CODEX_HOME: box.codexHome, ...env },
    timeoutMs: 60_000,
    maxOutputBytes: 1024 * 1024,
  });
}

function sorted(pairs: [string, string][]): [string, string][] {
  return [...pairs].sort((a, b) => (a[0] === b[0] ? a[1].localeCompare(b[1]) : a[0].localeCompare(b[0])));
}

for (const c of CASES) {
  test(`switchboard exec and codex exec send the same request: ${c.name}`, TIMEOUT, async () => {
    const server = await startCaptureServer();
    try {
      const box = sandbox(c.config.split('ORIGIN').join(server.origin));

      const codexRun = await runCodex(box, c.env);
      assert.equal(codexRun.exitCode, 0, `codex exec failed: ${codexRun.stderr.split('\n').slice(-15).join('\n')}`);
      const codex = lastResponsesPost(server, 'Codex');

      const before = server.requests.length;
      const ours = await runCli(bundle, box, ['exec', 'hi'], { env: c.env, secrets: Object.values(c.env) });
      assert.equal(ours.code, 0, ours.stderr);
      assert.equal(ours.stdout, 'ok\n', 'the capture server answers "ok"');
      assert.equal(server.requests.length, before + 1, 'switchboard exec sends exactly one request');
      const mine = lastResponsesPost(server, 'Switchboard');

      assert.match(codex.headers.authorization ?? '', /^Bearer \S+$/, 'Codex sent the credential (the comparison is not vacuous)');
      assert.ok(codex.headers[c.headers[0]], `Codex sent ${c.headers[0]}`);
      assert.equal(mine.method, codex.method);
      assert.equal(mine.path, codex.path);
      assert.deepEqual(sorted(mine.query), sorted(codex.query), 'query parameters');
      for (const name of ['authorization', 'accept', 'content-type', ...c.headers]) {
        assert.equal(mine.headers[name], codex.headers[name], `header ${name}`);
      }
      const codexBody = JSON.parse(codex.body) as { model: unknown; stream: unknown };
      const myBody = JSON.parse(mine.body) as { model: unknown; stream: unknown };
      assert.equal(myBody.model, codexBody.model, 'body.model');
      assert.equal(myBody.stream, codexBody.stream, 'body.stream');
      assert.equal(myBody.stream, true);
    } finally {
      await server.close();
    }
  });
}
