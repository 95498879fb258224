// Positions and provenance are computed when first read, not while loading: a line asked for after
// the load is the one an immediate scan of the file gives, for every way TOML can define a key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPositionIndex, scanPositionIndex } from '../../../src/core/config/locate';
import { copyLine, isLinePending, setLazyLine } from '../../../src/core/config/lazyLine';
import { PROVIDER_FIELD_OF, PROVIDER_TABLE_KEYS } from '../../../src/core/config/providerSchema';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { corpusDir } from '../../helpers/corpus';
import { USER_FILE, load, provider } from './loadHelper';

/** One provider per way of writing a table: header, dotted keys, inline table, quoted ids, sub-tables. */
const FORMS = [
  'model_provider = "hdr"', // 1
  'profile = "team"', // 2
  'model_providers.dotted.base_url = "https://dotted/v1"', // 3
  'model_providers.dotted.auth.command = "gcloud"', // 4
  'model_providers.inline = { base_url = "https://inline/v1", http_headers = { "X-A" = "a" }, auth = { command = "c", args = ["x"] } }', // 5
  '', // 6
  '[model_providers.hdr]', // 7
  'name = "Header"', // 8
  '  base_url = "https://hdr/v1"', // 9
  'wire_api = "chat"', // 10
  'query_params = { "api-version" = "1" }', // 11
  '', // 12
  '[model_providers.hdr.auth]', // 13
  'command = "print-token"', // 14
  'timeout_ms = 1000', // 15
  '', // 16
  '[model_providers."quoted id"]', // 17
  "base_url = 'https://quoted/v1'", // 18
  '"env_key" = "Q_KEY"', // 19
  '', // 20
  "[model_providers.'lit.id']", // 21
  'base_url = "https://lit/v1"', // 22
  '', // 23
  '[profiles.team]', // 24
  'model = "m-team"', // 25
  '', // 26
  '[[hooks.pre]]', // 27
  'command = "a"', // 28
  '[[hooks.pre]]', // 29
  'command = "b"', // 30
].join('\n');

const IDS = ['dotted', 'inline', 'hdr', 'quoted id', 'lit.id'];

test('after a load no line is computed yet; each one read later is the line a scan of the file gives', async () => {
  const config = await load({ [USER_FILE]: FORMS });
  const index = scanPositionIndex(FORMS);
  for (const id of IDS) assert.ok(isLinePending(provider(config, id)), `${id}: line already computed`);
  assert.ok(isLinePending(config.provider) && isLinePending(config.model) && isLinePending(config.profile));

  for (const id of IDS) assert.equal(provider(config, id).line, index.lineOf(['model_providers', id]), id);
  assert.deepEqual(
    IDS.map((id) => provider(config, id).line),
    [3, 5, 7, 17, 21],
  );
  assert.deepEqual([config.provider.line, config.model.line, config.profile.line], [1, 25, 2]);
  // Read once, a line is a plain data property.
  const hdr = provider(config, 'hdr');
  assert.equal(isLinePending(hdr), false);
  assert.equal(Object.getOwnPropertyDescriptor(hdr, 'line')?.value, 7);
});

test('a model taken from the provider\'s default_model points at that key, located on first read', async () => {
  const text = ['model_provider = "gw"', '[model_providers.gw]', 'base_url = "https://gw/v1"', '', 'default_model = "m1"'].join('\n');
  const config = await load({ [USER_FILE]: text });
  assert.ok(isLinePending(config.model));
  assert.deepEqual(config.model, { value: 'm1', source: 'user', file: USER_FILE, line: 5 });
  assert.equal(config.fieldSources.gw.defaultModel.line, 5);
});

test('provenance lines, read after the load, match a scan for keys in every form (dotted, inline, quoted, sub-tables)', async () => {
  const config = await load({ [USER_FILE]: FORMS });
  const index = scanPositionIndex(FORMS);
  const expected = (id: string, path: string[]) => index.lineOf(['model_providers', id, ...path]);
  assert.equal(config.fieldSources.dotted.baseUrl.line, expected('dotted', ['base_url']));
  assert.equal(config.fieldSources.dotted['auth.command'].line, 4);
  assert.deepEqual(
    ['baseUrl', 'httpHeaders', 'auth', 'auth.command', 'auth.args'].map((f) => config.fieldSources.inline[f].line),
    [5, 5, 5, 5, 5],
  );
  assert.deepEqual(
    ['name', 'baseUrl', 'wireApi', 'queryParams', 'auth', 'auth.command', 'auth.timeoutMs'].map((f) => config.fieldSources.hdr[f].line),
    [8, 9, 10, 11, 13, 14, 15],
  );
  assert.deepEqual([config.fieldSources['quoted id'].baseUrl.line, config.fieldSources['quoted id'].envKey.line], [18, 19]);
  assert.equal(config.fieldSources['lit.id'].baseUrl.line, 22);
  assert.deepEqual(config.fieldSources.hdr.name, { value: 'Header', source: 'user', file: USER_FILE, line: 8 });
  // Every key every table sets: the lazily found line is the scan's.
  let checked = 0;
  for (const id of IDS) {
    for (const key of PROVIDER_TABLE_KEYS) {
      if (!index.find(['model_providers', id, key])) continue;
      assert.equal(config.fieldSources[id][PROVIDER_FIELD_OF[key]].line, expected(id, [key]), `${id}.${key}`);
      checked++;
    }
  }
  assert.equal(checked, 13);
});

