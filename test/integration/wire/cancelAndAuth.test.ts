// Cancellation (the socket closes at once, the stream ends with `cancelled`), the 401
// refresh-once rule, and which requests are never retried.
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { createModelClient } from '../../../src/core/wire/createModelClient';
import { systemClock } from '../../../src/core/wire/wireDeps';
import { SwitchboardError } from '../../../src/shared/errors';
import { startFaultServer, type FaultServer, type FaultStep } from '../../helpers/faultServer';
import { STREAM_BUILDERS } from './streams';
import { collect, fakeCredentials, instantClock, makeProvider, summarize, type FakeCredentials } from './support';

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(steps: FaultStep[], credentials: FakeCredentials = fakeCredentials()) {
  server = await startFaultServer(steps);
  const client = createModelClient({ credentials, env: {}, clock: instantClock() });
  return { client, server, credentials };
}

describe('cancellation', () => {
  for (const wire of ['chat', 'responses', 'anthropic'] as const) {
    test(`${wire}: abort mid-stream closes the socket promptly and ends with "cancelled"`, async () => {
      const full = STREAM_BUILDERS[wire]({ text: ['first ', 'second ', 'third'] });
      const stallAt = Buffer.from(full).indexOf('second') - 5;
      const { client } = await setup([{ kind: 'stream', body: full, stallAfter: stallAt }]);
      const controller = new AbortController();
      const stream = client.stream({
        provider: makeProvider(wire, `${server!.baseUrl}/v1`),
        model: 'm',
        messages: [{ role: 'user', content: 'go' }],
        signal: controller.signal,
      });
      const events = [];
      let abortedAt = 0;
      for await (const event of stream) {
        events.push(event);
        if (event.type === 'text-delta' && abortedAt === 0) {
          abortedAt = Date.now();
          controller.abort();
        }
      }
      const closedAt = await server!.waitForClose(0);
      assert.ok(closedAt - abortedAt < 500, `socket closed ${closedAt - abortedAt} ms after abort`);
      assert.deepEqual(summarize(events).text, 'first ');
      assert.deepEqual(events.at(-1), { type: 'error', error: { kind: 'cancelled', message: 'Cancelled.' } });
      assert.equal(server!.requests.length, 1);
    });
  }

  test('abort while waiting for the response headers', async () => {
    const { client } = await setup([{ kind: 'hang' }]);
    const controller = new AbortController();
    const pending = collect(
      client.stream({ provider: makeProvider('chat', `${server!.baseUrl}/v1`), model: 'm', messages: [], signal: controller.signal }),
    );
    await server!.waitForRequest(0);
    const abortedAt = Date.now();
    controller.abort();
    const events = await pending;
    assert.ok((await server!.waitForClose(0)) - abortedAt < 500);
    assert.deepEqual(events, [{ type: 'error', error: { kind: 'cancelled', message: 'Cancelled.' } }]);
  });

  test('abort during a backoff wait ends at once (real clock)', async () => {
    server = await startFaultServer([{ kind: 'status', status: 503, headers: { 'retry-after': '30' } }]);
    const client = createModelClient({ credentials: fakeCredentials(), env: {}, clock: systemClock });
    const controller = new AbortController();
    const events = [];
    const started = Date.now();
    for await (const event of client.stream({ provider: makeProvider('chat', `${server.baseUrl}/v1`), model: 'm', messages: [], signal: controller.signal })) {
      events.push(event);
      if (event.type === 'retry') controller.abort();
    }
    assert.ok(Date.now() - started < 2000);
    assert.equal(events[0].type, 'retry');
    assert.deepEqual(events.at(-1), { type: 'error', error: { kind: 'cancelled', message: 'Cancelled.' } });
  });

  test('an already-aborted signal sends nothing', async () => {
    const { client } = await setup([]);
    const events = await collect(
      client.stream({ provider: makeProvider('chat', `${server!.baseUrl}/v1`), model: 'm', messages: [], signal: AbortSignal.abort() }),
    );
    assert.deepEqual(events, [{ type: 'error', error: { kind: 'cancelled', message: 'Cancelled.' } }]);
    assert.equal(server!.requests.length, 0);
  });

  test('stopping iteration early (break) closes the connection', async () => {
    const full = STREAM_BUILDERS.chat({ text: ['a', 'b', 'c'] });
    const { client } = await setup([{ kind: 'stream', body: full, stallAfter: Buffer.from(full).indexOf('"b"') }]);
    for await (const event of client.stream({ provider: makeProvider('chat', `${server!.baseUrl}/v1`), model: 'm', messages: [] })) {
      if (event.type === 'text-delta') break;
    }
    const closedAt = await server!.waitForClose(0);
    assert.ok(closedAt > 0);
  });
});

