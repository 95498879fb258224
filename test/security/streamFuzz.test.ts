// Property-based fuzzing of the wire clients: every recorded stream in /work/shared/corpus/sse,
// mutated (truncated at random offsets, lines and event blocks swapped, deleted or duplicated,
// invalid JSON and unknown event types injected, binary garbage inserted, JSON fields replaced by
// values of the wrong type), served by a local server and read by the real ModelClient of the
// file's protocol, in random small chunks. Properties: every run ENDS within a time budget with
// exactly one terminal event (`done` or a typed `error`) as its last event; the events are
// well-formed; no unhandled promise rejection ever fires. Seeded (printed; SB_FUZZ_SEED reproduces).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import type { WireApi } from '../../src/core/providers/providerInfo';
import { createModelClient } from '../../src/core/wire/createModelClient';
import type { ErrorKind } from '../../src/shared/errors';
import type { StreamEvent } from '../../src/shared/streamEvents';
import { listSseFixtures, sseBodyOf } from '../helpers/corpus';
import { startReplayServer, type ReplayResponse, type ReplayServer } from '../helpers/sseReplayServer';
import { collect, instantClock, withinBudget } from './support';

const SEED = Number(process.env.SB_FUZZ_SEED ?? 20260601);
const CASE_BUDGET_MS = 3000;
const KINDS: ErrorKind[] = ['config', 'auth', 'not_found', 'bad_request', 'rate_limited', 'server', 'network', 'protocol', 'cancelled', 'tool', 'internal'];

const rejections: unknown[] = [];
const onRejection = (reason: unknown) => void rejections.push(reason);
process.on('unhandledRejection', onRejection);

const FIXTURES = listSseFixtures().map((name) => ({ name, body: sseBodyOf(name), wire: (name.startsWith('chat') ? 'chat' : name.startsWith('responses') ? 'responses' : 'anthropic') as WireApi }));
let server: ReplayServer;
let current: ReplayResponse = { body: '' };

before(async () => {
  server = await startReplayServer(() => current);
});
after(async () => {
  process.off('unhandledRejection', onRejection);
  await server.close();
});

type Mutation =
  | { op: 'truncate'; at: number }
  | { op: 'swap-lines' | 'swap-blocks'; a: number; b: number }
  | { op: 'delete-block' | 'duplicate-block'; at: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'garbage'; at: number; bytes: Uint8Array }
  | { op: 'retype'; block: number; key: number; value: unknown };

const pos = fc.double({ min: 0, max: 1, noNaN: true });
const injected = fc.constantFrom(
  'data: {"type":"response.output_text.delta","delta":\n\n',
  'data: {not json}\n\n',
  'data: [DONE]\n\n',
  'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"fuzz"}}\n\n',
  'event: brand_new_event\ndata: {"type":"brand_new_event","payload":{"x":[1,2,3]}}\n\n',
  'data: {"choices":[{"index":0,"delta":{"tool_calls":[{"index":7,"function":{"arguments":"{"}}]}}]}\n\n',
  'data: {"type":"content_block_delta","index":99,"delta":{"type":"input_json_delta","partial_json":"{"}}\n\n',
  'data: {"type":"response.output_item.done","item":{"type":"function_call","name":null}}\n\n',
  'data: null\n\n',
  'data: 42\n\n',
  ': comment\n',
  'retry: 10\n',
  'id: 5\n',
  '\r\n\r\n',
  'data:',
);
const wrongValue = fc.constantFrom<unknown>(null, 0, -1, 1e308, '', 'x', true, [], {}, [null], { type: 'x' });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: pos }),
  fc.record({ op: fc.constantFrom('swap-lines' as const, 'swap-blocks' as const), a: pos, b: pos }),
  fc.record({ op: fc.constantFrom('delete-block' as const, 'duplicate-block' as const), at: pos }),
  fc.record({ op: fc.constant('insert' as const), at: pos, text: injected }),
  fc.record({ op: fc.constant('garbage' as const), at: pos, bytes: fc.uint8Array({ minLength: 1, maxLength: 32 }) }),
  fc.record({ op: fc.constant('retype' as const), block: pos, key: pos, value: wrongValue }),
);

/** Replaces one field (at any depth) of one JSON payload with a value of another type. */
function retype(block: string, keyPos: number, value: unknown): string {
  const m = /^(data: ?)(\{.*\})$/m.exec(block);
  if (!m) return block;
  let json: unknown;
  try {
    json = JSON.parse(m[2]);
  } catch {
    return block;
  }
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    if (v === null || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v)) {
      const p = [...path, Array.isArray(v) ? Number(k) : k];
      paths.push(p);
      walk(x, p);
    }
  };
  walk(json, []);
  if (paths.length === 0) return block;
  const path = paths[Math.floor(keyPos * paths.length)];
  let target = json as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) target = target[k] as Record<string | number, unknown>;
  target[path[path.length - 1]] = value;
  return block.replace(m[0], `${m[1]}${JSON.stringify(json)}`);
}

