// `-c key=value` overrides: dotted paths, TOML values, bare words as strings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { overridesToTable, parseDottedKey, parseOverrideValue } from '../../../src/core/config/overrides';
import { USER_FILE, load, onlyDiagnostic, provider } from './loadHelper';

test('values: TOML when they parse, otherwise the bare word as a string', () => {
  assert.equal(parseOverrideValue('o3'), 'o3');
  assert.equal(parseOverrideValue('"quoted"'), 'quoted');
  assert.equal(parseOverrideValue(' 42 '), 42);
  assert.equal(parseOverrideValue('true'), true);
  assert.deepEqual(parseOverrideValue('["a", "b"]'), ['a', 'b']);
  assert.deepEqual(parseOverrideValue('{ A = "1" }'), { A: '1' });
  assert.equal(parseOverrideValue('gpt-5-codex'), 'gpt-5-codex');
  assert.equal(parseOverrideValue('https://x.example/v1'), 'https://x.example/v1');
  assert.equal(parseOverrideValue('a b'), 'a b');
});

test('keys: dotted paths with quoted segments', () => {
  assert.deepEqual(parseDottedKey('model_providers.x.base_url'), ['model_providers', 'x', 'base_url']);
  assert.deepEqual(parseDottedKey('model_providers."my.gw".name'), ['model_providers', 'my.gw', 'name']);
  assert.deepEqual(parseDottedKey(" a . 'b c' "), ['a', 'b c']);
  assert.equal(parseDottedKey('a..b'), undefined);
  assert.equal(parseDottedKey(''), undefined);
  assert.equal(parseDottedKey('a."b'), undefined);
});

test('overrides build one nested table; later ones win', () => {
  const diagnostics: never[] = [];
  const table = overridesToTable(['a.b=1', 'a.c="x"', 'a.b=2', 'top=word'], diagnostics);
  assert.deepEqual(JSON.parse(JSON.stringify(table)), { a: { b: 2, c: 'x' }, top: 'word' });
  assert.deepEqual(diagnostics, []);
});

test('-c model and model_provider beat the files and the environment; explicit choices beat -c', async () => {
  const files = { [USER_FILE]: 'model = "file"\n[model_providers.gw]\nbase_url = "https://gw/v1"\n' };
  const c = await load(files, { env: { SWITCHBOARD_MODEL: 'env' }, explicit: { overrides: ['model=o3', 'model_provider=gw'] } });
  assert.deepEqual(c.model, { value: 'o3', source: 'flag' });
  assert.deepEqual(c.provider, { value: 'gw', source: 'flag' });
  const both = await load(files, { explicit: { model: 'explicit', overrides: ['model=o3'] } });
  assert.equal(both.model.value, 'explicit');
});

test('-c can define or change a provider with a nested dotted path', async () => {
  const config = await load(
    { [USER_FILE]: '[model_providers.gw]\nname = "GW"\nbase_url = "https://old/v1"\n' },
    {
      explicit: {
        provider: 'gw',
        overrides: ['model_providers.gw.base_url="https://new.example/v1"', 'model_providers.gw.request_max_retries=7', 'model_providers.fresh.base_url=http://localhost:9/v1', 'model_providers.gw.http_headers.X-Team=platform'],
      },
    },
  );
  const gw = provider(config, 'gw');
  assert.equal(gw.baseUrl, 'https://new.example/v1');
  assert.equal(gw.name, 'GW');
  assert.equal(gw.requestMaxRetries, 7);
  assert.deepEqual(gw.httpHeaders, { 'X-Team': 'platform' });
  assert.equal(config.fieldSources.gw.baseUrl.source, 'flag');
  assert.equal(config.fieldSources.gw.name.source, 'user');
  assert.equal(provider(config, 'fresh').baseUrl, 'http://localhost:9/v1');
  assert.equal(provider(config, 'fresh').source, 'flag');
});

test('-c profile selects a profile; a bad override is an error that does not echo its text', async () => {
  const config = await load({ [USER_FILE]: '[profiles.p]\nmodel = "pm"\n' }, { explicit: { overrides: ['profile=p', 'sk-SECRET-no-equals'] } });
  assert.equal(config.model.value, 'pm');
  assert.equal(config.profile.source, 'flag');
  const d = onlyDiagnostic(config, 'invalid-override');
  assert.equal(d.severity, 'error');
  assert.match(d.message, /number 2/);
  assert.doesNotMatch(JSON.stringify(d), /SECRET/);
});

test('a -c value of the wrong type is reported like a file value, without a file', async () => {
  const config = await load({}, { explicit: { overrides: ['model_providers.gw.base_url="https://gw/v1"', 'model_providers.gw.stream_max_retries=many'] } });
  const d = onlyDiagnostic(config, 'wrong-type');
  assert.equal(d.file, undefined);
  assert.equal(provider(config, 'gw').streamMaxRetries, 5);
});
