// Writes schemas/config.schema.json from the zod schema in src/core/config/configSchema.ts.
// Usage: node --import tsx scripts/genSchema.mjs   (a unit test fails when the file is stale)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { configJsonSchemaText } = await import('../src/core/config/configSchema.ts');
const out = resolve(root, 'schemas/config.schema.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, configJsonSchemaText());
console.log(`wrote ${out}`);
