// Built-in providers, custom provider defaults, and the rules for provider tables.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUILTIN_PROVIDERS, RESERVED_PROVIDER_IDS } from '../../../src/core/providers/builtins';
import { USER_FILE, WS_FILE, diagnosticsWith, load, onlyDiagnostic, provider } from './loadHelper';

test('built-in definitions', async () => {
  const config = await load({});
  const anthropic = provider(config, 'anthropic');
  assert.equal(anthropic.baseUrl, 'https://api.anthropic.com/v1');
  assert.equal(anthropic.wireApi, 'anthropic');
  assert.equal(anthropic.envKey, 'ANTHROPIC_API_KEY');
  assert.deepEqual(anthropic.httpHeaders, { 'anthropic-version': '2023-06-01' });
  const openai = provider(config, 'openai');
  assert.deepEqual([openai.baseUrl, openai.wireApi, openai.envKey, openai.defaultModel], ['https://api.openai.com/v1', 'responses', 'OPENAI_API_KEY', 'gpt-5']);
  const ollama = provider(config, 'ollama');
  // Codex 0.169's OSS built-ins speak the Responses API.
  assert.deepEqual([ollama.baseUrl, ollama.wireApi, ollama.envKey, ollama.defaultModel], ['http://localhost:11434/v1', 'responses', undefined, 'llama3.2']);
  const lmstudio = provider(config, 'lmstudio');
  assert.deepEqual([lmstudio.baseUrl, lmstudio.wireApi, lmstudio.envKey], ['http://localhost:1234/v1', 'responses', undefined]);
  const azure = provider(config, 'azure');
  assert.deepEqual([azure.baseUrl, azure.wireApi, azure.envKey, azure.queryParams], [undefined, 'responses', 'AZURE_OPENAI_API_KEY', { 'api-version': '2025-04-01-preview' }]);
  assert.equal(provider(config, 'amazon-bedrock').baseUrl, undefined);
  assert.deepEqual([...RESERVED_PROVIDER_IDS].sort(), ['anthropic', 'lmstudio', 'ollama', 'openai']);
  // The exported definitions cannot be changed by accident.
  assert.throws(() => {
    (BUILTIN_PROVIDERS[0].httpHeaders as Record<string, string>)['x'] = 'y';
  });
  // Loaded providers are copies, safe to change.
  (anthropic.httpHeaders as Record<string, string>).extra = '1';
  assert.equal(BUILTIN_PROVIDERS[0].httpHeaders.extra, undefined);
});

test('a custom provider gets Codex defaults; one trailing slash is stripped from base_url', async () => {
  const config = await load({ [USER_FILE]: '[model_providers.gw]\nbase_url = "https://gw.example/v1/"\n' });
  const gw = provider(config, 'gw');
  assert.deepEqual(gw, {
    id: 'gw',
    name: 'gw',
    baseUrl: 'https://gw.example/v1',
    wireApi: 'responses',
    httpHeaders: {},
    envHttpHeaders: {},
    queryParams: {},
    requestMaxRetries: 4,
    streamMaxRetries: 5,
    streamIdleTimeoutMs: 300000,
    supportsWebsockets: false,
    requiresOpenaiAuth: false,
    source: 'user',
    fromWorkspace: false,
    file: USER_FILE,
    line: 1,
  });
});

test('retry counts above Codex\'s cap of 100 are clamped with a warning at their line', async () => {
  const config = await load({ [USER_FILE]: '[model_providers.gw]\nbase_url = "https://gw/v1"\nrequest_max_retries = 500\nstream_max_retries = 101\n' });
  const gw = provider(config, 'gw');
  assert.equal(gw.requestMaxRetries, 100);
  assert.equal(gw.streamMaxRetries, 100);
  const ds = diagnosticsWith(config, 'value-clamped');
  assert.deepEqual(ds.map((d) => [d.severity, d.line, d.column]), [['warning', 3, 1], ['warning', 4, 1]]);
});

