// Provenance: which layer set every provider field, and the plain-text explanation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainConfig } from '../../../src/core/config/explain';
import { PROVIDER_CONFIG_FIELDS } from '../../../src/core/config/providerFields';
import { CODEX_HOME, HOME, USER_FILE, WS_FILE, load } from './loadHelper';

const FILES = {
  [USER_FILE]: [
    'model_provider = "gw"',
    '[model_providers.gw]',
    'name = "Gateway"',
    'base_url = "https://user/v1"',
    'env_key = "GW_KEY"',
    'http_headers = { Authorization = "Bearer sk-HEADERSECRET", "X-Team" = "a" }',
    'experimental_bearer_token = "sk-TOKENSECRET"',
  ].join('\n'),
  [WS_FILE]: '[model_providers.gw]\nwire_api = "chat"\n',
  [`${CODEX_HOME}/p.config.toml`]: '[model_providers.gw]\nstream_max_retries = 9\n',
};

test('fieldSources names a layer, file and line for every field of every provider', async () => {
  const config = await load(FILES, { explicit: { profile: 'p', overrides: ['model_providers.gw.request_max_retries=2'] } });
  for (const p of config.providers) {
    for (const field of PROVIDER_CONFIG_FIELDS) assert.ok(config.fieldSources[p.id]?.[field], `${p.id}.${field}`);
  }
  const gw = config.fieldSources.gw;
  assert.deepEqual(gw.name, { value: 'Gateway', source: 'user', file: USER_FILE, line: 3 });
  assert.deepEqual(gw.wireApi, { value: 'chat', source: 'workspace', file: WS_FILE, line: 2 });
  assert.deepEqual(gw.streamMaxRetries, { value: 9, source: 'profile', file: `${CODEX_HOME}/p.config.toml`, line: 2 });
  assert.deepEqual(gw.requestMaxRetries, { value: 2, source: 'flag' });
  assert.deepEqual(gw.streamIdleTimeoutMs, { value: 300000, source: 'builtin' });
  assert.deepEqual(gw.defaultModel, { value: undefined, source: 'builtin' });
  assert.deepEqual(config.fieldSources.anthropic.baseUrl, { value: 'https://api.anthropic.com/v1', source: 'builtin' });
});

test('provenance values are display-safe: token and secret-looking headers hidden', async () => {
  const config = await load(FILES, { explicit: { profile: 'p' } });
  const gw = config.fieldSources.gw;
  assert.equal(gw.experimentalBearerToken.value, '(hidden)');
  assert.deepEqual(gw.httpHeaders.value, { Authorization: '(hidden)', 'X-Team': 'a' });
  assert.doesNotMatch(JSON.stringify(config.fieldSources), /SECRET/);
});

test('explainConfig tells where provider, model, profile and each field came from, without secrets', async () => {
  const config = await load(FILES, { explicit: { profile: 'p', model: 'm1' } });
  const text = explainConfig(config, { homeDir: HOME });
  assert.match(text, /^Provider: gw \(Gateway\) — from user file ~\/\.codex\/config\.toml:1$/m);
  assert.match(text, /^Model: m1 — from explicit choice/m);
  assert.match(text, /^Profile: p \(profile file\)/m);
  assert.match(text, /^ {2}wireApi\s+"chat"\s+workspace file \/work\/proj\/codex\.toml:2$/m);
  assert.match(text, /^ {2}baseUrl\s+"https:\/\/user\/v1"\s+user file ~\/\.codex\/config\.toml:4$/m);
  assert.match(text, /^ {2}experimentalBearerToken\s+"\(hidden\)"/m);
  assert.match(text, /^ {2}profile-file\s+~\/\.codex\/p\.config\.toml — applied$/m);
  assert.match(text, /warning \[bearer-token-in-config\] ~\/\.codex\/config\.toml:7:1/);
  assert.doesNotMatch(text, /SECRET/);
});

test('explainConfig can detail another provider, and says when nothing is wrong', async () => {
  const config = await load({});
  const text = explainConfig(config, { providerId: 'ollama' });
  assert.match(text, /^Provider "ollama" \(Ollama\) — defined by built-in default$/m);
  assert.match(text, /^ {2}baseUrl\s+"http:\/\/localhost:11434\/v1"\s+built-in default$/m);
  assert.match(text, /^No problems found\.$/m);
  assert.match(explainConfig(config, { providerId: 'nope' }), /Provider "nope" is not defined\./);
});
