// Errors that point at the configuration (wrong wire_api, /v1 missing or doubled, unknown model),
// exactly which headers go out (the SDK adds none of its own), and Azure's key header and
// api-version.
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { createModelClient } from '../../../src/core/wire/createModelClient';
import { startReplayServer, type RecordedRequest, type ReplayResponse, type ReplayServer } from '../../helpers/sseReplayServer';
import { STREAM_BUILDERS } from './streams';
import { collect, fakeCredentials, instantClock, makeProvider, summarize } from './support';

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const notFound: ReplayResponse = { status: 404, headers: { 'content-type': 'application/json' }, body: '{"detail":"Not Found"}' };
const badRequest: ReplayResponse = { status: 400, headers: { 'content-type': 'application/json' }, body: '{"error":{"message":"model is required"}}' };

async function errorFor(routes: (req: RecordedRequest) => ReplayResponse, provider: (base: string) => ReturnType<typeof makeProvider>, model = 'm') {
  server = await startReplayServer((req) => routes(req));
  const client = createModelClient({ credentials: fakeCredentials(), env: {}, clock: instantClock() });
  const summary = summarize(await collect(client.stream({ provider: provider(server.baseUrl), model, messages: [{ role: 'user', content: 'hi' }] })));
  return summary.error!;
}

describe('404 hints', () => {
  test('chat provider on a server that only answers /responses: check wire_api', async () => {
    const error = await errorFor(
      (req) => (req.url === '/v1/responses' ? badRequest : notFound),
      (base) => makeProvider('chat', `${base}/v1`, { id: 'corp' }),
    );
    assert.equal(error.kind, 'not_found');
    assert.match(error.message, /no \/chat\/completions endpoint \(404\), but it answers \/responses: check wire_api/);
    assert.equal(error.fix, 'Set wire_api = "responses" in [model_providers.corp] (it is "chat" now).');
    assert.deepEqual(error.actions, ['openConfig']);
  });

  test('responses provider on a chat-only server (e.g. an older vLLM): check wire_api', async () => {
    const error = await errorFor(
      (req) => (req.url === '/v1/chat/completions' ? badRequest : notFound),
      (base) => makeProvider('responses', `${base}/v1`),
    );
    assert.match(error.message, /answers \/chat\/completions: check wire_api/);
    assert.match(error.fix!, /wire_api = "chat"/);
  });

  test('base_url without /v1: many servers need /v1 at the end', async () => {
    const error = await errorFor(() => notFound, (base) => makeProvider('chat', base, { id: 'local' }));
    assert.match(error.message, /many servers need \/v1 at the end of base_url/);
    assert.match(error.fix!, new RegExp(`base_url = "http://127\\.0\\.0\\.1:\\d+/v1"`));
  });

  test('/v1 doubled', async () => {
    const error = await errorFor(() => notFound, (base) => makeProvider('chat', `${base}/v1/v1`));
    assert.match(error.message, /the URL contains \/v1\/v1/);
    assert.match(error.fix!, /remove one \/v1/);
  });

  test('unknown model', async () => {
    const error = await errorFor(
      () => ({
        status: 404,
        body: '{"error":{"message":"The model `gpt-9` does not exist or you do not have access to it.","type":"invalid_request_error","code":"model_not_found"}}',
      }),
      (base) => makeProvider('responses', `${base}/v1`),
      'gpt-9',
    );
    assert.match(error.message, /does not know the model `gpt-9` \(404\)\. The provider said: The model `gpt-9` does not exist/);
    assert.deepEqual(error.actions, ['openConfig', 'testConnection']);
  });

  test('a server that is down: connection refused, retried, then a clear error', async () => {
    const probe = await startReplayServer([]);
    const base = probe.baseUrl;
    await probe.close();
    const client = createModelClient({ credentials: fakeCredentials(), env: {}, clock: instantClock() });
    const summary = summarize(
      await collect(client.stream({ provider: makeProvider('chat', `${base}/v1`, { requestMaxRetries: 2 }), model: 'm', messages: [] })),
    );
    assert.equal(summary.retries.length, 2);
    assert.equal(summary.error?.kind, 'network');
    assert.match(summary.error!.message, new RegExp(`Could not connect to ${base.replace(/\./g, '\\.')}: connection refused`));
    assert.match(summary.error!.fix!, /Is the server running/);
  });
});