test('a value of the wrong type is an error at its line and only that key is dropped', async () => {
  const config = await load({ [USER_FILE]: '[model_providers.gw]\nbase_url = "https://gw/v1"\n  request_max_retries = "4"\nhttp_headers = { A = "1", B = 2 }\n' });
  const ds = diagnosticsWith(config, 'wrong-type');
  assert.equal(ds.length, 2);
  assert.deepEqual([ds[0].file, ds[0].line, ds[0].column, ds[0].severity], [USER_FILE, 3, 3, 'error']);
  assert.match(ds[0].message, /request_max_retries.*must be a whole number of 0 or more; found a string/);
  assert.equal(ds[1].line, 4);
  assert.match(ds[1].message, /http_headers\.B/);
  const gw = provider(config, 'gw');
  assert.equal(gw.requestMaxRetries, 4);
  assert.deepEqual(gw.httpHeaders, { A: '1' });
  assert.equal(gw.baseUrl, 'https://gw/v1');
});

test('an unknown wire_api is an error listing the valid ones; the default applies', async () => {
  const config = await load({ [USER_FILE]: '[model_providers.gw]\nbase_url = "https://gw/v1"\nwire_api = "completions"\n' });
  const d = onlyDiagnostic(config, 'unknown-wire-api');
  assert.deepEqual([d.severity, d.line, d.column], ['error', 3, 1]);
  assert.match(d.message, /"completions".*"responses", "chat" and "anthropic"/);
  assert.equal(provider(config, 'gw').wireApi, 'responses');
});

test('unknown keys inside a provider table warn, with "did you mean" and special advice', async () => {
  const config = await load({
    [USER_FILE]: ['[model_providers.gw]', 'api_base = "https://x"', 'api_key = "sk-SECRET"', 'env_kye = "K"', 'model = "m"', '[model_providers.gw.auth]', 'command = "c"', 'timeout = 5'].join('\n'),
  });
  const ds = diagnosticsWith(config, 'unknown-provider-key');
  assert.deepEqual(ds.map((d) => [d.severity, d.line]), [['warning', 2], ['warning', 3], ['warning', 4], ['warning', 5], ['warning', 8]]);
  assert.match(ds[0].fix ?? '', /base_url/);
  assert.match(ds[1].fix ?? '', /env_key.*SecretStorage/);
  assert.equal(ds[2].fix, 'Did you mean `env_key`?');
  assert.match(ds[3].fix ?? '', /default_model/);
  assert.equal(ds[4].fix, 'Did you mean `timeout_ms`?');
  assert.doesNotMatch(JSON.stringify(config.diagnostics), /SECRET/);
});

test('reserved built-in ids cannot be redefined: error at the table, built-in kept, the rest still works', async () => {
  for (const id of RESERVED_PROVIDER_IDS) {
    const config = await load({
      [USER_FILE]: `model_provider = "${id}"\n\n  [model_providers.${id}]\n  base_url = "https://evil.example/v1"\n[model_providers.other]\nbase_url = "https://other/v1"\n`,
    });
    const d = onlyDiagnostic(config, 'reserved-provider-id');
    assert.deepEqual([d.severity, d.file, d.line, d.column], ['error', USER_FILE, 3, 3]);
    assert.match(d.message, new RegExp(`"${id}"`));
    assert.match(d.fix ?? '', new RegExp(`\\[model_providers\\.${id}-custom\\]`));
    assert.equal(config.provider.value, id);
    assert.notEqual(provider(config, id).baseUrl, 'https://evil.example/v1');
    assert.equal(provider(config, id).source, 'builtin');
    assert.equal(provider(config, 'other').baseUrl, 'https://other/v1');
  }
});

test('azure is a configurable built-in: a partial table merges onto it', async () => {
  const config = await load({
    [USER_FILE]: 'model_provider = "azure"\nmodel = "my-deploy"\n[model_providers.azure]\nbase_url = "https://res.openai.azure.com/openai"\nquery_params = { api-version = "2025-03-01-preview" }\n',
  });
  const azure = provider(config, 'azure');
  assert.equal(azure.baseUrl, 'https://res.openai.azure.com/openai');
  assert.deepEqual(azure.queryParams, { 'api-version': '2025-03-01-preview' });
  assert.equal(azure.envKey, 'AZURE_OPENAI_API_KEY');
  assert.equal(azure.name, 'Azure OpenAI');
  assert.equal(config.fieldSources.azure.envKey.source, 'builtin');
  assert.equal(config.fieldSources.azure.baseUrl.source, 'user');
  assert.deepEqual(config.diagnostics, []);
});

