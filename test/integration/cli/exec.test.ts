// `switchboard exec` as a real child process against local model servers: the answer alone on
// stdout (exactly), the rest on stderr, on each wire protocol (a custom chat provider, the
// built-in openai moved with openai_base_url, a custom provider with wire_api = "anthropic" —
// the built-in anthropic is reserved and cannot be moved); --json event lines; a prompt from stdin;
// --provider/--model/--profile/-c; exit codes 1 (500 after retries, an error event inside a 200
// stream, a missing key) and 2 (config error, unreadable ca_certificate); HTTP_PROXY honoured.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { sseBodyOf } from '../../helpers/corpus';
import { startFaultServer } from '../../helpers/faultServer';
import { startScriptedModelServer, type ScriptedModelServer } from '../../helpers/scriptedModelServer';
import { runCli, sandbox, tomlString, useCliBundle } from './cliHarness';

const bundle = useCliBundle();
const KEY = 'sk-exec-it-secret-0123456789';
const ANSWER = 'The answer is 42.';
const REASONING = 'Thinking it over carefully.';

interface ProtocolCase {
  name: string;
  config: (baseUrl: string) => string;
  env: Record<string, string>;
  /** The header that must carry the key, and its value. */
  auth: [string, string];
  model: string;
}

const CASES: ProtocolCase[] = [
  {
    name: 'chat (custom provider)',
    config: (baseUrl) => `model_provider = "local"
model = "local-chat-model"

[model_providers.local]
name = "Local Chat"
base_url = ${tomlString(baseUrl)}
env_key = "LOCAL_KEY"
wire_api = "chat"
`,
    env: { LOCAL_KEY: KEY },
    auth: ['authorization', `Bearer ${KEY}`],
    model: 'local-chat-model',
  },
  {
    name: 'responses (built-in openai, openai_base_url)',
    config: (baseUrl) => `model_provider = "openai"
model = "gpt-test"
openai_base_url = ${tomlString(baseUrl)}
`,
    env: { OPENAI_API_KEY: KEY },
    auth: ['authorization', `Bearer ${KEY}`],
    model: 'gpt-test',
  },
  {
    name: 'anthropic (custom provider, wire_api = "anthropic")',
    config: (baseUrl) => `model_provider = "gateway"
model = "claude-gw"

[model_providers.gateway]
name = "Claude Gateway"
base_url = ${tomlString(baseUrl)}
env_key = "GATEWAY_KEY"
wire_api = "anthropic"
`,
    env: { GATEWAY_KEY: KEY },
    auth: ['x-api-key', KEY],
    model: 'claude-gw',
  },
];

async function withServer<T>(server: ScriptedModelServer, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } finally {
    await server.close();
  }
}

for (const c of CASES) {
  test(`exec over ${c.name}: stdout is exactly the answer, reasoning goes to stderr`, async () => {
    const server = await startScriptedModelServer([{ reasoning: REASONING, text: ANSWER }]);
    await withServer(server, async () => {
      const box = sandbox(c.config(server.baseUrl));
      const result = await runCli(bundle, box, ['exec', 'What is the answer?'], { env: c.env, secrets: [KEY] });
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout, `${ANSWER}\n`);
      assert.ok(result.stderr.includes(REASONING), `reasoning on stderr: ${result.stderr}`);
      assert.deepEqual(server.failures, []);
      assert.equal(server.requests.length, 1);
      const request = server.requests[0];
      assert.equal(request.headers[c.auth[0]], c.auth[1]);
      assert.equal(request.model, c.model);
      assert.equal(request.body.stream, true);
      assert.deepEqual(request.userTexts, ['What is the answer?']);
      assert.ok(request.toolNames.includes('read_file'), 'the agent offers its tools');
    });
  });
}

const CHAT_CONFIG = CASES[0].config;

