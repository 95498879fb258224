// Provider faults during a chat session, end to end: the real AgentSession + createModelClient +
// credential resolver + Node session store against the fault server. A connection dropped
// mid-stream, a stream stalled past stream_idle_timeout_ms, 429, 500, and a 401 cured by a fresh
// auth-command token: each turn recovers, or ends with a clear error; and the session file on
// disk always holds every piece of text that was shown (all text-delta events of the turn).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { AgentSession, type TurnResult } from '../../src/core/agent/agentSession';
import type { AgentEvent } from '../../src/core/agent/agentEvents';
import type { SessionRecord } from '../../src/core/agent/sessionStore';
import type { CredentialResolver } from '../../src/core/providers/credential';
import { createCredentialResolver } from '../../src/core/providers/credentialResolver';
import type { ProviderInfo } from '../../src/core/providers/providerInfo';
import { createModelClient } from '../../src/core/wire/createModelClient';
import { createNodeSessionStore } from '../../src/node/nodeSessionStore';
import { createNodeProcessRunner } from '../../src/node/processRunner';
import { createNodeWorkspaceFiles } from '../../src/node/nodeWorkspaceFiles';
import { startFaultServer, type FaultServer, type FaultStep } from '../helpers/faultServer';
import { instantClock, q, responsesStream, tempDir, writeFiles } from './support';

const ANSWER = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ') + '.';
const BODY = responsesStream(ANSWER, 40);

function providerFor(server: FaultServer, overrides: Partial<ProviderInfo> = {}): ProviderInfo {
  return {
    id: 'faulty',
    name: 'Faulty',
    baseUrl: `${server.baseUrl}/v1`,
    wireApi: 'responses',
    envKey: 'FAULT_KEY',
    httpHeaders: {},
    envHttpHeaders: {},
    queryParams: {},
    requestMaxRetries: 2,
    streamMaxRetries: 2,
    streamIdleTimeoutMs: 400,
    supportsWebsockets: false,
    requiresOpenaiAuth: false,
    source: 'user',
    fromWorkspace: false,
    ...overrides,
  };
}

interface Outcome {
  result: TurnResult;
  shown: string;
  saved: SessionRecord;
  events: AgentEvent[];
}

/** One turn on a fresh session saved by the Node store; `shown` is every text-delta, in order. */
async function turn(server: FaultServer, provider: ProviderInfo, credentials?: CredentialResolver): Promise<Outcome> {
  const storeDir = tempDir('sb-sec-faults-');
  const client = createModelClient({
    credentials: credentials ?? createCredentialResolver({ env: { FAULT_KEY: 'sk-fault-key-00000000' } }),
    env: {},
    clock: instantClock(),
  });
  const session = new AgentSession({ client, files: createNodeWorkspaceFiles(tempDir()), provider, model: 'm', store: createNodeSessionStore(storeDir), flushIntervalMs: 5 });
  const events: AgentEvent[] = [];
  let shown = '';
  session.onEvent((e) => {
    events.push(e);
    if (e.type === 'stream' && e.event.type === 'text-delta') shown += e.event.text;
  });
  const result = await session.send('tell me');
  await session.flush();
  const saved = JSON.parse(readFileSync(join(storeDir, `${session.id}.json`), 'utf8')) as SessionRecord;
  return { result, shown, saved, events };
}

function savedAssistantText(record: SessionRecord): string {
  return record.transcript.map((e) => (e.type === 'message' && e.message.role === 'assistant' ? e.message.content : '')).join('');
}

function assertTranscriptHoldsShownText(o: Outcome): void {
  assert.equal(savedAssistantText(o.saved), o.shown, 'the saved transcript must hold exactly the text that was shown');
}

async function withServer(script: FaultStep[] | ((index: number, server: FaultServer) => FaultStep), fn: (server: FaultServer) => Promise<void>) {
  const holder: { server?: FaultServer } = {};
  const server = await startFaultServer(typeof script === 'function' ? (i) => script(i, holder.server!) : script);
  holder.server = server;
  try {
    await fn(server);
  } finally {
    await server.close();
  }
}

test('connection dropped mid-stream, then a good retry: the full answer once, saved as shown', async () => {
  await withServer([{ kind: 'stream', body: BODY, dropAfter: Math.floor(BODY.length / 2) }, { kind: 'stream', body: BODY }], async (server) => {
    const o = await turn(server, providerFor(server));
    assert.equal(o.result.reason, 'completed');
    assert.equal(o.shown, ANSWER, 'text shown before the drop is not repeated');
    assert.ok(o.events.some((e) => e.type === 'stream' && e.event.type === 'retry'));
    assertTranscriptHoldsShownText(o);
  });
});