test('azure without base_url: an error only when azure is the active provider, saying what to add', async () => {
  const inactive = await load({});
  assert.deepEqual(diagnosticsWith(inactive, 'missing-base-url'), []);
  const active = await load({ [USER_FILE]: 'model = "d"\nmodel_provider = "azure"\n' });
  const d = onlyDiagnostic(active, 'missing-base-url');
  assert.deepEqual([d.severity, d.file, d.line], ['error', USER_FILE, 2]);
  assert.match(d.fix ?? '', /\[model_providers\.azure\]\nbase_url = "https:\/\/<resource>\.openai\.azure\.com\/openai"/);
});

test('a custom provider with no base_url is an error only when used, at its table', async () => {
  const unused = await load({ [USER_FILE]: '[model_providers.internal.auth]\ncommand = "tok"\n' });
  assert.deepEqual(diagnosticsWith(unused, 'missing-base-url'), []);
  const used = await load({ [USER_FILE]: 'model_provider = "internal"\nmodel = "m"\n[model_providers.internal.auth]\ncommand = "tok"\n' });
  const d = onlyDiagnostic(used, 'missing-base-url');
  assert.deepEqual([d.file, d.line], [USER_FILE, 3]);
});

test('amazon-bedrock: partial aws table, region from config or AWS_REGION, base URL derived from the region', async () => {
  const config = await load({ [USER_FILE]: 'model_provider = "amazon-bedrock"\nmodel = "m"\n[model_providers.amazon-bedrock.aws]\nprofile = "codex"\nregion = "eu-central-1"\n' });
  const b = provider(config, 'amazon-bedrock');
  assert.deepEqual(b.aws, { profile: 'codex', region: 'eu-central-1' });
  assert.equal(b.baseUrl, 'https://bedrock-mantle.eu-central-1.api.aws/openai/v1');
  assert.equal(config.fieldSources['amazon-bedrock'].baseUrl.source, 'user');
  assert.deepEqual(config.diagnostics, []);

  const fromEnv = await load({ [USER_FILE]: 'model_provider = "amazon-bedrock"\nmodel = "m"\n' }, { env: { AWS_REGION: 'us-west-2' } });
  assert.equal(provider(fromEnv, 'amazon-bedrock').baseUrl, 'https://bedrock-mantle.us-west-2.api.aws/openai/v1');
  assert.deepEqual(provider(fromEnv, 'amazon-bedrock').aws, { region: 'us-west-2' });
  assert.equal(fromEnv.fieldSources['amazon-bedrock'].baseUrl.source, 'env');

  const noRegion = await load({ [USER_FILE]: 'model_provider = "amazon-bedrock"\nmodel = "m"\n' });
  const d = onlyDiagnostic(noRegion, 'missing-region');
  assert.match(d.fix ?? '', /AWS_REGION/);
});

test('changing a configurable built-in\'s identity (bedrock wire_api or key) is the reserved-id error', async () => {
  const config = await load({ [USER_FILE]: '[model_providers.amazon-bedrock]\nname = "B"\nwire_api = "chat"\n[model_providers.azure]\nwire_api = "anthropic"\n' });
  const ds = diagnosticsWith(config, 'reserved-provider-id');
  assert.deepEqual(ds.map((d) => d.line), [3, 5]);
  assert.match(ds[0].fix ?? '', /amazon-bedrock-custom/);
  assert.equal(provider(config, 'amazon-bedrock').name, 'Amazon Bedrock');
  assert.equal(provider(config, 'azure').wireApi, 'responses');
});

