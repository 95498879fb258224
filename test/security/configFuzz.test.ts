// Property-based fuzzing of the config loader (fast-check). Inputs: every real Codex config in
// /work/shared/corpus/codex-configs, mutated (characters and lines deleted, inserted, duplicated,
// swapped; truncation; injected unicode, control characters and binary; deep nesting), placed as
// the user file or a workspace file; and TOML generated from random provider tables. Properties:
// loadConfig resolves (never throws, never falls back to the internal-error path), within 2 s per
// case, built-ins stay intact, and every problem in the fuzzed file is a diagnostic naming that
// file with a line (except file-level ones such as "too large"). Seeded: the seed is printed and
// SB_FUZZ_SEED=<n> reproduces a run.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { stringify } from 'smol-toml';
import { loadConfig } from '../../src/core/config/loadConfig';
import type { ResolvedConfig } from '../../src/core/config/resolvedConfig';
import { createMemoryFs } from '../helpers/memoryFs';
import { corpusDir } from '../helpers/corpus';

const SEED = Number(process.env.SB_FUZZ_SEED ?? 20260601);
const HOME = '/home/u';
const USER_FILE = '/home/u/.codex/config.toml';
const CWD = '/work/proj';
const WS_FILE = '/work/proj/codex.toml';
const CASE_BUDGET_MS = 2000;
/** Diagnostics about the file as a whole carry no line. */
const FILE_LEVEL = new Set(['file-too-large', 'not-a-regular-file', 'file-read-error', 'workspace-untrusted']);

const configsDir = join(corpusDir, 'codex-configs');
const CORPUS = readdirSync(configsDir)
  .filter((n) => n.endsWith('.toml'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(configsDir, name), 'utf8') }));

type Mutation =
  | { op: 'delete'; at: number; len: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'duplicate'; at: number; len: number }
  | { op: 'delete-line' | 'duplicate-line'; line: number }
  | { op: 'swap-lines'; a: number; b: number }
  | { op: 'truncate'; at: number }
  | { op: 'nest'; at: number; depth: number; kind: 'array' | 'table' };

const position = fc.double({ min: 0, max: 1, noNaN: true });
const TOKENS = ['[', ']', '[[', ']]', '{', '}', '=', '"', "'", '"""', "'''", '\\', '#', '\n', '\r\n', '.', ',', '\u0000', '\u007f', '\ufeff', '\u202e', '𝔘', 'é', '\ud800', '\t', 'model_providers.', '[model_providers.x]\n', 'auth.command = ', 'inf', 'nan', '1979-05-27T07:32:00Z', '0x', '-'];
const insertText = fc.oneof(
  fc.constantFrom(...TOKENS),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 12 }),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: position, len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('insert' as const), at: position, text: insertText }),
  fc.record({ op: fc.constant('duplicate' as const), at: position, len: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ op: fc.constantFrom('delete-line' as const, 'duplicate-line' as const), line: position }),
  fc.record({ op: fc.constant('swap-lines' as const), a: position, b: position }),
  fc.record({ op: fc.constant('truncate' as const), at: position }),
  fc.record({ op: fc.constant('nest' as const), at: position, depth: fc.integer({ min: 50, max: 10_000 }), kind: fc.constantFrom('array' as const, 'table' as const) }),
);

function mutate(text: string, m: Mutation): string {
  const at = (p: number) => Math.floor(p * text.length);
  const lines = () => text.split('\n');
  switch (m.op) {
    case 'delete':
      return text.slice(0, at(m.at)) + text.slice(at(m.at) + m.len);
    case 'insert':
      return text.slice(0, at(m.at)) + m.text + text.slice(at(m.at));
    case 'duplicate':
      return text.slice(0, at(m.at)) + text.slice(at(m.at), at(m.at) + m.len) + text.slice(at(m.at));
    case 'delete-line':
    case 'duplicate-line': {
      const ls = lines();
      const i = Math.floor(m.line * ls.length);
      ls.splice(i, m.op === 'delete-line' ? 1 : 0, ...(m.op === 'duplicate-line' ? [ls[i] ?? ''] : []));
      return ls.join('\n');
    }
    case 'swap-lines': {
      const ls = lines();
      const a = Math.floor(m.a * ls.length);
      const b = Math.floor(m.b * ls.length);
      [ls[a], ls[b]] = [ls[b], ls[a]];
      return ls.join('\n');
    }
    case 'truncate':
      return text.slice(0, at(m.at));
    case 'nest': {
      const [open, close] = m.kind === 'array' ? ['[', ']'] : ['{ k = ', ' }'];
      return `${text.slice(0, at(m.at))}\nnested = ${open.repeat(m.depth)}1${close.repeat(m.depth)}\n${text.slice(at(m.at))}`;
    }
  }
}

const violations: string[] = [];