test('connection dropped mid-stream with no retries left: a clear error, the partial text kept', async () => {
  await withServer([{ kind: 'stream', body: BODY, dropAfter: Math.floor(BODY.length / 2) }], async (server) => {
    const o = await turn(server, providerFor(server, { streamMaxRetries: 0 }));
    assert.equal(o.result.reason, 'error');
    assert.equal(o.result.error?.kind, 'network');
    assert.match(o.result.error?.message ?? '', /connection|ended before the response was complete/i);
    assert.ok(o.shown.length > 0 && ANSWER.startsWith(o.shown) && o.shown !== ANSWER);
    assertTranscriptHoldsShownText(o);
    assert.ok(o.saved.transcript.some((e) => e.type === 'message' && e.state === 'failed'));
    assert.ok(o.saved.transcript.some((e) => e.type === 'error' && e.error.kind === 'network'), 'the error is saved too');
  });
});

test('a stream stalled past stream_idle_timeout_ms is retried and completes', async () => {
  await withServer([{ kind: 'stream', body: BODY, stallAfter: Math.floor(BODY.length / 3) }, { kind: 'stream', body: BODY }], async (server) => {
    const started = Date.now();
    const o = await turn(server, providerFor(server));
    assert.equal(o.result.reason, 'completed');
    assert.equal(o.shown, ANSWER);
    assert.ok(Date.now() - started < 5000);
    assertTranscriptHoldsShownText(o);
  });
});

test('a stall with no retries left ends with the stall named and how to fix it', async () => {
  await withServer([{ kind: 'stream', body: BODY, stallAfter: Math.floor(BODY.length / 3) }], async (server) => {
    const o = await turn(server, providerFor(server, { streamMaxRetries: 0 }));
    assert.equal(o.result.reason, 'error');
    assert.match(o.result.error?.message ?? '', /stalled: no data for/);
    assert.match(o.result.error?.fix ?? '', /stream_idle_timeout_ms/);
    assertTranscriptHoldsShownText(o);
  });
});

test('429 then success, 500 then success: recovered transparently', async () => {
  for (const status of [429, 500]) {
    await withServer([{ kind: 'status', status, headers: { 'retry-after': '0' }, body: '{"error":{"message":"busy"}}' }, { kind: 'stream', body: BODY }], async (server) => {
      const o = await turn(server, providerFor(server));
      assert.equal(o.result.reason, 'completed', `${status}`);
      assert.equal(o.shown, ANSWER);
      assertTranscriptHoldsShownText(o);
    });
  }
});

test('500 on every attempt: ends saying it gave up, with the provider words', async () => {
  await withServer(() => ({ kind: 'status', status: 500, body: '{"error":{"message":"database on fire"}}' }), async (server) => {
    const o = await turn(server, providerFor(server));
    assert.equal(o.result.reason, 'error');
    assert.equal(o.result.error?.kind, 'server');
    assert.match(o.result.error?.message ?? '', /server error \(500 Internal Server Error\)\. The provider said: database on fire \(gave up after 2 retries\)/);
    assert.equal(server.requests.length, 3);
    assertTranscriptHoldsShownText(o);
  });
});

test('401, then the auth command is run again and its fresh token is accepted', async () => {
  const dir = tempDir();
  const counter = join(dir, 'runs');
  writeFiles(dir, { 'token.cjs': `const fs=require('fs');fs.appendFileSync(${q(counter)},'x');process.stdout.write('tok-'+fs.readFileSync(${q(counter)},'utf8').length);` });
  await withServer(
    (i, server) => (server.requests[i].headers.authorization === 'Bearer tok-2' ? { kind: 'stream', body: BODY } : { kind: 'status', status: 401, body: '{"error":{"message":"token expired"}}' }),
    async (server) => {
      const provider = providerFor(server, { envKey: undefined, auth: { command: process.execPath, args: [join(dir, 'token.cjs')], timeoutMs: 5000, refreshIntervalMs: 0 } });
      const credentials = createCredentialResolver({ env: { PATH: process.env.PATH }, processRunner: createNodeProcessRunner() });
      const o = await turn(server, provider, credentials);
      assert.equal(o.result.reason, 'completed', JSON.stringify(o.result.error));
      assert.deepEqual(server.requests.map((r) => r.headers.authorization), ['Bearer tok-1', 'Bearer tok-2']);
      assert.equal(readFileSync(counter, 'utf8'), 'xx', 'the command ran twice');
      assert.equal(o.shown, ANSWER);
      assertTranscriptHoldsShownText(o);
    },
  );
});

test('401 that a fresh token does not cure: a clear auth error naming the command', async () => {
  const dir = tempDir();
  writeFiles(dir, { 'token.cjs': "process.stdout.write('tok-stale')" });
  await withServer(() => ({ kind: 'status', status: 401, body: '{"error":{"message":"nope"}}' }), async (server) => {
    const provider = providerFor(server, { envKey: undefined, auth: { command: process.execPath, args: [join(dir, 'token.cjs')], timeoutMs: 5000, refreshIntervalMs: 0 } });
    const o = await turn(server, provider, createCredentialResolver({ env: { PATH: process.env.PATH }, processRunner: createNodeProcessRunner() }));
    assert.equal(o.result.reason, 'error');
    assert.equal(o.result.error?.kind, 'auth');
    assert.match(o.result.error?.message ?? '', /rejected the credential from auth command/);
    assert.equal(server.requests.length, 2, 'one refresh, then it stops');
    assertTranscriptHoldsShownText(o);
  });
});
