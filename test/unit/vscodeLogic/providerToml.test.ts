import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'smol-toml';
import { providerToToml, redactHeaderValues } from '../../../src/core/providers/providerToml';
import { provider } from './providerFixture';

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

test('Copy as TOML gives a table that parses back to the same definition', () => {
  const p = provider({
    id: 'azure-eu',
    name: 'Azure EU',
    baseUrl: 'https://x.openai.azure.com/openai',
    envKey: 'AZURE_OPENAI_API_KEY',
    queryParams: { 'api-version': '2025-04-01-preview' },
    envHttpHeaders: { 'OpenAI-Organization': 'OPENAI_ORGANIZATION' },
    httpHeaders: { 'X-Team': 'a' },
    requestMaxRetries: 2,
    defaultModel: 'gpt-5',
    auth: { command: 'az', args: ['account', 'get-access-token'], timeoutMs: 9000, refreshIntervalMs: 60_000 },
  });
  const table = plain(parse(providerToToml(p))) as { model_providers: Record<string, Record<string, unknown>> };
  const t = table.model_providers['azure-eu'];
  assert.equal(t.base_url, p.baseUrl);
  assert.equal(t.wire_api, 'responses');
  assert.deepEqual(t.query_params, { 'api-version': '2025-04-01-preview' });
  assert.deepEqual(t.env_http_headers, { 'OpenAI-Organization': 'OPENAI_ORGANIZATION' });
  assert.deepEqual(t.http_headers, { 'X-Team': 'a' });
  assert.equal(t.request_max_retries, 2);
  assert.deepEqual(t.auth, { command: 'az', args: ['account', 'get-access-token'], timeout_ms: 9000, refresh_interval_ms: 60_000 });
  assert.equal(t.supports_websockets, undefined);
});

test('Copy as TOML leaves secrets out', () => {
  const text = providerToToml(provider({ id: 'gw', experimentalBearerToken: 'tok-very-secret', httpHeaders: { 'api-key': 'k-very-secret', Authorization: 'Bearer zzz', 'X-Team': 't' } }));
  assert.doesNotMatch(text, /very-secret|zzz/);
  assert.match(text, /experimental_bearer_token is set.*left out/);
  assert.deepEqual(redactHeaderValues({ 'X-Api-Key': 'a', Cookie: 'c', Accept: 'json' }), { 'X-Api-Key': '<redacted>', Cookie: '<redacted>', Accept: 'json' });
});

test('Bedrock AWS settings become an .aws sub-table', () => {
  const t = plain(parse(providerToToml(provider({ id: 'amazon-bedrock', aws: { profile: 'dev', region: 'eu-central-1' } })))) as { model_providers: Record<string, Record<string, unknown>> };
  assert.deepEqual(t.model_providers['amazon-bedrock'].aws, { profile: 'dev', region: 'eu-central-1' });
});
