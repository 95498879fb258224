// Request building: URL joining, query encoding (incl. the deliberate `&` divergence from Codex),
// static and env headers, and which header carries the credential for each provider kind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { authHeaderFor, buildProviderRequest, buildProviderUrl, isAzureProvider } from '../../../src/core/providers/requestBuilder';
import type { Credential } from '../../../src/core/providers/credential';
import { SwitchboardError } from '../../../src/shared/errors';
import { provider } from '../../helpers/providerFixture';

const envKey = (token: string, name = 'K'): Credential => ({ token, source: { type: 'env', name } });
const none: Credential = { source: { type: 'none' } };

test('URL is base_url + path, with trailing slashes on base_url dropped', () => {
  assert.equal(buildProviderUrl(provider({ baseUrl: 'https://api.test/v1' }), '/responses'), 'https://api.test/v1/responses');
  assert.equal(buildProviderUrl(provider({ baseUrl: 'https://api.test/v1/' }), '/responses'), 'https://api.test/v1/responses');
  assert.equal(buildProviderUrl(provider({ baseUrl: 'http://localhost:4000//' }), '/chat/completions'), 'http://localhost:4000/chat/completions');
  assert.equal(buildProviderUrl(provider({ baseUrl: 'https://api.test' }), 'models'), 'https://api.test/models');
});

test('query_params are URL-encoded: space as %20 (like Codex) and & as %26 (unlike Codex 0.169)', () => {
  const p = provider({ queryParams: { 'api-version': '2025-04-01-preview', b: 'two words', tag: 'a b&c', 'k=1': 'x/y?z#' } });
  const url = buildProviderUrl(p, '/responses');
  assert.equal(
    url,
    'http://127.0.0.1:1/v1/responses?api-version=2025-04-01-preview&b=two%20words&tag=a%20b%26c&k%3D1=x%2Fy%3Fz%23',
  );
  const parsed = new URL(url).searchParams;
  assert.deepEqual([...parsed], Object.entries(p.queryParams));
});

test('query_params join a query already present in base_url', () => {
  const p = provider({ baseUrl: 'https://r.openai.azure.com/openai/?deployment=d1', queryParams: { 'api-version': 'v' } });
  assert.equal(buildProviderUrl(p, '/responses'), 'https://r.openai.azure.com/openai/responses?deployment=d1&api-version=v');
});

test('any query_params survive a round trip through a URL parser (property)', () => {
  fc.assert(
    fc.property(fc.dictionary(fc.string({ minLength: 1 }), fc.string()), (params) => {
      const url = buildProviderUrl(provider({ queryParams: params }), '/responses');
      assert.deepEqual([...new URL(url).searchParams], Object.entries(params));
      assert.equal(new URL(url).pathname, '/v1/responses');
    }),
  );
});

test('a provider without base_url is a config error naming the provider and file', () => {
  assert.throws(
    () => buildProviderUrl(provider({ id: 'azure', baseUrl: undefined, file: '/u/config.toml', line: 7 }), '/responses'),
    (error: unknown) =>
      error instanceof SwitchboardError && error.kind === 'config' && /`azure`.*\/u\/config\.toml:7/.test(error.message),
  );
});

test('a base_url that is not an http(s) URL (a template placeholder) is a config error saying so', () => {
  for (const baseUrl of ['https://<base_url_value>', '${OPENAI_BASE_URL}', 'api.openai.com/v1', 'ftp://files.test/v1']) {
    assert.throws(
      () => buildProviderUrl(provider({ baseUrl }), '/responses'),
      (error: unknown) => error instanceof SwitchboardError && error.kind === 'config' && error.message.includes(`"${baseUrl}"`),
      baseUrl,
    );
  }
});

test('http_headers are sent as given; env_http_headers only when the variable is set and not blank', () => {
  const p = provider({
    httpHeaders: { 'X-Tenant': 'acme', 'X-Empty': '' },
    envHttpHeaders: { 'X-Set': 'SB_SET', 'X-Unset': 'SB_UNSET', 'X-Blank': 'SB_BLANK' },
  });
  const { headers } = buildProviderRequest({ provider: p, path: '/responses', credential: none, env: { SB_SET: 'v1', SB_BLANK: '  ' } });
  assert.deepEqual(headers, { 'X-Tenant': 'acme', 'X-Empty': '', 'X-Set': 'v1' });
});