describe('authentication', () => {
  test('401 fetches a fresh credential once and retries once with it', async () => {
    const credentials = fakeCredentials(['stale-token-aaaaaaaa', 'fresh-token-bbbbbbbb'], { type: 'command', command: 'gcloud', fetchedAt: 0 });
    const { client } = await setup(
      [
        { kind: 'status', status: 401, body: '{"error":{"message":"token expired"}}' },
        { kind: 'stream', body: STREAM_BUILDERS.chat({ text: ['welcome back'] }) },
      ],
      credentials,
    );
    const summary = summarize(await collect(client.stream({ provider: makeProvider('chat', `${server!.baseUrl}/v1`), model: 'm', messages: [] })));
    assert.equal(summary.text, 'welcome back');
    assert.deepEqual(credentials.calls.map((c) => c.forceRefresh ?? false), [false, true]);
    assert.equal(server!.requests[0].headers.authorization, 'Bearer stale-token-aaaaaaaa');
    assert.equal(server!.requests[1].headers.authorization, 'Bearer fresh-token-bbbbbbbb');
  });

  test('a second 401 fails with an auth error naming where the key came from', async () => {
    const credentials = fakeCredentials(['sk-wrong-key-0000000000000'], { type: 'env', name: 'MY_GATEWAY_KEY' });
    const echo = '{"error":{"message":"Incorrect API key provided: sk-wrong-key-0000000000000"}}';
    const { client } = await setup(
      [
        { kind: 'status', status: 401, body: echo },
        { kind: 'status', status: 401, body: echo },
      ],
      credentials,
    );
    const summary = summarize(await collect(client.stream({ provider: makeProvider('chat', `${server!.baseUrl}/v1`), model: 'm', messages: [] })));
    assert.equal(server!.requests.length, 2);
    assert.equal(summary.error?.kind, 'auth');
    assert.equal(summary.error?.status, 401);
    assert.match(summary.error!.message, /rejected the credential from environment variable MY_GATEWAY_KEY \(401 Unauthorized\)/);
    assert.match(summary.error!.fix!, /MY_GATEWAY_KEY/);
    assert.deepEqual(summary.error?.actions, ['setApiKey', 'openConfig']);
    // The key the server echoed is redacted.
    assert.ok(!JSON.stringify(summary.error).includes('sk-wrong-key-0000000000000'));
    assert.match(summary.error!.message, /\[REDACTED\]/);
  });

  test('403 is an auth error and is not retried', async () => {
    const { client } = await setup([{ kind: 'status', status: 403, body: '{"error":{"message":"model access denied"}}' }]);
    const summary = summarize(await collect(client.stream({ provider: makeProvider('responses', `${server!.baseUrl}/v1`), model: 'm', messages: [] })));
    assert.equal(server!.requests.length, 1);
    assert.equal(summary.error?.kind, 'auth');
    assert.match(summary.error!.message, /refused access .*403 Forbidden.*model access denied/);
  });

  test('a missing credential fails before any request', async () => {
    server = await startFaultServer([]);
    const client = createModelClient({
      credentials: {
        resolve: async () => {
          throw new SwitchboardError({ kind: 'auth', message: 'Missing environment variable OPENAI_API_KEY.', actions: ['setApiKey'] });
        },
      },
      env: {},
      clock: instantClock(),
    });
    const events = await collect(client.stream({ provider: makeProvider('responses', `${server.baseUrl}/v1`), model: 'm', messages: [] }));
    assert.deepEqual(events, [{ type: 'error', error: { kind: 'auth', message: 'Missing environment variable OPENAI_API_KEY.', actions: ['setApiKey'] } }]);
    assert.equal(server.requests.length, 0);
  });
});

describe('never retried', () => {
  for (const status of [400, 404, 422]) {
    test(`${status}: exactly one request`, async () => {
      const { client } = await setup([{ kind: 'status', status, body: '{"error":{"message":"Unsupported parameter: foo"}}' }]);
      const summary = summarize(await collect(client.stream({ provider: makeProvider('anthropic', `${server!.baseUrl}/v1`), model: 'm', messages: [] })));
      // A 404 may probe the other endpoints (to suggest wire_api); the request itself is sent once.
      assert.equal(server!.requests.filter((r) => r.url === '/v1/messages').length, 1);
      assert.equal(summary.retries.length, 0);
      assert.equal(summary.error?.kind, status === 404 ? 'not_found' : 'bad_request');
      assert.equal(summary.error?.retryable, false);
    });
  }

  test('400 quotes the provider, redacted and truncated, never the request headers', async () => {
    const credentials = fakeCredentials(['sk-live-secret-123456789012']);
    const long = 'x'.repeat(5000);
    const { client } = await setup(
      [{ kind: 'status', status: 400, body: JSON.stringify({ error: { message: `Bad value for key sk-live-secret-123456789012 ${long}` } }) }],
      credentials,
    );
    const provider = makeProvider('chat', `${server!.baseUrl}/v1`, { httpHeaders: { 'X-Tenant-Token': 'tenant-secret-value-42' } });
    const summary = summarize(await collect(client.stream({ provider, model: 'm', messages: [] })));
    const shown = JSON.stringify(summary.error);
    assert.equal(summary.error?.kind, 'bad_request');
    assert.match(summary.error!.message, /rejected the request \(400 Bad Request\)\. The provider said: Bad value for key \[REDACTED\]/);
    assert.ok(!shown.includes('sk-live-secret'));
    assert.ok(!shown.includes('tenant-secret-value-42'));
    assert.ok(summary.error!.message.length < 700);
  });
});
