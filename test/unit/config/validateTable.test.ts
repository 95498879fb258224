// Key-by-key validation: the fast acceptance path agrees with zod, and problems carry their path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { z } from 'zod';
import { authTableSchema, awsTableSchema, providerTableSchema } from '../../../src/core/config/providerSchema';
import { compileAccept, validateTableAgainst } from '../../../src/core/config/validateTable';

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
