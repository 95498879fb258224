// The connection test (src/core/providers/connectionTest.ts) in-process against local servers,
// one misconfiguration per test: each asserts the step statuses, which checklist item the first
// failure points at and what its fix says, and that the key never appears in any step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCredentialResolver } from '../../../src/core/providers/credentialResolver';
import { runConnectionTest, summarizeConnection, testConnection, type ConnectionStep } from '../../../src/core/providers/connectionTest';
import type { ProviderInfo, WireApi } from '../../../src/core/providers/providerInfo';
import { createNodeProcessRunner } from '../../../src/node/processRunner';
import type { WireDeps } from '../../../src/core/wire/wireDeps';
import { sseBodyOf } from '../../helpers/corpus';
import { provider as testProvider } from '../../helpers/providerFixture';
import type { CaptureServer } from '../../helpers/captureServer';
import {
  CHAT_FIRST_CHUNK,
  chatSseBody,
  jsonAnswer,
  modelsAnswer,
  RESPONSES_OK,
  sseAnswer,
  stallAnswer,
  startRoutes,
  type Answer,
} from './providerRoutes';

const KEY = 'sk-conn-test-secret-0123456789';

function provider(wireApi: WireApi, baseUrl: string, overrides: Partial<ProviderInfo> = {}): ProviderInfo {
  return testProvider({ id: 'corp', name: 'Corp', baseUrl, wireApi, envKey: 'CORP_KEY', ...overrides });
}

function wire(env: Record<string, string> = { CORP_KEY: KEY }): WireDeps {
  return { credentials: createCredentialResolver({ env, processRunner: createNodeProcessRunner(), allowWorkspaceCommands: true }), env };
}

function statuses(steps: ConnectionStep[]): string[] {
  return steps.map((s) => `${s.id}:${s.status}`);
}

function assertNoSecret(steps: ConnectionStep[]): void {
  assert.ok(!JSON.stringify(steps).includes(KEY), 'the key appears in a step');
}

async function withRoutes(routes: Record<string, Answer>, run: (server: CaptureServer) => Promise<void>): Promise<void> {
  const server = await startRoutes(routes);
  try {
    await run(server);
  } finally {
    await server.close();
  }
}

test('a healthy chat provider: every step ok, the request is small and streamed, steps arrive in order', async () => {
  await withRoutes(
    { 'GET /v1/models': modelsAnswer(['m-1', 'm-2']), 'POST /v1/chat/completions': sseAnswer(chatSseBody('OK')) },
    async (server) => {
      const steps: ConnectionStep[] = [];
      for await (const step of testConnection({ wire: wire() }, provider('chat', `${server.origin}/v1`), 'm-1')) steps.push(step);
      assert.deepEqual(statuses(steps), ['config:ok', 'credential:ok', 'models:ok', 'request:ok']);
      assert.equal(steps[1].detail, 'From environment variable CORP_KEY.');
      assert.deepEqual(steps[2].models, ['m-1', 'm-2']);
      assert.match(steps[3].detail, /^HTTP 200 \(text\/event-stream\) after \d+ ms, first byte after \d+ ms, done \(stop\) after \d+ ms: "OK"\.$/);
      assert.ok(steps.every((s) => s.fix === undefined && s.durationMs >= 0));
      const body = JSON.parse(server.find('POST', '/chat/completions')[0].body) as Record<string, unknown>;
      assert.equal(body.stream, true);
      assert.equal(body.max_tokens, 16);
      assert.equal(body.model, 'm-1');
      assert.equal(server.find('POST', '/chat/completions').length, 1, 'no retries');
      assert.deepEqual(summarizeConnection(steps), { ok: true });
      assertNoSecret(steps);
    },
  );
});

test('404 on a chat provider whose server only answers /responses: the fix sets wire_api', async () => {
  await withRoutes({ 'GET /v1/models': modelsAnswer(['m-1']), 'POST /v1/responses': sseAnswer(RESPONSES_OK) }, async (server) => {
    const steps = await runConnectionTest({ wire: wire() }, provider('chat', `${server.origin}/v1`), 'm-1');
    assert.deepEqual(statuses(steps), ['config:ok', 'credential:ok', 'models:ok', 'request:fail']);
    const failed = summarizeConnection(steps).failed!;
    assert.equal(failed.area, 'wire_api');
    assert.match(failed.fix!, /^Set wire_api = "responses" in \[model_providers\.corp\] \(\/home\/u\/\.codex\/config\.toml:3\)/);
    assert.match(failed.detail, /^HTTP 404/);
    assertNoSecret(steps);
  });
});