test('CODEX_OSS_BASE_URL and CODEX_OSS_PORT move ollama and lmstudio', async () => {
  const url = await load({}, { env: { CODEX_OSS_BASE_URL: 'http://gpu-box:8080/v1/' } });
  assert.equal(provider(url, 'ollama').baseUrl, 'http://gpu-box:8080/v1');
  assert.equal(provider(url, 'lmstudio').baseUrl, 'http://gpu-box:8080/v1');
  assert.equal(url.fieldSources.ollama.baseUrl.source, 'env');
  const port = await load({}, { env: { CODEX_OSS_PORT: '9999' } });
  assert.equal(provider(port, 'ollama').baseUrl, 'http://localhost:9999/v1');
  const bad = await load({}, { env: { CODEX_OSS_PORT: 'abc' } });
  assert.equal(provider(bad, 'ollama').baseUrl, 'http://localhost:11434/v1');
  assert.equal(onlyDiagnostic(bad, 'invalid-env-value').severity, 'warning');
});

test('openai_base_url (config) and OPENAI_BASE_URL (env) move the built-in openai; the config key wins', async () => {
  const env = await load({}, { env: { OPENAI_BASE_URL: 'http://proxy:1/v1' } });
  assert.equal(provider(env, 'openai').baseUrl, 'http://proxy:1/v1');
  const both = await load({ [USER_FILE]: 'openai_base_url = "http://127.0.0.1:8787/v1"\n' }, { env: { OPENAI_BASE_URL: 'http://proxy:1/v1' } });
  assert.equal(provider(both, 'openai').baseUrl, 'http://127.0.0.1:8787/v1');
  assert.deepEqual(both.fieldSources.openai.baseUrl, { value: 'http://127.0.0.1:8787/v1', source: 'user', file: USER_FILE, line: 1 });
});

test('auth combined with env_key, experimental_bearer_token or requires_openai_auth is an error; auth is used', async () => {
  const config = await load({
    [USER_FILE]: [
      '[model_providers.gw]',
      'base_url = "https://gw/v1"',
      'env_key = "GW_KEY"',
      'experimental_bearer_token = "tok-SECRET"',
      'requires_openai_auth = true',
      '[model_providers.gw.auth]',
      'command = "print-token"',
    ].join('\n'),
  });
  const d = onlyDiagnostic(config, 'auth-conflict');
  assert.deepEqual([d.severity, d.file, d.line], ['error', USER_FILE, 6]);
  assert.match(d.message, /env_key.*:3.*experimental_bearer_token.*:4.*requires_openai_auth.*:5/);
  const gw = provider(config, 'gw');
  assert.equal(gw.auth?.command, 'print-token');
  assert.equal(gw.envKey, undefined);
  assert.equal(gw.experimentalBearerToken, undefined);
  assert.equal(gw.requiresOpenaiAuth, false);
  assert.doesNotMatch(JSON.stringify(config.diagnostics), /SECRET/);
});

test('azure with an auth command (Entra ID) is not a conflict: the built-in env_key gives way', async () => {
  const config = await load({ [USER_FILE]: '[model_providers.azure]\nbase_url = "https://r.openai.azure.com/openai"\n[model_providers.azure.auth]\ncommand = "az"\nargs = ["account", "get-access-token"]\n' });
  assert.deepEqual(diagnosticsWith(config, 'auth-conflict'), []);
  assert.equal(provider(config, 'azure').envKey, undefined);
  assert.equal(provider(config, 'azure').auth?.command, 'az');
});

test('an auth table without command is an error and is dropped', async () => {
  const config = await load({ [USER_FILE]: '[model_providers.gw]\nbase_url = "https://gw/v1"\n[model_providers.gw.auth]\nargs = ["x"]\n' });
  const d = onlyDiagnostic(config, 'invalid-value');
  assert.equal(d.line, 3);
  assert.equal(provider(config, 'gw').auth, undefined);
});

