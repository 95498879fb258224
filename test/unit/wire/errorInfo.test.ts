// What users read when something fails: the right kind, their own words for the cause, a fix,
// and never a secret.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ProviderInfo } from '../../../src/core/providers/providerInfo';
import { diagnoseNotFound } from '../../../src/core/wire/errors/diagnoseNotFound';
import type { ErrorContext } from '../../../src/core/wire/errors/errorContext';
import { httpErrorInfo } from '../../../src/core/wire/errors/httpErrorInfo';
import { inStreamErrorInfo } from '../../../src/core/wire/errors/inStreamErrorInfo';
import { networkErrorInfo } from '../../../src/core/wire/errors/networkErrorInfo';
import { parseErrorBody } from '../../../src/core/wire/errors/providerMessage';

const provider: ProviderInfo = {
  id: 'gw', name: 'Gateway', baseUrl: 'https://llm.corp.example/api', wireApi: 'chat', httpHeaders: {}, envHttpHeaders: {}, queryParams: {},
  requestMaxRetries: 4, streamMaxRetries: 5, streamIdleTimeoutMs: 300000, supportsWebsockets: false, requiresOpenaiAuth: false,
  source: 'user', fromWorkspace: false,
};
const ctx = (over: Partial<ErrorContext> = {}): ErrorContext => ({ provider, secrets: ['sk-supersecret-value-123'], ...over });

test('statuses map to kinds and retryability', () => {
  const table = [400, 401, 403, 408, 409, 413, 422, 429, 500, 502, 503, 529].map((s) => {
    const info = httpErrorInfo(s, '', ctx());
    return `${s}:${info.kind}:${info.retryable}`;
  });
  assert.deepEqual(table, [
    '400:bad_request:false', '401:auth:false', '403:auth:false', '408:network:true', '409:server:true', '413:bad_request:false',
    '422:bad_request:false', '429:rate_limited:true', '500:server:true', '502:server:true', '503:server:true', '529:server:true',
  ]);
});

test('401 says where the key came from and how to fix that source', () => {
  const cmd = httpErrorInfo(401, '', ctx({ credentialSource: { type: 'command', command: 'vault', fetchedAt: 0 } }));
  assert.match(cmd.message, /rejected the credential from auth command `vault`/);
  assert.match(cmd.fix!, /Run `vault` in a terminal/);
  const none = httpErrorInfo(401, '', ctx({ credentialSource: { type: 'none' } }));
  assert.match(none.fix!, /set env_key in \[model_providers\.gw\]/);
  const saved = httpErrorInfo(401, '', ctx({ credentialSource: { type: 'secret-storage' } }));
  assert.deepEqual(saved.actions, ['setApiKey']);
});

test('429 for an exhausted quota is not retryable', () => {
  const info = httpErrorInfo(429, '{"error":{"code":"insufficient_quota","message":"You exceeded your current quota"}}', ctx());
  assert.equal(info.retryable, false);
  assert.match(info.message, /out of quota/);
});

test('a context-length 400 suggests a new conversation', () => {
  const info = httpErrorInfo(400, '{"error":{"code":"context_length_exceeded","message":"This model\'s maximum context length is 128000 tokens"}}', ctx());
  assert.match(info.fix!, /start a new one/);
});

test('echoed secrets are redacted: the known key, Bearer tokens, sk- keys; HTML is flattened', () => {
  const info = httpErrorInfo(400, 'Bad key sk-supersecret-value-123 and Authorization: Bearer abcdefghijklmnop and sk-otherkey1234567890', ctx());
  assert.ok(!info.message.includes('sk-supersecret-value-123'));
  assert.ok(!info.message.includes('abcdefghijklmnop'));
  assert.ok(!info.message.includes('sk-otherkey1234567890'));
  assert.equal(parseErrorBody('<html><body><h1>502 Bad Gateway</h1></body></html>').message, '502 Bad Gateway');
  assert.equal(parseErrorBody('{"detail":[{"msg":"field required"},{"msg":"bad type"}]}').message, 'field required; bad type');
});

test('404 without a probe: model missing, /v1 missing, or a generic hint', async () => {
  const model = await diagnoseNotFound('https://x/v1/chat/completions', '{"error":{"message":"model \'llama9\' not found"}}', 'chat', ctx({ model: 'llama9' }));
  assert.match(model.message, /does not know the model `llama9`/);
  const noV1 = await diagnoseNotFound('https://llm.corp.example/api/chat/completions', '', 'chat', ctx());
  assert.match(noV1.message, /many servers need \/v1/);
  assert.match(noV1.fix!, /base_url = "https:\/\/llm\.corp\.example\/api\/v1"/);
  const generic = await diagnoseNotFound('https://x/v1/chat/completions?key=secret', '', 'chat', ctx({ provider: { ...provider, baseUrl: 'https://x/v1' } }));
  assert.match(generic.message, /no endpoint at https:\/\/x\/v1\/chat\/completions \(404\)/);
  assert.ok(!generic.message.includes('secret'), 'query strings are never shown');
});

test('connection errors by cause code', () => {
  const refused = networkErrorInfo(new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) }), 'http://localhost:11434/v1/chat/completions', ctx());
  assert.match(refused.message, /Could not connect to http:\/\/localhost:11434: connection refused/);
  assert.equal(refused.retryable, true);
  const dns = networkErrorInfo(new TypeError('fetch failed', { cause: { code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND' } }), 'https://llm.corp.example/api', ctx());
  assert.match(dns.message, /Could not resolve the host/);
  const tls = networkErrorInfo(new TypeError('fetch failed', { cause: { code: 'SELF_SIGNED_CERT_IN_CHAIN', message: 'self-signed certificate in certificate chain' } }), 'https://llm.corp.example/api', ctx());
  assert.equal(tls.retryable, false);
  assert.match(tls.fix!, /CODEX_CA_CERTIFICATE/);
});

test('in-stream errors: codes, numeric statuses, unknowns', () => {
  assert.equal(inStreamErrorInfo({ error: { code: 'rate_limit_exceeded', message: 'slow down' } }, ctx()).kind, 'rate_limited');
  const numeric = inStreamErrorInfo({ error: { code: 502, message: 'upstream' } }, ctx());
  assert.deepEqual([numeric.kind, numeric.retryable, numeric.status], ['server', true, 502]);
  const unknown = inStreamErrorInfo({ type: 'error', message: 'weird' }, ctx());
  assert.deepEqual([unknown.kind, unknown.retryable], ['server', false]);
  assert.match(unknown.message, /weird/);
});