test('base_url without /v1 on a server under /v1: the model list warns, the fix adds /v1', async () => {
  await withRoutes({ 'GET /v1/models': modelsAnswer(['m-1']), 'POST /v1/responses': sseAnswer(RESPONSES_OK) }, async (server) => {
    const steps = await runConnectionTest({ wire: wire() }, provider('responses', server.origin), 'm-1');
    assert.deepEqual(statuses(steps), ['config:ok', 'credential:ok', 'models:warn', 'request:fail']);
    assert.match(steps[2].detail, /^Not supported: /);
    assert.equal(steps[3].area, 'base_url');
    assert.match(steps[3].fix!, new RegExp(`add /v1 to base_url — base_url = "${server.origin}/v1"`));
  });
});

test('base_url with /v1 on a server at the root: the fix removes /v1', async () => {
  await withRoutes({ 'POST /chat/completions': sseAnswer(chatSseBody('OK')) }, async (server) => {
    const steps = await runConnectionTest({ wire: wire() }, provider('chat', `${server.origin}/v1`), 'm-1');
    assert.equal(steps[3].area, 'base_url');
    assert.match(steps[3].fix!, new RegExp(`remove the trailing /v1 from base_url — base_url = "${server.origin}"`));
  });
});

test('base_url that already ends with the endpoint path: config warns, the fix says what base_url to write', async () => {
  await withRoutes({ 'POST /v1/chat/completions': sseAnswer(chatSseBody('OK')) }, async (server) => {
    const steps = await runConnectionTest({ wire: wire() }, provider('chat', `${server.origin}/v1/chat/completions`), 'm-1');
    assert.equal(steps[0].status, 'warn');
    assert.match(steps[0].detail, /base_url already ends with \/chat\/completions/);
    assert.equal(steps[3].status, 'fail');
    assert.equal(steps[3].area, 'base_url');
    assert.match(steps[3].fix!, new RegExp(`set base_url = "${server.origin}/v1" in`));
  });
});

test('401: the model list fails, the fix names the key source, the request is skipped', async () => {
  const reject = jsonAnswer(401, { error: { message: `Incorrect API key provided: ${KEY}`, code: 'invalid_api_key' } });
  await withRoutes({ 'GET /v1/models': reject, 'POST /v1/responses': reject }, async (server) => {
    const steps = await runConnectionTest({ wire: wire() }, provider('responses', `${server.origin}/v1`, { envKeyInstructions: 'Keys live at https://corp.test/keys.' }), 'm-1');
    assert.deepEqual(statuses(steps), ['config:ok', 'credential:ok', 'models:fail', 'request:skipped']);
    assert.equal(steps[2].area, 'auth');
    assert.match(steps[2].fix!, /rejected the credential from environment variable CORP_KEY \(401\): check that CORP_KEY holds a current, complete key/);
    assert.match(steps[2].fix!, /Keys live at https:\/\/corp\.test\/keys\./);
    assert.equal(steps[3].fix, undefined, 'only the first failure has a fix');
    assert.equal(server.find('POST', '/responses').length, 0);
    assertNoSecret(steps);
  });
});

test('a missing key: the credential step fails with the variable and env_key_instructions', async () => {
  const steps = await runConnectionTest(
    { wire: wire({}) },
    provider('chat', 'http://127.0.0.1:9/v1', { envKeyInstructions: 'Ask the platform team for a key.' }),
    'm-1',
  );
  assert.deepEqual(statuses(steps), ['config:ok', 'credential:fail', 'models:skipped', 'request:skipped']);
  assert.equal(steps[1].area, 'auth');
  assert.match(steps[1].detail, /Missing environment variable: `CORP_KEY`/);
  assert.match(steps[1].fix!, /^Set the environment variable CORP_KEY to your API key \(e\.g\. `export CORP_KEY=\.\.\.`\).*Ask the platform team for a key\./);
});

test('a failing auth command: the credential step fails and the fix is about the command', async () => {
  const steps = await runConnectionTest(
    { wire: wire({}) },
    provider('chat', 'http://127.0.0.1:9/v1', {
      envKey: undefined,
      auth: { command: process.execPath, args: ['-e', 'process.stderr.write("please log in"); process.exit(3)'], timeoutMs: 5000, refreshIntervalMs: 0 },
    }),
    'm-1',
  );
  assert.deepEqual(statuses(steps), ['config:ok', 'credential:fail', 'models:skipped', 'request:skipped']);
  assert.match(steps[1].detail, /failed with exit code 3\. Its stderr: please log in/);
  assert.equal(steps[1].area, 'auth');
  assert.match(steps[1].fix!, /Run the command yourself/);
  assert.match(steps[1].fix!, /\[model_providers\.corp\.auth\]/);
});