test('experimental_bearer_token: a warning at its line that never echoes the token; the value is kept for requests', async () => {
  const config = await load({ [USER_FILE]: '[model_providers.gw]\nbase_url = "https://gw/v1"\n    experimental_bearer_token = "sk-VERYSECRET"\n' });
  const d = onlyDiagnostic(config, 'bearer-token-in-config');
  assert.deepEqual([d.severity, d.line, d.column], ['warning', 3, 5]);
  assert.match(d.fix ?? '', /env_key|SecretStorage/);
  assert.equal(provider(config, 'gw').experimentalBearerToken, 'sk-VERYSECRET');
  assert.equal(config.fieldSources.gw.experimentalBearerToken.value, '(hidden)');
  assert.doesNotMatch(JSON.stringify({ d: config.diagnostics, f: config.fieldSources }), /VERYSECRET/);
});

test('model_provider naming a missing provider: error listing existing ones, then the next layer\'s choice', async () => {
  const config = await load({
    [USER_FILE]: 'model_provider = "gw"\n[model_providers.gw]\nbase_url = "https://gw/v1"\n',
    [WS_FILE]: '\nmodel_provider = "gww"\n',
  });
  const d = onlyDiagnostic(config, 'unknown-provider');
  assert.deepEqual([d.severity, d.file, d.line, d.column], ['error', WS_FILE, 2, 1]);
  assert.match(d.message, /"gww".*"anthropic", "openai".*"gw"/);
  assert.match(d.fix ?? '', /Did you mean "gw"/);
  assert.deepEqual(config.provider, { value: 'gw', source: 'user', file: USER_FILE, line: 1 });

  const explicit = await load({}, { explicit: { provider: 'nope' } });
  assert.equal(onlyDiagnostic(explicit, 'unknown-provider').file, undefined);
  assert.equal(explicit.provider.value, 'anthropic');
});

test('a top-level [providers.x] table warns and suggests [model_providers.x]', async () => {
  const config = await load({ [USER_FILE]: '[providers.local]\napi_base = "http://10.0.0.8:11434/v1"\n' });
  const d = onlyDiagnostic(config, 'wrong-table-name');
  assert.deepEqual([d.severity, d.line], ['warning', 1]);
  assert.match(d.fix ?? '', /\[model_providers\.local\]/);
});

test('base_url problems: shell placeholders and non-URLs warn at the key', async () => {
  const config = await load({ [USER_FILE]: '[model_providers.a]\nbase_url = "${OPENAI_BASE_URL}"\n[model_providers.b]\nbase_url = "localhost:8080"\n' });
  assert.equal(onlyDiagnostic(config, 'unexpanded-placeholder').line, 2);
  assert.equal(onlyDiagnostic(config, 'invalid-base-url').line, 4);
});

test('ca_certificate resolves relative to its file; auth runs in the directory of the file that set it', async () => {
  const config = await load({
    [USER_FILE]: '[model_providers.gw]\nbase_url = "https://gw/v1"\nca_certificate = "certs/corp.pem"\n[model_providers.gw.auth]\ncommand = "tok"\n',
    [WS_FILE]: '[model_providers.ws]\nbase_url = "https://ws/v1"\nca_certificate = "~/ca.pem"\n[model_providers.ws.auth]\ncommand = "./tok.sh"\n',
  });
  assert.equal(provider(config, 'gw').caCertificate, '/home/u/.codex/certs/corp.pem');
  assert.equal(provider(config, 'gw').auth?.cwd, '/home/u/.codex');
  assert.equal(provider(config, 'ws').caCertificate, '/home/u/ca.pem');
  assert.equal(provider(config, 'ws').auth?.cwd, '/work/proj');
});

test('an OpenAI-looking model without model_provider warns that the default provider is anthropic', async () => {
  const config = await load({ [USER_FILE]: '# comment\nmodel = "gpt-5.5"\n' });
  const d = onlyDiagnostic(config, 'default-provider-mismatch');
  assert.deepEqual([d.severity, d.line], ['warning', 2]);
  assert.match(d.fix ?? '', /model_provider = "openai"/);
  const fine = await load({ [USER_FILE]: 'model = "claude-opus-4-1"\n' });
  assert.deepEqual(fine.diagnostics, []);
});
