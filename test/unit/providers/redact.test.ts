// Secret redaction for text and headers: what other helpers call before logging or showing errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { redactSecrets, safeHeadersForLog } from '../../../src/core/providers/redact';

test('redactSecrets removes every occurrence of each given secret, longest first', () => {
  const out = redactSecrets('key=abcd1234 again abcd1234 and abcd12345678', ['abcd1234', 'abcd12345678', '', undefined]);
  assert.equal(out.includes('abcd1234'), false);
  assert.equal(out, 'key=[REDACTED] again [REDACTED] and [REDACTED]');
});

test('redactSecrets ignores very short strings that would mangle ordinary text', () => {
  assert.equal(redactSecrets('a cat sat', ['a', 'at']), 'a cat sat');
});

test('redactSecrets removes well-known credential shapes even when not told about them', () => {
  const text = [
    'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig',
    'used sk-proj-AbCdEfGhIjKlMnOpQrSt',
    'aws AKIAIOSFODNN7EXAMPLE',
    'api_key="zzzzzzzzzz"',
    'x-api-key: ant-secret-123456',
  ].join('\n');
  const out = redactSecrets(text);
  for (const secret of ['eyJhbGciOiJIUzI1NiJ9', 'sk-proj-AbCdEfGhIjKlMnOpQrSt', 'AKIAIOSFODNN7EXAMPLE', 'zzzzzzzzzz', 'ant-secret-123456']) {
    assert.equal(out.includes(secret), false, `${secret} survived: ${out}`);
  }
  assert.match(out, /Bearer \[REDACTED\]/);
  assert.equal(redactSecrets('model gpt-5 at https://api.test/v1 returned 404'), 'model gpt-5 at https://api.test/v1 returned 404');
});

test('safeHeadersForLog masks credential headers (keeping the scheme) and leaves others alone', () => {
  const safe = safeHeadersForLog({
    Authorization: 'Bearer sk-live-123',
    'x-api-key': 'ant-1',
    'api-key': 'az-1',
    'X-Gateway-Token': 'gw-1',
    'X-Tenant': 'acme',
    'content-type': 'application/json',
  });
  assert.deepEqual(safe, {
    Authorization: 'Bearer ***',
    'x-api-key': '***',
    'api-key': '***',
    'X-Gateway-Token': '***',
    'X-Tenant': 'acme',
    'content-type': 'application/json',
  });
  const fromHeaders = safeHeadersForLog(new Headers({ authorization: 'Basic dXNlcjpwYXNz', accept: 'text/event-stream' }));
  assert.deepEqual(fromHeaders, { authorization: 'Basic ***', accept: 'text/event-stream' });
});