test('an unknown model (404 model_not_found): the fix is about the model name and lists the models', async () => {
  await withRoutes(
    {
      'GET /v1/models': modelsAnswer(['gpt-a', 'gpt-b']),
      'POST /v1/responses': jsonAnswer(404, { error: { code: 'model_not_found', message: 'The model `gpt-x` does not exist.' } }),
    },
    async (server) => {
      const steps = await runConnectionTest({ wire: wire() }, provider('responses', `${server.origin}/v1`), 'gpt-x');
      assert.equal(steps[2].status, 'warn');
      assert.match(steps[2].detail, /2 models listed, but not gpt-x: gpt-a, gpt-b\./);
      assert.equal(steps[3].area, 'model');
      assert.match(steps[3].fix!, /Check the model name "gpt-x".*Azure uses your deployment name; Vertex uses full model paths.*The provider lists: gpt-a, gpt-b\./);
    },
  );
});

test('a 400 that names the model is a model problem too', async () => {
  await withRoutes(
    { 'POST /v1/chat/completions': jsonAnswer(400, { error: { message: 'Invalid model: llama-nope is not supported' } }) },
    async (server) => {
      const steps = await runConnectionTest({ wire: wire() }, provider('chat', `${server.origin}/v1`), 'llama-nope');
      assert.equal(steps[3].area, 'model');
    },
  );
});

test('JSON instead of an event stream: a streaming problem', async () => {
  await withRoutes(
    { 'POST /v1/chat/completions': jsonAnswer(200, { id: 'x', object: 'chat.completion', choices: [{ message: { role: 'assistant', content: 'OK' } }] }) },
    async (server) => {
      const steps = await runConnectionTest({ wire: wire() }, provider('chat', `${server.origin}/v1`), 'm');
      assert.equal(steps[3].area, 'streaming');
      assert.match(steps[3].fix!, /streaming support.*stream_idle_timeout_ms in \[model_providers\.corp\] \(now 300000 ms\)/);
    },
  );
});

test('an HTML page with status 200 (a proxy login page): a streaming problem naming the content type', async () => {
  const html: Answer = (response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<html><body>Please sign in to the proxy</body></html>');
  };
  await withRoutes({ 'POST /v1/chat/completions': html }, async (server) => {
    const steps = await runConnectionTest({ wire: wire() }, provider('chat', `${server.origin}/v1`), 'm');
    assert.equal(steps[3].area, 'streaming');
    assert.match(steps[3].fix!, /^The provider answered HTTP 200 with text\/html, not an event stream/);
    assert.equal(server.find('POST', '/chat/completions').length, 1, 'the test request is not retried');
  });
});

test('a healthy anthropic-wire provider (recorded anthropic-001 stream): x-api-key, every step ok', async () => {
  await withRoutes(
    { 'GET /v1/models': modelsAnswer(['claude-a']), 'POST /v1/messages': sseAnswer(sseBodyOf('anthropic-001-basic-text-ping.txt')) },
    async (server) => {
      const steps = await runConnectionTest({ wire: wire() }, provider('anthropic', `${server.origin}/v1`), 'claude-a');
      assert.deepEqual(statuses(steps), ['config:ok', 'credential:ok', 'models:ok', 'request:ok']);
      const sent = server.find('POST', '/messages')[0];
      assert.equal(sent.headers['x-api-key'], KEY);
      const body = JSON.parse(sent.body) as Record<string, unknown>;
      assert.equal(body.max_tokens, 16);
      assert.equal(body.stream, true);
      assertNoSecret(steps);
    },
  );
});

test('a stream that stalls after its first event: the test gives up at its cap, a streaming problem', async () => {
  await withRoutes({ 'POST /v1/chat/completions': stallAnswer(CHAT_FIRST_CHUNK) }, async (server) => {
    const started = Date.now();
    const steps = await runConnectionTest({ wire: wire(), requestTimeoutMs: 300 }, provider('chat', `${server.origin}/v1`), 'm');
    assert.ok(Date.now() - started < 5000);
    assert.equal(steps[3].area, 'streaming');
    assert.match(steps[3].detail, /first byte after \d+ ms, but no done event within 300 ms\./);
    assert.match(steps[3].fix!, /^The stream started but no done event came within 300 ms\./);
  });
});

test('the provider\'s own idle timeout (stream_idle_timeout_ms) firing mid-stream is a streaming problem', async () => {
  await withRoutes({ 'POST /v1/chat/completions': stallAnswer(CHAT_FIRST_CHUNK) }, async (server) => {
    const steps = await runConnectionTest({ wire: wire() }, provider('chat', `${server.origin}/v1`, { streamIdleTimeoutMs: 150 }), 'm');
    assert.equal(steps[3].area, 'streaming');
    assert.match(steps[3].detail, /stalled/);
    assert.match(steps[3].fix!, /\(now 150 ms\)/);
  });
});

