// Key-by-key validation: the fast acceptance path agrees with zod, and problems carry their path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { z } from 'zod';
import { authTableSchema, awsTableSchema, providerTableSchema } from '../../../src/core/config/providerSchema';
import { compileAccept, validateTableAgainst } from '../../../src/core/config/validateTable';
import { createLayer } from '../../../src/core/config/layers';
import { readProviderTable } from '../../../src/core/config/providerTable';
import type { Diagnostic } from '../../../src/core/config/resolvedConfig';

function leaves(schema: z.ZodObject): z.ZodType[] {
  const out: z.ZodType[] = [];
  for (const field of Object.values(schema.shape as Record<string, z.ZodType>)) {
    let s: z.ZodType = field;
    while (s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
    if (s instanceof z.ZodRecord) out.push(s.valueType as z.ZodType);
    else if (!(s instanceof z.ZodObject)) out.push(s);
  }
  return out;
}

const LEAVES = [...leaves(providerTableSchema), ...leaves(authTableSchema), ...leaves(awsTableSchema)];
const SAMPLES: unknown[] = ['', 'x', 'responses', 'chat', 'anthropic', 'grpc', 0, -1, 1, 100, 1.5, NaN, Infinity, 2 ** 60, true, false, [], ['a'], ['a', 1], {}, null, new Date(0)];

test('every leaf schema of a provider table has a fast path, and it accepts exactly what zod accepts', () => {
  for (const schema of LEAVES) {
    const accept = compileAccept(schema);
    assert.ok(accept, `no fast path for ${schema.constructor.name}`);
    for (const v of SAMPLES) assert.equal(accept(v), schema.safeParse(v).success, `${schema.constructor.name} ${String(v)}`);
  }
  fc.assert(
    fc.property(fc.constantFrom(...LEAVES), fc.anything(), (schema, v) => compileAccept(schema)?.(v) === schema.safeParse(v).success),
    { numRuns: 2000 },
  );
});

test('schemas outside the simple set get no fast path (zod decides)', () => {
  assert.equal(compileAccept(z.string().regex(/a/)), undefined);
  assert.equal(compileAccept(z.number().max(3)), undefined);
});

test('problems come back with their key path; valid keys are kept', () => {
  const { value, issues } = validateTableAgainst(providerTableSchema, { name: 'n', http_headers: { A: 'a', B: 1 }, auth: { command: 'c', timeout_ms: 'x', extra: 1 }, bogus: 1 });
  assert.deepEqual(value, { name: 'n', http_headers: { A: 'a' }, auth: { command: 'c' } });
  assert.deepEqual(
    issues.map((i) => [i.kind, i.path.join('.')]),
    [
      ['wrong-type', 'http_headers.B'],
      ['wrong-type', 'auth.timeout_ms'],
      ['unknown-key', 'auth.extra'],
      ['unknown-key', 'bogus'],
    ],
  );
});

test('a valid table is not copied: the result is the table itself, with its keys listed once', () => {
  const table = Object.assign(Object.create(null) as Record<string, unknown>, { name: 'n', http_headers: { A: 'a' }, auth: { command: 'c', args: ['x'] } });
  const { value, keys, issues } = validateTableAgainst(providerTableSchema, table);
  assert.equal(value, table);
  assert.deepEqual(keys, ['name', 'http_headers', 'auth']);
  assert.deepEqual(issues, []);
  // One bad entry anywhere: a copy without it, and the input untouched.
  const bad = { name: 'n', http_headers: { A: 'a', B: 2 } };
  const copied = validateTableAgainst(providerTableSchema, bad);
  assert.notEqual(copied.value, bad);
  assert.deepEqual(copied.value, { name: 'n', http_headers: { A: 'a' } });
  assert.deepEqual(copied.keys, ['name', 'http_headers']);
  assert.deepEqual(bad, { name: 'n', http_headers: { A: 'a', B: 2 } });
});

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

test('reading a provider table never modifies the parsed file: normalised values come back in a copy', () => {
  const raw = deepFreeze({
    base_url: 'https://gw.example.com/v1/',
    request_max_retries: 1000,
    ca_certificate: 'certs/ca.pem',
    auth: { command: 'print-token', timeout_ms: 99_999_999_999 },
  });
  const layer = createLayer({ kind: 'file', source: 'user', file: '/home/u/.codex/config.toml', baseDir: '/home/u/.codex', table: { model_providers: { gw: raw } }, prefix: [], fromWorkspace: false }, []);
  const diagnostics: Diagnostic[] = [];
  const read = readProviderTable(layer, 'gw', raw, { homeDir: '/home/u' }, diagnostics);
  assert.ok(read);
  assert.deepEqual(read.values, {
    base_url: 'https://gw.example.com/v1',
    request_max_retries: 100,
    ca_certificate: '/home/u/.codex/certs/ca.pem',
    auth: { command: 'print-token', timeout_ms: 2_147_483_647 },
  });
  assert.deepEqual(read.keys, ['base_url', 'request_max_retries', 'ca_certificate', 'auth']);
  assert.equal(raw.base_url, 'https://gw.example.com/v1/');
  assert.equal(raw.auth.timeout_ms, 99_999_999_999);
  assert.deepEqual(
    diagnostics.map((d) => d.code),
    ['value-clamped', 'value-clamped'],
  );
});