test('exec --json prints one parseable JSON object per line: text deltas, done, turn-ended', async () => {
  const server = await startScriptedModelServer([{ text: ANSWER, usage: { input: 7, output: 3 } }]);
  await withServer(server, async () => {
    const box = sandbox(CHAT_CONFIG(server.baseUrl));
    const result = await runCli(bundle, box, ['exec', '--json', 'Say it'], { env: { LOCAL_KEY: KEY }, secrets: [KEY] });
    assert.equal(result.code, 0, result.stderr);
    assert.ok(result.stdout.endsWith('\n'));
    const lines = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { type: string; [k: string]: unknown });
    const text = lines.filter((l) => l.type === 'text-delta').map((l) => l.text).join('');
    assert.equal(text, ANSWER);
    assert.ok(lines.filter((l) => l.type === 'text-delta').length >= 2, 'the answer streamed in several deltas');
    assert.deepEqual(lines.find((l) => l.type === 'done'), { type: 'done', stopReason: 'stop', providerStopReason: 'stop' });
    assert.deepEqual(lines.find((l) => l.type === 'usage')?.usage, { inputTokens: 7, outputTokens: 3, cachedInputTokens: 0, reasoningTokens: 0 });
    const last = lines[lines.length - 1];
    assert.equal(last.type, 'turn-ended');
    assert.equal(last.reason, 'completed');
    assert.equal(result.stderr, '');
  });
});

test('exec reads the prompt from stdin with "-" and with no argument when stdin is piped', async () => {
  const server = await startScriptedModelServer([{ text: 'one' }, { text: 'two' }]);
  await withServer(server, async () => {
    const box = sandbox(CHAT_CONFIG(server.baseUrl));
    const dash = await runCli(bundle, box, ['exec', '-'], { env: { LOCAL_KEY: KEY }, stdin: 'Summarize this text\n' });
    assert.equal(dash.code, 0, dash.stderr);
    assert.equal(dash.stdout, 'one\n');
    const bare = await runCli(bundle, box, ['exec'], { env: { LOCAL_KEY: KEY }, stdin: 'From a pipe' });
    assert.equal(bare.code, 0, bare.stderr);
    assert.deepEqual(server.requests.map((r) => r.userTexts), [['Summarize this text\n'], ['From a pipe']]);
    const empty = await runCli(bundle, box, ['exec'], { env: { LOCAL_KEY: KEY }, stdin: '  \n' });
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /prompt is empty/);
    assert.equal(server.requests.length, 2);
  });
});

test('exec applies --provider, --model, --profile and -c overrides', async () => {
  const server = await startScriptedModelServer([{ text: 'a' }, { text: 'b' }]);
  await withServer(server, async () => {
    const box = sandbox(`${CHAT_CONFIG('http://127.0.0.1:1/v1')}
[model_providers.other]
name = "Other"
base_url = ${tomlString(server.baseUrl)}
env_key = "LOCAL_KEY"
wire_api = "chat"

[profiles.fast]
model_provider = "other"
model = "fast-model"
`);
    const flags = await runCli(bundle, box, ['exec', '--provider', 'other', '-m', 'picked', '-c', 'model_providers.other.http_headers={"X-Flag"="yes"}', 'hi'], {
      env: { LOCAL_KEY: KEY },
    });
    assert.equal(flags.code, 0, flags.stderr);
    const profile = await runCli(bundle, box, ['exec', '--profile', 'fast', 'hi'], { env: { LOCAL_KEY: KEY } });
    assert.equal(profile.code, 0, profile.stderr);
    assert.deepEqual(server.requests.map((r) => r.model), ['picked', 'fast-model']);
    assert.equal(server.requests[0].headers['x-flag'], 'yes');
    assert.equal(server.requests[1].headers['x-flag'], undefined);
  });
});

test('exec exits 1 when the provider keeps answering 500 (after request_max_retries)', async () => {
  const server = await startFaultServer(() => ({ kind: 'status', status: 500, body: '{"error":{"message":"upstream exploded"}}' }));
  try {
    const box = sandbox(`${CHAT_CONFIG(`${server.baseUrl}/v1`)}request_max_retries = 2\n`);
    const result = await runCli(bundle, box, ['exec', 'hi'], { env: { LOCAL_KEY: KEY }, secrets: [KEY] });
    assert.equal(result.code, 1);
    assert.equal(result.stdout, '');
    assert.equal(server.requests.length, 3, 'one request and two retries');
    assert.match(result.stderr, /server error \(500 Internal Server Error\)\. The provider said: upstream exploded \(gave up after 2 retries\)/);
    assert.match(result.stderr, /Retrying in/, 'retries are reported on stderr');
  } finally {
    await server.close();
  }
});