describe('headers and URLs', () => {
  test('only our headers go out: http_headers, env_http_headers, one Authorization, no SDK extras', async () => {
    server = await startReplayServer(() => ({ body: STREAM_BUILDERS.responses({ text: ['ok'] }) }));
    const client = createModelClient({ credentials: fakeCredentials(['sk-proj-abcdefghijklmnop']), env: { ORG_ID: 'org-42', UNSET: undefined }, clock: instantClock() });
    const provider = makeProvider('responses', `${server.baseUrl}/v1`, {
      httpHeaders: { 'X-Team': 'platform' },
      envHttpHeaders: { 'OpenAI-Organization': 'ORG_ID', 'X-Missing': 'UNSET' },
      queryParams: { 'a b': 'c&d' },
    });
    const summary = summarize(await collect(client.stream({ provider, model: 'gpt-4.1', messages: [] })));
    assert.equal(summary.text, 'ok');
    const req = server.requests[0];
    assert.equal(req.url, '/v1/responses?a%20b=c%26d');
    assert.equal(req.headers.authorization, 'Bearer sk-proj-abcdefghijklmnop');
    assert.equal(req.headers['x-team'], 'platform');
    assert.equal(req.headers['openai-organization'], 'org-42');
    assert.equal(req.headers['x-missing'], undefined);
    assert.equal(req.headers.accept, 'text/event-stream');
    assert.deepEqual(Object.keys(req.headers).filter((h) => h.startsWith('x-stainless')), []);
    assert.equal(JSON.parse(req.body).stream, true);
  });

  test('Azure: deployment as model, api-version from query_params, api-key header and no Authorization', async () => {
    server = await startReplayServer(() => ({ body: STREAM_BUILDERS.responses({ text: ['hello from azure'] }) }));
    const client = createModelClient({ credentials: fakeCredentials(['azure-key-0123456789abcdef'], { type: 'env', name: 'AZURE_OPENAI_API_KEY' }), env: {}, clock: instantClock() });
    const provider = makeProvider('responses', `${server.baseUrl}/openai`, { id: 'azure', name: 'Azure OpenAI', queryParams: { 'api-version': '2025-04-01-preview' } });
    const summary = summarize(await collect(client.stream({ provider, model: 'my-gpt-5-deployment', messages: [{ role: 'user', content: 'hi' }] })));
    assert.equal(summary.text, 'hello from azure');
    const req = server.requests[0];
    assert.equal(req.url, '/openai/responses?api-version=2025-04-01-preview');
    assert.equal(req.headers['api-key'], 'azure-key-0123456789abcdef');
    assert.equal(req.headers.authorization, undefined);
    const body = JSON.parse(req.body);
    assert.equal(body.model, 'my-gpt-5-deployment');
    assert.equal(body.store, true, 'Azure needs stored items');
  });

  test('a 200 JSON body instead of a stream is explained, not retried', async () => {
    server = await startReplayServer(() => ({
      headers: { 'content-type': 'application/json' },
      body: '{"id":"chatcmpl-1","choices":[{"message":{"content":"hi"}}]}',
    }));
    const client = createModelClient({ credentials: fakeCredentials(), env: {}, clock: instantClock() });
    const summary = summarize(await collect(client.stream({ provider: makeProvider('chat', `${server.baseUrl}/v1`), model: 'm', messages: [] })));
    assert.equal(server.requests.length, 1);
    assert.equal(summary.error?.kind, 'protocol');
    assert.match(summary.error!.message, /JSON document instead of an event stream/);
  });

  test('a 200 HTML page (a proxy login page) is reported at once, not retried as a broken stream', async () => {
    server = await startReplayServer(() => ({
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: '<html><body>Please sign in to the corporate proxy</body></html>',
    }));
    const client = createModelClient({ credentials: fakeCredentials(), env: {}, clock: instantClock() });
    const summary = summarize(await collect(client.stream({ provider: makeProvider('chat', `${server.baseUrl}/v1`), model: 'm', messages: [] })));
    assert.equal(server.requests.length, 1);
    assert.equal(summary.error?.kind, 'protocol');
    assert.match(summary.error!.message, /HTML page instead of an event stream/);
    assert.match(summary.error!.fix!, /proxy/);
  });

  test('a provider without base_url is a config error naming the table', async () => {
    const client = createModelClient({ credentials: fakeCredentials(), env: {}, clock: instantClock() });
    const summary = summarize(await collect(client.stream({ provider: makeProvider('chat', '', { id: 'gw', baseUrl: undefined }), model: 'm', messages: [] })));
    assert.equal(summary.error?.kind, 'config');
    assert.match(summary.error!.fix!, /\[model_providers\.gw\]/);
  });
});
