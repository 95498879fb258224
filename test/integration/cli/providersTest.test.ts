// `switchboard providers test` as a real child process against local servers: a healthy provider
// (exit 0), a chat provider on a server that only answers /responses (fix: wire_api), a base_url
// without /v1 (fix: /v1), a 401 (fix names the key's variable), a failing auth command (fix about
// the command), config errors (exit 2), and --json. The key value never appears in the output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ProvidersTestReport } from '../../../src/cli/commands/providersTest';
import type { CaptureServer } from '../../helpers/captureServer';
import { chatSseBody, jsonAnswer, modelsAnswer, RESPONSES_OK, sseAnswer, startRoutes, type Answer } from '../connectionTest/providerRoutes';
import { runCli, sandbox, tomlString, useCliBundle } from './cliHarness';

const bundle = useCliBundle();
const KEY = 'sk-providers-test-secret-0123456789';
const ENV = { PT_KEY: KEY };

function providerToml(id: string, baseUrl: string, extra = ''): string {
  return `[model_providers.${id}]\nname = "Gateway ${id}"\nbase_url = ${tomlString(baseUrl)}\nenv_key = "PT_KEY"\n${extra}`;
}

async function withRoutes(routes: Record<string, Answer>, run: (server: CaptureServer) => Promise<void>): Promise<void> {
  const server = await startRoutes(routes);
  try {
    await run(server);
  } finally {
    await server.close();
  }
}

test('a healthy provider: four ✓ lines with times, "All checks passed.", exit 0', async () => {
  await withRoutes({ 'GET /v1/models': modelsAnswer(['gw-large', 'gw-small']), 'POST /v1/chat/completions': sseAnswer(chatSseBody('OK')) }, async (server) => {
    const box = sandbox(providerToml('gw', `${server.origin}/v1`, 'wire_api = "chat"\ndefault_model = "gw-large"\n'));
    const result = await runCli(bundle, box, ['providers', 'test', 'gw'], { env: ENV, secrets: [KEY] });
    assert.equal(result.code, 0, result.stdout + result.stderr);
    const lines = result.stdout.split('\n');
    assert.equal(lines[0], 'Testing provider gw (Gateway gw) with model gw-large');
    assert.match(lines[1], /^✓ Configuration +\d+ ms {2}gw \(Gateway gw\): wire_api "chat", POST http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions, model gw-large; defined in .*config\.toml:1\.$/);
    assert.match(lines[2], /^✓ Credential +\d+ ms {2}From environment variable PT_KEY\.$/);
    assert.match(lines[3], /^✓ Model list +\d+ ms {2}2 models, including gw-large: gw-large, gw-small\.$/);
    assert.match(lines[4], /^✓ Test request +\d+ ms {2}HTTP 200 \(text\/event-stream\) after \d+ ms, first byte after \d+ ms, done \(stop\) after \d+ ms: "OK"\.$/);
    assert.match(result.stdout, /\nAll checks passed\.\n$/);
    assert.equal(server.find('POST', '/chat/completions')[0].headers.authorization, `Bearer ${KEY}`);
  });
});

test('a chat provider on a server that only answers /responses: ✗ with a wire_api fix, exit 1', async () => {
  await withRoutes({ 'GET /v1/models': modelsAnswer(['m']), 'POST /v1/responses': sseAnswer(RESPONSES_OK) }, async (server) => {
    const box = sandbox(providerToml('gw', `${server.origin}/v1`, 'wire_api = "chat"\n'));
    const result = await runCli(bundle, box, ['providers', 'test', 'gw', '--model', 'm'], { env: ENV, secrets: [KEY] });
    assert.equal(result.code, 1);
    assert.match(result.stdout, /^✗ Test request +\d+ ms {2}HTTP 404/m);
    assert.match(result.stdout, /\nFix \(wire_api\): Set wire_api = "responses" in \[model_providers\.gw\]/);
  });
});

test('a base_url without /v1 on a server under /v1: the fix adds /v1, exit 1', async () => {
  await withRoutes({ 'GET /v1/models': modelsAnswer(['m']), 'POST /v1/responses': sseAnswer(RESPONSES_OK) }, async (server) => {
    const box = sandbox(providerToml('gw', server.origin));
    const result = await runCli(bundle, box, ['providers', 'test', 'gw', '-m', 'm'], { env: ENV, secrets: [KEY] });
    assert.equal(result.code, 1);
    assert.match(result.stdout, /^! Model list +\d+ ms {2}Not supported: /m);
    assert.ok(result.stdout.includes(`Fix (base_url): The server answers ${server.origin}/v1/responses: add /v1 to base_url — base_url = "${server.origin}/v1"`), result.stdout);
  });
});

