import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeAuthStatus, credentialPhrase, relativeTime, type AuthStatusInput } from '../../../src/core/providers/authStatus';
import { provider } from './providerFixture';

const base = (overrides: Partial<AuthStatusInput> & Pick<AuthStatusInput, 'provider'>): AuthStatusInput => ({
  env: {},
  hasStoredSecret: false,
  workspaceTrusted: true,
  now: 1_000_000,
  formatTime: (ms) => `T${ms}`,
  ...overrides,
});

test('an env var that is set supplies the key and the tooltip names the variable, not the value', () => {
  const status = computeAuthStatus(base({ provider: provider({ id: 'openai', envKey: 'OPENAI_API_KEY' }), env: { OPENAI_API_KEY: 'sk-live-123456789' } }));
  assert.equal(status.kind, 'env');
  assert.equal(status.summary, 'key from OPENAI_API_KEY');
  assert.match(status.details.join(' '), /environment variable OPENAI_API_KEY/);
  assert.doesNotMatch(JSON.stringify(status), /sk-live/);
});

test('the env var wins over a saved key, and the tooltip says so', () => {
  const status = computeAuthStatus(base({ provider: provider({ id: 'openai', envKey: 'OPENAI_API_KEY' }), env: { OPENAI_API_KEY: 'x' }, hasStoredSecret: true }));
  assert.equal(status.kind, 'env');
  assert.match(status.details.join(' '), /environment variable wins/);
});

test('a blank env var does not count; the saved key is used and the tooltip says why', () => {
  const status = computeAuthStatus(base({ provider: provider({ id: 'openai', envKey: 'OPENAI_API_KEY' }), env: { OPENAI_API_KEY: '  ' }, hasStoredSecret: true }));
  assert.equal(status.kind, 'secret-storage');
  assert.equal(status.summary, 'key saved');
  assert.match(status.details[0], /SecretStorage.*OPENAI_API_KEY is not set/);
});

test('a missing key says how to fix it and repeats env_key_instructions', () => {
  const status = computeAuthStatus(base({ provider: provider({ id: 'mistral', envKey: 'MISTRAL_API_KEY', envKeyInstructions: 'Get a key at console.mistral.ai' }) }));
  assert.equal(status.kind, 'missing');
  assert.equal(status.summary, 'key missing');
  assert.match(status.details[0], /MISTRAL_API_KEY.*Set API Key/);
  assert.equal(status.details[1], 'Get a key at console.mistral.ai');
});

test('requires_openai_auth without env_key reads OPENAI_API_KEY, as the resolver does', () => {
  const status = computeAuthStatus(base({ provider: provider({ id: 'gw', requiresOpenaiAuth: true }) }));
  assert.equal(status.kind, 'missing');
  assert.match(status.details[0], /OPENAI_API_KEY/);
});

test('an auth command shows last-fetched and next-refresh times once it ran', () => {
  const p = provider({ id: 'vertex', auth: { command: 'gcloud', args: ['auth', 'print-access-token'], timeoutMs: 5000, refreshIntervalMs: 300_000 } });
  const before = computeAuthStatus(base({ provider: p }));
  assert.equal(before.kind, 'command');
  assert.match(before.details.join(' '), /gcloud auth print-access-token.*Not run yet/);
  const after = computeAuthStatus(base({ provider: p, lastSource: { type: 'command', command: 'gcloud', fetchedAt: 880_000, refreshesAt: 1_180_000 } }));
  assert.deepEqual(after.details.slice(1), ['Token last fetched T880000 (2 min ago).', 'Next refresh T1180000 (in 3 min).']);
});

test('a bearer token is reported without its value', () => {
  const status = computeAuthStatus(base({ provider: provider({ id: 'litellm', experimentalBearerToken: 'tok-secret-value' }) }));
  assert.equal(status.kind, 'bearer-token');
  assert.doesNotMatch(JSON.stringify(status), /tok-secret-value/);
});

test('Bedrock uses AWS credentials; local providers need nothing', () => {
  assert.equal(computeAuthStatus(base({ provider: provider({ id: 'amazon-bedrock', aws: { region: 'eu-central-1' } }) })).kind, 'aws');
  const ollama = computeAuthStatus(base({ provider: provider({ id: 'ollama', baseUrl: 'http://localhost:11434/v1' }) }));
  assert.equal(ollama.kind, 'none');
  assert.equal(ollama.summary, 'no key needed');
});

test('a workspace provider in an untrusted workspace is locked, whatever its credential kind', () => {
  const kinds = [
    provider({ id: 'w1', fromWorkspace: true, source: 'workspace', auth: { command: 'touch', args: ['marker'], timeoutMs: 5000, refreshIntervalMs: 0 } }),
    provider({ id: 'w2', fromWorkspace: true, source: 'workspace', envKey: 'OPENAI_API_KEY' }),
    provider({ id: 'w3', fromWorkspace: true, source: 'workspace', experimentalBearerToken: 'abc' }),
  ];
  for (const p of kinds) {
    const status = computeAuthStatus(base({ provider: p, workspaceTrusted: false, env: { OPENAI_API_KEY: 'k' } }));
    assert.equal(status.kind, 'blocked', p.id);
    assert.match(status.details.join(' '), /not trusted/);
  }
  // The same provider in a trusted workspace is not locked.
  assert.equal(computeAuthStatus(base({ provider: kinds[0] })).kind, 'command');
});

test('relativeTime words', () => {
  assert.equal(relativeTime(1000, 1000), 'just now');
  assert.equal(relativeTime(0, 30_000), '30 s ago');
  assert.equal(relativeTime(7_200_000, 0), 'in 2 h');
});

test('credentialPhrase names the source in one phrase', () => {
  assert.equal(credentialPhrase(computeAuthStatus(base({ provider: provider({ id: 'o', envKey: 'OPENAI_API_KEY' }), env: { OPENAI_API_KEY: 'k' } }))), 'environment variable OPENAI_API_KEY');
  assert.match(credentialPhrase(computeAuthStatus(base({ provider: provider({ id: 'o', envKey: 'OPENAI_API_KEY' }) }))), /^missing — set the environment variable OPENAI_API_KEY/);
});