/** Loads `text` as `where` and checks the properties; returns the time taken. */
async function check(text: string, where: 'user' | 'workspace', label: string): Promise<number> {
  const file = where === 'user' ? USER_FILE : WS_FILE;
  const fs = createMemoryFs({ [file]: text });
  const started = performance.now();
  let config: ResolvedConfig;
  try {
    config = await loadConfig({ cwd: CWD, env: {}, fs, homeDir: HOME, trustWorkspace: true });
  } catch (error) {
    assert.fail(`${label}: loadConfig threw ${String(error)}`);
  }
  const ms = performance.now() - started;
  assert.ok(ms < CASE_BUDGET_MS, `${label}: took ${ms.toFixed(0)} ms`);
  const internal = config.diagnostics.filter((d) => d.code === 'internal-error');
  assert.deepEqual(internal, [], `${label}: the loader failed internally`);
  assert.ok(config.providers.some((p) => p.id === 'anthropic') && config.providers.some((p) => p.id === 'openai'), `${label}: built-ins lost`);
  for (const d of config.diagnostics) {
    assert.ok(typeof d.message === 'string' && d.message.length > 0, `${label}: empty diagnostic message`);
    if (d.file !== file || FILE_LEVEL.has(d.code)) continue;
    if (typeof d.line !== 'number' || d.line < 1) violations.push(`${label}: ${d.code} without a line: ${d.message}`);
  }
  return ms;
}

test(`mutated corpus configs (200 cases, seed ${SEED}): no crash, no hang, positioned diagnostics`, async () => {
  console.log(`config fuzz seed ${SEED} (SB_FUZZ_SEED=${SEED} reproduces)`);
  let slowest = 0;
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 0, max: CORPUS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.constantFrom('user' as const, 'workspace' as const), async (index, mutations, where) => {
      const text = mutations.reduce(mutate, CORPUS[index].text);
      const ms = await check(text, where, `${CORPUS[index].name} ${JSON.stringify(mutations).slice(0, 300)} as ${where}`);
      slowest = Math.max(slowest, ms);
    }),
    { seed: SEED, numRuns: 200 },
  );
  console.log(`config fuzz: slowest mutated case ${slowest.toFixed(0)} ms`);
  assert.deepEqual(violations, []);
});

test('every corpus config unmutated, and each cut at 8 points, satisfies the same properties', async () => {
  for (const { name, text } of CORPUS) {
    await check(text, 'user', name);
    for (let i = 1; i <= 8; i++) {
      const at = Math.floor((text.length * i) / 9);
      await check(text.slice(0, at), 'workspace', `${name} cut at ${at}`);
    }
  }
  assert.deepEqual(violations, []);
});

const KEYS = ['name', 'base_url', 'env_key', 'env_key_instructions', 'wire_api', 'http_headers', 'env_http_headers', 'query_params', 'request_max_retries', 'stream_max_retries', 'stream_idle_timeout_ms', 'supports_websockets', 'requires_openai_auth', 'experimental_bearer_token', 'auth', 'aws', 'default_model', 'ca_certificate', 'unknown_key'];
const tomlValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ maxLength: 20 }),
    fc.integer(),
    fc.double({ noNaN: false }),
    fc.boolean(),
    fc.constantFrom('responses', 'chat', 'anthropic', 'http://127.0.0.1:1/v1', '', ' ', '${HOME}'),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), tie('value'), { maxKeys: 3 }),
  ),
})).value;
const providerTable = fc.dictionary(fc.constantFrom(...KEYS), tomlValue, { maxKeys: 8 });
const generatedConfig = fc.record(
  {
    model_provider: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('openai', 'gen0', 'anthropic')),
    model: tomlValue,
    profile: fc.string({ maxLength: 6 }),
    model_providers: fc.dictionary(fc.oneof(fc.constantFrom('gen0', 'openai', 'azure', 'amazon-bedrock', 'ollama'), fc.string({ minLength: 1, maxLength: 10 })), providerTable, { maxKeys: 4 }),
    profiles: fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.dictionary(fc.constantFrom('model', 'model_provider', 'model_providers'), tomlValue, { maxKeys: 3 }), { maxKeys: 2 }),
  },
  { requiredKeys: [] },
);

test(`generated configs (100 cases, seed ${SEED}): every shape of provider table resolves`, async () => {
  let generated = 0;
  await fc.assert(
    fc.asyncProperty(generatedConfig, fc.constantFrom('user' as const, 'workspace' as const), async (object, where) => {
      let text: string;
      try {
        text = stringify(object);
      } catch {
        return; // not representable as TOML (e.g. mixed arrays smol-toml refuses)
      }
      generated++;
      await check(text, where, `generated ${text.slice(0, 300)}`);
    }),
    { seed: SEED, numRuns: 100 },
  );
  assert.ok(generated > 50, `only ${generated} generated configs were valid TOML`);
  assert.deepEqual(violations, []);
});