test('positions of problems found while loading are exact, for keys in inline tables and dotted form', async () => {
  const text = ['model_providers.a.request_max_retries = "x"', 'model_providers.b = { name = "B", wire_api = "grpc", base_url = "https://b/v1" }', '[[model_providers.arr]]', 'name = "no"'].join('\n');
  const config = await load({ [USER_FILE]: text });
  const at = (code: string) => config.diagnostics.filter((d) => d.code === code).map((d) => [d.line, d.column, d.endLine, d.endColumn]);
  assert.deepEqual(at('wrong-type'), [
    [1, 1, 1, 38],
    [3, 1, 3, 24],
  ]);
  assert.deepEqual(at('unknown-wire-api'), [[2, 35, 2, 43]]);
});

test('fieldSources: one entry per provider in order, each computed on first read, then plain data', async () => {
  const config = await load({ [USER_FILE]: FORMS });
  const record = config.fieldSources;
  assert.deepEqual(
    Object.keys(record),
    config.providers.map((p) => p.id),
  );
  for (const id of Object.keys(record)) assert.equal(typeof Object.getOwnPropertyDescriptor(record, id)?.get, 'function', id);
  const hdr = record.hdr;
  assert.equal(hdr.wireApi.value, 'chat');
  assert.equal(Object.getOwnPropertyDescriptor(record, 'hdr')?.value, hdr, 'settled as data');
  assert.equal(record.hdr, hdr, 'computed once');
  assert.equal(typeof Object.getOwnPropertyDescriptor(record, 'inline')?.get, 'function', 'other providers still lazy');
  // Assignment replaces an entry; serialization and spreading see every entry.
  record.inline = {};
  assert.deepEqual(record.inline, {});
  const json = JSON.parse(JSON.stringify(config.fieldSources)) as typeof record;
  assert.equal(json['quoted id'].envKey.line, 19);
  assert.equal({ ...config }.fieldSources.dotted.baseUrl.value, 'https://dotted/v1');
});

test('computing provenance later adds no diagnostics and does not change the providers', async () => {
  const text = ['[model_providers.gw]', 'base_url = "https://gw/v1"', 'env_key = "K"', '[model_providers.gw.auth]', 'command = "t"'].join('\n');
  const config = await load({ [USER_FILE]: text });
  const before = JSON.stringify({ d: config.diagnostics, p: config.providers });
  assert.equal(config.diagnostics.filter((d) => d.code === 'auth-conflict').length, 1);
  assert.equal(config.fieldSources.gw['auth.command'].line, 5);
  assert.equal(JSON.stringify({ d: config.diagnostics, p: config.providers }), before);
});

test('a lazy line is a normal property: keys, JSON, structuredClone, spread, deep equality, assignment, frozen objects', () => {
  let calls = 0;
  const make = () => {
    const o: { value: string; line?: number } = { value: 'v' };
    setLazyLine(o, () => {
      calls++;
      return 12;
    });
    return o;
  };
  const a = make();
  assert.deepEqual(Object.keys(a), ['value', 'line']);
  assert.equal(calls, 0);
  assert.equal(JSON.stringify(a), '{"value":"v","line":12}');
  assert.equal(a.line, 12);
  assert.equal(calls, 1, 'computed once');
  assert.deepEqual(structuredClone(make()), { value: 'v', line: 12 });
  assert.deepEqual({ ...make() }, { value: 'v', line: 12 });
  assert.deepEqual(make(), { value: 'v', line: 12 });
  const assigned = make();
  assigned.line = 3;
  assert.equal(assigned.line, 3);
  const frozen = Object.freeze(make());
  assert.equal(frozen.line, 12);
  assert.equal(frozen.line, 12);

  // A line that cannot be found disappears, as if it had never been set.
  const missing: { value: string; line?: number } = { value: 'v' };
  setLazyLine(missing, () => undefined);
  assert.equal(missing.line, undefined);
  assert.deepEqual(Object.keys(missing), ['value']);

  // Copies stay lazy until read; a computed line is copied as a number.
  calls = 0;
  const source = make();
  const copy: { line?: number } = {};
  copyLine(source, copy);
  assert.ok(isLinePending(copy));
  assert.equal(copy.line, 12);
  assert.equal(source.line, 12);
  const settled: { line?: number } = {};
  copyLine(source, settled);
  assert.equal(isLinePending(settled), false);
  assert.equal(settled.line, 12);
});

test('the lazy position index answers every question exactly as an immediate scan, on the whole corpus', () => {
  const dir = path.join(corpusDir, 'codex-configs');
  const files = readdirSync(dir).filter((f) => f.endsWith('.toml'));
  assert.ok(files.length >= 50);
  for (const file of files) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const lazy = buildPositionIndex(text);
    const eager = scanPositionIndex(text);
    for (const path of keyPaths(text)) {
      assert.deepEqual(lazy.find(path), eager.find(path), `${file} ${path.join('.')}`);
      assert.deepEqual(lazy.findNearest([...path, 'zz']), eager.findNearest([...path, 'zz']), `${file} ${path.join('.')}`);
      assert.equal(lazy.lineOf(path), eager.lineOf(path));
      assert.equal(lazy.childLines(path.slice(0, -1))(path[path.length - 1]), eager.lineOf(path));
    }
  }
});

/** Candidate key paths of a text: every dotted run of bare words in it (enough to probe the index). */
function keyPaths(text: string): string[][] {
  const out: string[][] = [];
  for (const match of text.matchAll(/[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)*/g)) out.push(match[0].split('.'));
  return out.slice(0, 400);
}