test('exec exits 1 on an error event inside an HTTP 200 stream (recorded responses-006, anthropic-010)', async () => {
  const server = await startFaultServer((index) => ({
    kind: 'stream',
    body: index === 0 ? sseBodyOf('responses-006-error-then-response-failed.jsonl.txt') : sseBodyOf('anthropic-010-docs-error-event-overloaded.txt'),
  }));
  try {
    const responses = sandbox(`model_provider = "rp"\nmodel = "gpt-5-nano"\n[model_providers.rp]\nname = "RP"\nbase_url = ${tomlString(server.baseUrl)}\nenv_key = "RP_KEY"\n`);
    const first = await runCli(bundle, responses, ['exec', 'hi'], { env: { RP_KEY: KEY }, secrets: [KEY] });
    assert.equal(first.code, 1);
    assert.equal(first.stdout, '');
    assert.match(first.stderr, /insufficient_quota/);
    assert.match(first.stderr, /Check the plan and billing of this API key\./);

    const anthropic = sandbox(
      `model_provider = "ap"\nmodel = "claude-x"\n[model_providers.ap]\nname = "AP"\nbase_url = ${tomlString(server.baseUrl)}\nenv_key = "AP_KEY"\nwire_api = "anthropic"\nstream_max_retries = 0\n`,
    );
    const second = await runCli(bundle, anthropic, ['exec', 'hi'], { env: { AP_KEY: KEY }, secrets: [KEY] });
    assert.equal(second.code, 1);
    assert.equal(second.stdout, '');
    assert.match(second.stderr, /overloaded_error\): Overloaded/);
  } finally {
    await server.close();
  }
});

test('exec exits 2 on a config error, with file:line:column on stderr, and sends nothing', async () => {
  const server = await startScriptedModelServer([]);
  await withServer(server, async () => {
    const box = sandbox(`model_provider = "local"\n[model_providers.local]\nname = "Local"\nbase_url = = ${tomlString(server.baseUrl)}\n`);
    const result = await runCli(bundle, box, ['exec', 'hi'], { env: { LOCAL_KEY: KEY } });
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.ok(result.stderr.startsWith(`${box.userConfig}:4:`), result.stderr);
    assert.match(result.stderr, /:4:\d+: error: /);
    assert.equal(server.requests.length, 0);
  });
});

test('exec exits 2 on a bad --approval value', async () => {
  const box = sandbox('');
  const bad = await runCli(bundle, box, ['exec', '--approval', 'ask', 'hi']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--approval must be read-only or auto/);
});

test('exec with a missing key: stderr names the variable and its env_key_instructions, exit 1, nothing sent', async () => {
  const server = await startScriptedModelServer([]);
  await withServer(server, async () => {
    const box = sandbox(`${CHAT_CONFIG(server.baseUrl)}env_key_instructions = "Create one at https://keys.example.test and export it."\n`);
    const result = await runCli(bundle, box, ['exec', 'hi']);
    assert.equal(result.code, 1);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /Missing environment variable: `LOCAL_KEY`\. Create one at https:\/\/keys\.example\.test and export it\./);
    assert.equal(server.requests.length, 0);
  });
});

/** A CONNECT proxy that records each tunnel target and connects every tunnel to `port` on 127.0.0.1. */
async function startConnectProxy(port: number): Promise<{ origin: string; targets: string[]; close(): Promise<void> }> {
  const targets: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer();
  server.on('connect', (request: IncomingMessage, client: Socket, head: Buffer) => {
    targets.push(request.url ?? '');
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => sockets.delete(socket));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    targets,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

test('exec honours HTTP_PROXY (through the wire transport) and fails with exit 2 on an unreadable ca_certificate', async () => {
  const provider = await startScriptedModelServer([{ text: 'via proxy' }]);
  const proxy = await startConnectProxy(Number(new URL(provider.baseUrl).port));
  try {
    const box = sandbox(CHAT_CONFIG('http://provider.invalid/v1'));
    const result = await runCli(bundle, box, ['exec', 'hi'], { env: { LOCAL_KEY: KEY, HTTP_PROXY: proxy.origin }, secrets: [KEY] });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, 'via proxy\n');
    assert.deepEqual(proxy.targets, ['provider.invalid:80'], 'the request went through the proxy');
    assert.equal(provider.requests[0].headers.host, 'provider.invalid');
  } finally {
    await proxy.close();
    await provider.close();
  }

  const box = sandbox(`${CHAT_CONFIG('https://provider.invalid/v1')}ca_certificate = "/definitely/missing/corp-root.pem"\n`);
  const result = await runCli(bundle, box, ['exec', 'hi'], { env: { LOCAL_KEY: KEY }, secrets: [KEY] });
  assert.equal(result.code, 2);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, /Cannot read the CA certificate file \/definitely\/missing\/corp-root\.pem \(from caCertificate of provider `local`\)/);
});