function mutate(body: Buffer, m: Mutation): Buffer {
  const text = body.toString('latin1'); // byte-preserving
  const at = (p: number) => Math.floor(p * body.length);
  const blocks = () => text.split('\n\n');
  const swap = <T>(xs: T[], a: number, b: number) => {
    const i = Math.floor(a * xs.length);
    const j = Math.floor(b * xs.length);
    [xs[i], xs[j]] = [xs[j], xs[i]];
    return xs;
  };
  switch (m.op) {
    case 'truncate':
      return body.subarray(0, at(m.at));
    case 'swap-lines':
      return Buffer.from(swap(text.split('\n'), m.a, m.b).join('\n'), 'latin1');
    case 'swap-blocks':
      return Buffer.from(swap(blocks(), m.a, m.b).join('\n\n'), 'latin1');
    case 'delete-block':
    case 'duplicate-block': {
      const bs = blocks();
      const i = Math.floor(m.at * bs.length);
      bs.splice(i, m.op === 'delete-block' ? 1 : 0, ...(m.op === 'duplicate-block' ? [bs[i] ?? ''] : []));
      return Buffer.from(bs.join('\n\n'), 'latin1');
    }
    case 'insert':
      return Buffer.concat([body.subarray(0, at(m.at)), Buffer.from(m.text, 'utf8'), body.subarray(at(m.at))]);
    case 'garbage':
      return Buffer.concat([body.subarray(0, at(m.at)), Buffer.from(m.bytes), body.subarray(at(m.at))]);
    case 'retype': {
      const bs = blocks();
      const i = Math.floor(m.block * bs.length);
      bs[i] = retype(Buffer.from(bs[i] ?? '', 'latin1').toString('utf8'), m.key, m.value);
      return Buffer.concat(bs.map((b, k) => Buffer.from(k === i ? b : b, k === i ? 'utf8' : 'latin1')).flatMap((b, k) => (k === 0 ? [b] : [Buffer.from('\n\n'), b])));
    }
  }
}

/** The invariants every event sequence must satisfy. */
function checkEvents(events: StreamEvent[], label: string): StreamEvent {
  assert.ok(events.length > 0, `${label}: no events`);
  const terminal = events.filter((e) => e.type === 'done' || e.type === 'error');
  assert.equal(terminal.length, 1, `${label}: ${terminal.length} terminal events: ${JSON.stringify(terminal).slice(0, 500)}`);
  const last = events[events.length - 1];
  assert.ok(last.type === 'done' || last.type === 'error', `${label}: the stream did not end with done/error`);
  for (const e of events) {
    if (e.type === 'text-delta' || e.type === 'reasoning-delta') assert.equal(typeof e.text, 'string', label);
    if (e.type === 'tool-call-end') assert.ok(typeof e.arguments === 'string' && typeof e.name === 'string', `${label}: malformed tool call`);
    if (e.type === 'error') {
      assert.ok(KINDS.includes(e.error.kind), `${label}: untyped error ${JSON.stringify(e.error)}`);
      assert.ok(typeof e.error.message === 'string' && e.error.message.length > 0, `${label}: error without message`);
    }
  }
  return last;
}

const tally = { done: 0, error: new Map<string, number>(), internal: [] as string[] };

async function streamOnce(fixture: (typeof FIXTURES)[number], body: Buffer, chunkSeed: number, label: string): Promise<StreamEvent> {
  current = { body, chunks: { min: 1, max: 64, seed: chunkSeed } };
  const client = createModelClient({ credentials: { resolve: async () => ({ token: 'sk-fuzz-0000000000000', source: { type: 'env', name: 'FUZZ_KEY' } }) }, env: {}, clock: instantClock() });
  const provider = {
    id: `fuzz-${fixture.wire}`,
    name: 'Fuzz',
    baseUrl: server.baseUrl,
    wireApi: fixture.wire,
    httpHeaders: {},
    envHttpHeaders: {},
    queryParams: {},
    requestMaxRetries: 0,
    streamMaxRetries: 0,
    streamIdleTimeoutMs: 1500,
    supportsWebsockets: false,
    requiresOpenaiAuth: false,
    source: 'user' as const,
    fromWorkspace: false,
  };
  const { value: events } = await withinBudget(label, CASE_BUDGET_MS, () => collect(client.stream({ provider, model: 'fuzz', messages: [{ role: 'user', content: 'hi' }] })));
  const last = checkEvents(events, label);
  if (last.type === 'done') tally.done++;
  else if (last.type === 'error') {
    tally.error.set(last.error.kind, (tally.error.get(last.error.kind) ?? 0) + 1);
    if (last.error.kind === 'internal') tally.internal.push(`${label}: ${last.error.message}`);
  }
  return last;
}

test('every recorded stream unmutated ends with exactly one terminal event', async () => {
  for (const fixture of FIXTURES) await streamOnce(fixture, Buffer.from(fixture.body, 'utf8'), 1, fixture.name);
  assert.deepEqual(rejections, []);
});

test(`mutated recorded streams (100 cases, seed ${SEED}): always terminate, typed errors or a result`, async () => {
  console.log(`stream fuzz seed ${SEED} (SB_FUZZ_SEED=${SEED} reproduces)`);
  tally.done = 0;
  tally.error.clear();
  tally.internal.length = 0;
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 0, max: FIXTURES.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.integer(), async (index, mutations, chunkSeed) => {
      const fixture = FIXTURES[index];
      const body = mutations.reduce(mutate, Buffer.from(fixture.body, 'utf8'));
      await streamOnce(fixture, body, chunkSeed, `${fixture.name} ${JSON.stringify(mutations, (_k, v: unknown) => (v instanceof Uint8Array ? [...v] : v)).slice(0, 300)}`);
    }),
    { seed: SEED, numRuns: 100 },
  );
  console.log(`stream fuzz outcomes: ${tally.done} done; errors ${JSON.stringify(Object.fromEntries(tally.error))}`);
  assert.deepEqual(tally.internal, [], 'malformed provider data should be a protocol/network error, not an internal one');
  assert.deepEqual(rejections, [], 'an unhandled promise rejection fired');
});