test('the default credential header is Authorization: Bearer; none sends no auth header', () => {
  const p = provider();
  assert.deepEqual(buildProviderRequest({ provider: p, path: '/responses', credential: envKey('sk-1'), env: {} }).headers, {
    Authorization: 'Bearer sk-1',
  });
  for (const type of ['bearer-token', 'secret-storage'] as const) {
    assert.deepEqual(authHeaderFor(p, { token: 't', source: { type } }), ['Authorization', 'Bearer t']);
  }
  assert.deepEqual(buildProviderRequest({ provider: p, path: '/models', credential: none, env: {} }).headers, {});
  assert.equal(authHeaderFor(p, { source: { type: 'aws', detail: 'default' } }), undefined);
});

test('Anthropic Messages API gets x-api-key and an anthropic-version unless configured', () => {
  const p = provider({ id: 'anthropic', wireApi: 'anthropic', baseUrl: 'https://api.anthropic.com/v1' });
  const built = buildProviderRequest({ provider: p, path: '/messages', credential: envKey('sk-ant-x'), env: {} });
  assert.equal(built.url, 'https://api.anthropic.com/v1/messages');
  assert.deepEqual(built.headers, { 'x-api-key': 'sk-ant-x', 'anthropic-version': '2023-06-01' });
  const pinned = provider({ wireApi: 'anthropic', httpHeaders: { 'Anthropic-Version': '2024-01-01' } });
  assert.deepEqual(buildProviderRequest({ provider: pinned, path: '/messages', credential: envKey('k'), env: {} }).headers, {
    'Anthropic-Version': '2024-01-01',
    'x-api-key': 'k',
  });
  const command: Credential = { token: 'oauth', source: { type: 'command', command: 'c', fetchedAt: 0 } };
  assert.deepEqual(authHeaderFor(p, command), ['Authorization', 'Bearer oauth']);
});

test('Azure OpenAI keys go in api-key (Azure built-in or Azure host); tokens stay Bearer', () => {
  const builtin = provider({ id: 'azure', baseUrl: 'https://example.test/openai' });
  const byHost = provider({ id: 'corp', baseUrl: 'https://r1.openai.azure.com/openai/v1' });
  const cognitive = provider({ id: 'cs', baseUrl: 'https://r2.cognitiveservices.azure.com/openai' });
  for (const p of [builtin, byHost, cognitive]) {
    assert.ok(isAzureProvider(p));
    assert.deepEqual(buildProviderRequest({ provider: p, path: '/responses', credential: envKey('az-key'), env: {} }).headers, {
      'api-key': 'az-key',
    });
    assert.deepEqual(authHeaderFor(p, { token: 's', source: { type: 'secret-storage' } }), ['api-key', 's']);
    assert.deepEqual(authHeaderFor(p, { token: 'entra', source: { type: 'command', command: 'az', fetchedAt: 0 } }), [
      'Authorization',
      'Bearer entra',
    ]);
    assert.deepEqual(authHeaderFor(p, { token: 'b', source: { type: 'bearer-token' } }), ['Authorization', 'Bearer b']);
  }
  assert.equal(isAzureProvider(provider({ baseUrl: 'https://openai.azure.com.evil.test/v1' })), false);
  assert.equal(isAzureProvider(provider({ baseUrl: 'not a url' })), false);
});

test('Azure config that sets api-key or Authorization itself is not given a second credential header', () => {
  // Corpus 039: Azure with env_http_headers = { "api-key" = "AZURE_OPENAI_API_KEY" } plus env_key.
  const azure = provider({ id: 'azure', envKey: 'AZURE_OPENAI_API_KEY', envHttpHeaders: { 'api-key': 'AZURE_OPENAI_API_KEY' } });
  const env = { AZURE_OPENAI_API_KEY: 'az' };
  assert.deepEqual(buildProviderRequest({ provider: azure, path: '/responses', credential: envKey('az'), env }).headers, { 'api-key': 'az' });
  const azureWithAuthorization = provider({ id: 'azure', httpHeaders: { Authorization: 'Bearer entra-static' } });
  assert.deepEqual(
    buildProviderRequest({ provider: azureWithAuthorization, path: '/responses', credential: envKey('az'), env: {} }).headers,
    { Authorization: 'Bearer entra-static' },
  );
});

test('elsewhere the credential replaces a configured header of the same name, as Codex does', () => {
  const gateway = provider({ httpHeaders: { authorization: 'Basic abc', 'X-A': '1' } });
  assert.deepEqual(buildProviderRequest({ provider: gateway, path: '/responses', credential: envKey('k'), env: {} }).headers, {
    'X-A': '1',
    Authorization: 'Bearer k',
  });
  // Without a credential the configured header is what identifies the client.
  assert.deepEqual(buildProviderRequest({ provider: gateway, path: '/responses', credential: none, env: {} }).headers, {
    authorization: 'Basic abc',
    'X-A': '1',
  });
});