test('a 401: the fix names the environment variable the key came from, never the key; exit 1', async () => {
  const reject = jsonAnswer(401, { error: { message: `Incorrect API key provided: ${KEY}.`, code: 'invalid_api_key' } });
  await withRoutes({ 'GET /v1/models': reject, 'POST /v1/responses': reject }, async (server) => {
    const box = sandbox(providerToml('gw', `${server.origin}/v1`));
    const result = await runCli(bundle, box, ['providers', 'test', 'gw', '-m', 'm'], { env: ENV, secrets: [KEY] });
    assert.equal(result.code, 1);
    assert.match(result.stdout, /^✗ Model list .*401/m);
    assert.match(result.stdout, /^- Test request +Skipped: the model list step failed\.$/m);
    assert.match(result.stdout, /Fix \(auth\): The provider rejected the credential from environment variable PT_KEY \(401\): check that PT_KEY holds a current, complete key/);
  });
});

test('a failing auth command: the credential step fails and the fix is about the command; exit 1', async () => {
  const box = sandbox(
    `[model_providers.cmd]\nname = "Cmd"\nbase_url = "http://127.0.0.1:1/v1"\n[model_providers.cmd.auth]\ncommand = ${tomlString(process.execPath)}\nargs = ["-e", "process.stderr.write('token expired, run login'); process.exit(2)"]\n`,
  );
  const result = await runCli(bundle, box, ['providers', 'test', 'cmd', '-m', 'm']);
  assert.equal(result.code, 1);
  assert.match(result.stdout, /^✗ Credential +\d+ ms {2}The auth command .* failed with exit code 2\. Its stderr: token expired, run login$/m);
  assert.match(result.stdout, /^- Model list/m);
  assert.match(result.stdout, /Fix \(auth\): Run the command yourself to see what is wrong .*\[model_providers\.cmd\.auth\]/);
});

test('config errors exit 2: an unknown provider id, a base_url that is not a URL, a broken config file', async () => {
  const box = sandbox(providerToml('bad', '<your gateway>/v1'));
  const unknown = await runCli(bundle, box, ['providers', 'test', 'nope']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stdout, /^✗ Configuration .*No provider "nope" is defined\.$/m);
  assert.match(unknown.stdout, /Fix \(config\): Use one of: .*bad/);

  const malformed = await runCli(bundle, box, ['providers', 'test', 'bad', '-m', 'm'], { env: ENV });
  assert.equal(malformed.code, 2);
  assert.match(malformed.stdout, /Fix \(base_url\): Replace the placeholder/);

  const broken = sandbox(`${providerToml('gw', 'http://127.0.0.1:1/v1')}request_max_retries = = 3\n`);
  const result = await runCli(bundle, broken, ['providers', 'test', 'gw', '-m', 'm'], { env: ENV, secrets: [KEY] });
  assert.equal(result.code, 2);
  assert.ok(result.stderr.startsWith(`${broken.userConfig}:5:`), result.stderr);
});

test('--json prints the report: provider, model, ok and the steps', async () => {
  await withRoutes({ 'GET /v1/models': modelsAnswer(['m']), 'POST /v1/responses': sseAnswer(RESPONSES_OK) }, async (server) => {
    const box = sandbox(`model_provider = "gw"\nmodel = "m"\n${providerToml('gw', `${server.origin}/v1`)}`);
    const result = await runCli(bundle, box, ['providers', 'test', '--json'], { env: ENV, secrets: [KEY] });
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as ProvidersTestReport;
    assert.equal(report.provider, 'gw', 'the active provider when no id is given');
    assert.equal(report.model, 'm');
    assert.equal(report.ok, true);
    assert.deepEqual(report.steps.map((s) => [s.id, s.status]), [['config', 'ok'], ['credential', 'ok'], ['models', 'ok'], ['request', 'ok']]);
    for (const step of report.steps) {
      assert.equal(typeof step.durationMs, 'number');
      assert.equal(typeof step.detail, 'string');
    }
    assert.deepEqual(report.steps[2].models, ['m']);
  });
});