test('an error event inside a 200 stream (recorded responses-006): the provider\'s complaint and the wire\'s fix', async () => {
  await withRoutes({ 'POST /v1/responses': sseAnswer(sseBodyOf('responses-006-error-then-response-failed.jsonl.txt')) }, async (server) => {
    const steps = await runConnectionTest({ wire: wire() }, provider('responses', `${server.origin}/v1`), 'gpt-5-nano');
    assert.equal(steps[3].status, 'fail');
    assert.equal(steps[3].area, 'provider');
    assert.match(steps[3].detail, /^HTTP 200 .*insufficient_quota/);
    assert.equal(steps[3].fix, 'Check the plan and billing of this API key.');
  });
});

/** A local URL nobody listens on (a port that was just free). */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/v1`;
}

test('nothing listening: the model list fails as a network problem', async () => {
  const steps = await runConnectionTest({ wire: wire() }, provider('chat', await closedPortUrl()), 'm');
  assert.deepEqual(statuses(steps), ['config:ok', 'credential:ok', 'models:fail', 'request:skipped']);
  assert.equal(steps[2].area, 'network');
  assert.match(steps[2].detail, /connection refused/);
  assert.match(steps[2].fix!, /Is the server running and is base_url right/);
});

test('a 403 on the model list only warns; the request decides', async () => {
  await withRoutes(
    { 'GET /v1/models': jsonAnswer(403, { error: { message: 'listing not allowed' } }), 'POST /v1/chat/completions': sseAnswer(chatSseBody('OK')) },
    async (server) => {
      const steps = await runConnectionTest({ wire: wire() }, provider('chat', `${server.origin}/v1`), 'm');
      assert.deepEqual(statuses(steps), ['config:ok', 'credential:ok', 'models:warn', 'request:ok']);
      assert.equal(summarizeConnection(steps).ok, true);
    },
  );
});

test('config: an unknown id, a missing or malformed base_url, no model, config errors', async () => {
  const config = { providers: [provider('chat', 'http://127.0.0.1:9/v1')], diagnostics: [] };
  const unknown = await runConnectionTest({ wire: wire(), config }, 'nope', 'm');
  assert.deepEqual(statuses(unknown), ['config:fail', 'credential:skipped', 'models:skipped', 'request:skipped']);
  assert.match(unknown[0].fix!, /Use one of: corp/);

  const noBase = await runConnectionTest({ wire: wire() }, provider('chat', '', { baseUrl: undefined }), 'm');
  assert.equal(noBase[0].status, 'fail');
  assert.equal(noBase[0].area, 'base_url');
  assert.match(noBase[0].fix!, /Add `base_url = "https:\/\/\.\.\."`/);

  const placeholder = await runConnectionTest({ wire: wire() }, provider('chat', '${GATEWAY_URL}/v1'), 'm');
  assert.equal(placeholder[0].status, 'fail');
  assert.match(placeholder[0].fix!, /placeholder/);

  await withRoutes({ 'GET /v1/models': modelsAnswer(['a', 'b']) }, async (server) => {
    const withErrors = {
      providers: [provider('chat', `${server.origin}/v1`)],
      diagnostics: [{ severity: 'error' as const, code: 'wrong-type', message: 'request_max_retries must be a number.', file: '/home/u/.codex/config.toml', line: 9 }],
    };
    const noModel = await runConnectionTest({ wire: wire(), config: withErrors }, 'corp', undefined);
    assert.equal(noModel[0].status, 'warn');
    assert.match(noModel[0].detail, /the configuration has 1 error\(s\), first: \/home\/u\/\.codex\/config\.toml:9: request_max_retries must be a number\..*no model is set/);
    assert.equal(noModel[3].status, 'fail');
    assert.equal(noModel[3].area, 'model');
    assert.match(noModel[3].fix!, /The provider lists: a, b\./);
  });
});

test('cancelling during the request ends the test with a cancelled step and no fix', async () => {
  await withRoutes({ 'POST /v1/chat/completions': stallAnswer(CHAT_FIRST_CHUNK) }, async (server) => {
    const controller = new AbortController();
    const steps: ConnectionStep[] = [];
    const started = Date.now();
    for await (const step of testConnection({ wire: wire() }, provider('chat', `${server.origin}/v1`), 'm', { signal: controller.signal })) {
      steps.push(step);
      if (step.id === 'models') setTimeout(() => controller.abort(), 100);
    }
    assert.ok(Date.now() - started < 5000);
    assert.deepEqual(statuses(steps), ['config:ok', 'credential:ok', 'models:warn', 'request:fail']);
    assert.equal(steps[3].detail, 'Cancelled.');
    assert.equal(steps[3].fix, undefined);
  });
});
