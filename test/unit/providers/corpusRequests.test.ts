// Every real Codex config in the shared corpus, loaded by loadConfig and turned into requests:
// URLs are well formed, query_params survive, configured headers are sent, the credential lands in
// exactly one header, and nothing secret shows in the loggable form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../../src/core/config/loadConfig';
import type { ResolvedConfig } from '../../../src/core/config/resolvedConfig';
import type { Credential } from '../../../src/core/providers/credential';
import type { ProviderInfo } from '../../../src/core/providers/providerInfo';
import { safeHeadersForLog } from '../../../src/core/providers/redact';
import { buildProviderRequest } from '../../../src/core/providers/requestBuilder';
import { createNodeConfigFs } from '../../../src/node/nodeConfigFs';
import { SwitchboardError } from '../../../src/shared/errors';
import { corpusDir } from '../../helpers/corpus';

const configDir = join(corpusDir, 'codex-configs');
const TOKEN = 'corpus-test-token-0123456789';
const credential: Credential = { token: TOKEN, source: { type: 'env', name: 'K' } };

async function load(file: string): Promise<ResolvedConfig> {
  return loadConfig({
    cwd: '/nonexistent-workspace',
    env: {},
    fs: createNodeConfigFs(),
    userConfigPath: join(configDir, file),
    homeDir: '/nonexistent-home',
    trustWorkspace: false,
  });
}

/** Providers a file defines (not the untouched built-ins), with a base URL to build from. */
function fileProviders(config: ResolvedConfig): ProviderInfo[] {
  return config.providers.filter((p) => p.source !== 'builtin' && p.baseUrl !== undefined);
}

const files = readdirSync(configDir).filter((f) => f.endsWith('.toml')).sort();

test('the corpus is there (52 real configs)', () => {
  assert.ok(files.length >= 50, `found ${files.length}`);
});

function isHttpUrl(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

test('every corpus provider builds a well-formed request with its headers and one credential header', async () => {
  let built = 0;
  let placeholders = 0;
  for (const file of files) {
    const config = await load(file);
    for (const provider of fileProviders(config)) {
      if (!isHttpUrl(provider.baseUrl!)) {
        // Templates such as "https://<base_url_value>" or "${OPENAI_BASE_URL}" (039, 043): a clear config error.
        assert.throws(
          () => buildProviderRequest({ provider, path: '/responses', credential, env: {} }),
          (error: unknown) => error instanceof SwitchboardError && error.kind === 'config' && error.message.includes(provider.baseUrl!),
        );
        placeholders++;
        continue;
      }
      const { url, headers } = buildProviderRequest({ provider, path: '/responses', credential, env: {} });
      const parsed = new URL(url);
      const where = `${file} provider ${provider.id}`;
      assert.ok(parsed.pathname.endsWith('/responses'), where);
      assert.ok(!parsed.pathname.includes('//'), `${where}: ${url}`);
      assert.ok(url.startsWith(provider.baseUrl!.split('?')[0]), where);
      for (const [key, value] of Object.entries(provider.queryParams)) {
        assert.ok(parsed.searchParams.getAll(key).includes(value), `${where}: query ${key}`);
      }
      for (const [name, value] of Object.entries(provider.httpHeaders)) {
        if (['authorization', 'api-key', 'x-api-key'].includes(name.toLowerCase())) continue;
        assert.equal(headers[name], value, `${where}: header ${name}`);
      }
      const carrying = Object.entries(headers).filter(([, value]) => value.includes(TOKEN));
      assert.ok(carrying.length <= 1, `${where}: the credential is in ${carrying.length} headers`);
      assert.ok(!JSON.stringify(safeHeadersForLog(headers)).includes(TOKEN), `${where}: loggable headers leak the token`);
      built++;
    }
  }
  assert.ok(built >= 30, `built requests for ${built} providers`);
  assert.ok(placeholders >= 2, 'the corpus placeholders were checked');
});

test('corpus 026 (Azure with api-version) and 039 (Azure api-key via env_http_headers) use Azure\'s header', async () => {
  const azure026 = (await load('026-azure-query-params-retries.toml')).providers.find((p) => p.id === 'azure');
  assert.ok(azure026);
  const request026 = buildProviderRequest({ provider: azure026, path: '/responses', credential, env: {} });
  assert.equal(request026.url, 'https://YOUR_RESOURCE.openai.azure.com/openai/responses?api-version=2025-04-01-preview');
  assert.deepEqual(request026.headers, { 'api-key': TOKEN });

  const azure039 = (await load('039-issue-azure-env-http-headers-api-key.toml')).providers.find((p) => p.id === 'azure');
  assert.ok(azure039);
  const env = { AZURE_OPENAI_API_KEY: TOKEN };
  // Its base_url is a placeholder ("https://<base_url_value>"), so use a real one for the headers.
  const request039 = buildProviderRequest({ provider: { ...azure039, baseUrl: 'https://r.openai.azure.com/openai' }, path: '/responses', credential, env });
  assert.deepEqual(request039.headers, { 'api-key': TOKEN }, 'one api-key header, no extra Authorization');
});
