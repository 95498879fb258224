// schemas/config.schema.json is generated from the zod schema and must be kept current.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { configJsonSchema, configJsonSchemaText } from '../../../src/core/config/configSchema';
import { PROVIDER_TABLE_KEYS } from '../../../src/core/config/providerSchema';

const SCHEMA_FILE = resolve(__dirname, '../../../schemas/config.schema.json');

test('the committed JSON Schema equals the generated one (run: node --import tsx scripts/genSchema.mjs)', () => {
  assert.equal(readFileSync(SCHEMA_FILE, 'utf8'), configJsonSchemaText());
});

test('every provider key is in the schema with a description; other Codex keys are allowed', () => {
  const schema = configJsonSchema() as {
    properties: { model_providers: { additionalProperties: { properties: Record<string, { description?: string }> } } };
    additionalProperties?: unknown;
  };
  const provider = schema.properties.model_providers.additionalProperties.properties;
  assert.deepEqual(Object.keys(provider), [...PROVIDER_TABLE_KEYS]);
  for (const key of PROVIDER_TABLE_KEYS) assert.ok(provider[key].description, `${key} has a description`);
  assert.deepEqual(schema.additionalProperties, {});
});
