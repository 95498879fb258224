// Model lists: OpenAI-compatible /models, LM Studio's /v1/models, Ollama's /api/tags fallback,
// Anthropic's paginated /v1/models with its headers, the one-minute cache, and "no list" as an
// empty list with a reason rather than an exception.
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import type { Clock } from '../../../src/core/ports';
import { listModels } from '../../../src/core/wire/listModels';
import type { WireDeps } from '../../../src/core/wire/wireDeps';
import { SwitchboardError } from '../../../src/shared/errors';
import { startReplayServer, type RecordedRequest, type ReplayResponse, type ReplayServer } from '../../helpers/sseReplayServer';
import { fakeCredentials, makeProvider } from './support';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const json = (body: unknown, status = 200): ReplayResponse => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function start(route: (req: RecordedRequest) => ReplayResponse) {
  server = await startReplayServer((req) => route(req));
  return server;
}

function deps(clock?: Clock): WireDeps {
  return { credentials: fakeCredentials(['sk-list-key-000000000000']), env: {}, ...(clock && { clock }) };
}

describe('listModels', () => {
  test('OpenAI-compatible /models (LM Studio at /v1/models)', async () => {
    const s = await start(() => json({ object: 'list', data: [{ id: 'qwen2.5-coder-7b', object: 'model' }, { id: 'llama-3.2-3b' }] }));
    const list = await listModels(deps(), makeProvider('chat', `${s.baseUrl}/v1`, { id: 'lmstudio' }));
    assert.deepEqual(list, { models: [{ id: 'qwen2.5-coder-7b' }, { id: 'llama-3.2-3b' }] });
    assert.equal(s.requests[0].method, 'GET');
    assert.equal(s.requests[0].url, '/v1/models');
    assert.equal(s.requests[0].headers.authorization, 'Bearer sk-list-key-000000000000');
  });

  test("Ollama without /v1/models falls back to its native /api/tags", async () => {
    const s = await start((req) =>
      req.url === '/api/tags' ? json({ models: [{ name: 'llama3.2:latest', model: 'llama3.2:latest' }, { name: 'qwen3:8b', model: 'qwen3:8b' }] }) : json({ error: 'not found' }, 404),
    );
    const list = await listModels(deps(), makeProvider('chat', `${s.baseUrl}/v1`, { id: 'ollama' }));
    assert.deepEqual(list.models, [{ id: 'llama3.2:latest' }, { id: 'qwen3:8b' }]);
    assert.deepEqual(s.requests.map((r) => r.url), ['/v1/models', '/api/tags']);
  });

  test('Anthropic: x-api-key and anthropic-version, display names, pagination', async () => {
    const s = await start((req) => {
      const url = new URL(req.url, 'http://x');
      return url.searchParams.get('after_id') === 'claude-b'
        ? json({ data: [{ id: 'claude-c', display_name: 'Claude C', type: 'model' }], has_more: false, last_id: 'claude-c' })
        : json({ data: [{ id: 'claude-a', display_name: 'Claude A' }, { id: 'claude-b', display_name: 'Claude B' }], has_more: true, last_id: 'claude-b' });
    });
    const list = await listModels(deps(), makeProvider('anthropic', `${s.baseUrl}/v1`));
    assert.deepEqual(list.models, [
      { id: 'claude-a', name: 'Claude A' },
      { id: 'claude-b', name: 'Claude B' },
      { id: 'claude-c', name: 'Claude C' },
    ]);
    assert.equal(s.requests[0].url, '/v1/models?limit=1000');
    assert.equal(s.requests[1].url, '/v1/models?limit=1000&after_id=claude-b');
    assert.equal(s.requests[0].headers['x-api-key'], 'sk-list-key-000000000000');
    assert.equal(s.requests[0].headers['anthropic-version'], '2023-06-01');
    assert.equal(s.requests[0].headers.authorization, undefined);
  });

  test('cached for a minute per provider and base URL', async () => {
    const s = await start(() => json({ data: [{ id: 'm1' }] }));
    let now = 1_000_000;
    const d = deps({ now: () => now, sleep: async () => {} });
    const provider = makeProvider('chat', `${s.baseUrl}/v1`);
    await listModels(d, provider);
    now += 59_000;
    await listModels(d, provider);
    assert.equal(s.requests.length, 1);
    now += 2_000;
    await listModels(d, provider);
    assert.equal(s.requests.length, 2);
    await listModels(d, provider, { refresh: true });
    assert.equal(s.requests.length, 3);
    await listModels(d, { ...provider, baseUrl: `${s.baseUrl}/v1/` });
    assert.equal(s.requests.length, 4, 'another base URL is another cache entry');
  });

  test('a provider without a list: empty list and the reason', async () => {
    const s = await start(() => json({ detail: 'Not Found' }, 404));
    const list = await listModels(deps(), makeProvider('chat', `${s.baseUrl}/v1`, { id: 'gw', name: 'Gateway' }));
    assert.deepEqual(list.models, []);
    assert.match(list.reason!, /Gateway \(gw\) offers no model list at http:\/\/127\.0\.0\.1:\d+\/v1\/models \(404 Not Found\)/);
  });

  test('a rejected key throws an auth error naming the key source', async () => {
    const s = await start(() => json({ error: { message: 'invalid api key' } }, 401));
    await assert.rejects(listModels(deps(), makeProvider('responses', `${s.baseUrl}/v1`)), (error: unknown) => {
      assert.ok(error instanceof SwitchboardError);
      assert.equal(error.kind, 'auth');
      assert.match(error.message, /environment variable TEST_API_KEY/);
      return true;
    });
  });

  test('Bedrock lists are SigV4-signed', async () => {
    const s = await start(() => json({ data: [{ id: 'openai.gpt-oss-120b' }] }));
    const list = await listModels(
      { credentials: fakeCredentials([''], { type: 'aws', detail: 'env' }), env: { AWS_ACCESS_KEY_ID: 'AKIDLIST', AWS_SECRET_ACCESS_KEY: 's', AWS_REGION: 'us-west-2' } },
      makeProvider('responses', `${s.baseUrl}/openai/v1`, { id: 'amazon-bedrock' }),
    );
    assert.deepEqual(list.models, [{ id: 'openai.gpt-oss-120b' }]);
    assert.match(String(s.requests[0].headers.authorization), /^AWS4-HMAC-SHA256 Credential=AKIDLIST\/\d{8}\/us-west-2\/bedrock-mantle\/aws4_request/);
  });
});
