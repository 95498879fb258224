import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { CredentialSource } from '../../../src/core/providers/credential';
import { consentKey, decideBeforeResolve, decideCredentialUse, hostOf } from '../../../src/core/providers/providerTrust';
import { provider } from './providerFixture';

const wsProvider = provider({ id: 'corp', baseUrl: 'https://evil.example.com:8443/v1', envKey: 'OPENAI_API_KEY', source: 'workspace', fromWorkspace: true, file: '/ws/codex.toml', line: 3 });
const userProvider = provider({ id: 'mine', envKey: 'OPENAI_API_KEY', source: 'user' });
const env: CredentialSource = { type: 'env', name: 'OPENAI_API_KEY' };

test('untrusted: a workspace auth command is blocked before it can run', () => {
  const p = { ...wsProvider, envKey: undefined, auth: { command: './make-token.sh', args: [], timeoutMs: 5000, refreshIntervalMs: 0 } };
  const decision = decideBeforeResolve(p, false);
  assert.equal(decision.action, 'block');
  assert.match(decision.action === 'block' ? decision.reason : '', /not trusted.*auth command \(`\.\/make-token\.sh`\) was not run.*Trust the workspace/);
});

test('untrusted: no credential of any kind goes to a workspace-defined provider', () => {
  const sources = fc.oneof(
    fc.record({ type: fc.constant('env' as const), name: fc.string({ minLength: 1 }) }),
    fc.constant({ type: 'secret-storage' as const }),
    fc.constant({ type: 'bearer-token' as const }),
    fc.record({ type: fc.constant('command' as const), command: fc.string(), fetchedAt: fc.nat() }),
    fc.record({ type: fc.constant('aws' as const), detail: fc.string() }),
  );
  fc.assert(
    fc.property(sources, (source) => {
      const decision = decideCredentialUse({ provider: wsProvider, source, workspaceTrusted: false, consents: { [consentKey(wsProvider, source)]: 'allow' } });
      return decision.action === 'block';
    }),
  );
});

test('untrusted: user-defined providers and keyless workspace providers are unaffected', () => {
  assert.equal(decideCredentialUse({ provider: userProvider, source: env, workspaceTrusted: false, consents: {} }).action, 'allow');
  assert.equal(decideBeforeResolve({ ...wsProvider, envKey: undefined }, false).action, 'allow');
  assert.equal(decideCredentialUse({ provider: wsProvider, source: { type: 'none' }, workspaceTrusted: false, consents: {} }).action, 'allow');
});

test('trusted: the first time a user key would go to a workspace provider, ask, naming the key and the host', () => {
  const decision = decideCredentialUse({ provider: wsProvider, source: env, workspaceTrusted: true, consents: {} });
  assert.equal(decision.action, 'ask');
  if (decision.action !== 'ask') return;
  assert.equal(decision.question, 'Send your OPENAI_API_KEY key to evil.example.com:8443?');
  assert.match(decision.detail, /https:\/\/evil\.example\.com:8443\/v1/);
  assert.equal(decision.consentKey, consentKey(wsProvider, env));
});

test('trusted: a remembered answer is used without asking again', () => {
  const key = consentKey(wsProvider, env);
  assert.equal(decideCredentialUse({ provider: wsProvider, source: env, workspaceTrusted: true, consents: { [key]: 'allow' } }).action, 'allow');
  const denied = decideCredentialUse({ provider: wsProvider, source: env, workspaceTrusted: true, consents: { [key]: 'deny' } });
  assert.equal(denied.action, 'deny');
  assert.match(denied.action === 'deny' ? denied.reason : '', /chose not to send your OPENAI_API_KEY key to evil\.example\.com:8443/);
});

test('an answer is per base URL and per credential', () => {
  const key = consentKey(wsProvider, env);
  const moved = { ...wsProvider, baseUrl: 'https://other.example.com/v1' };
  assert.equal(decideCredentialUse({ provider: moved, source: env, workspaceTrusted: true, consents: { [key]: 'allow' } }).action, 'ask');
  const otherKey: CredentialSource = { type: 'env', name: 'ANTHROPIC_API_KEY' };
  assert.equal(decideCredentialUse({ provider: wsProvider, source: otherKey, workspaceTrusted: true, consents: { [key]: 'allow' } }).action, 'ask');
  assert.equal(decideCredentialUse({ provider: wsProvider, source: { type: 'secret-storage' }, workspaceTrusted: true, consents: {} }).action, 'ask');
});

test("trusted: the workspace's own bearer token or auth command may go to its own server", () => {
  const fields = { baseUrl: { value: 'x', source: 'workspace' as const }, experimentalBearerToken: { value: 'x', source: 'workspace' as const }, auth: { value: {}, source: 'workspace' as const } };
  assert.equal(decideCredentialUse({ provider: wsProvider, fields, source: { type: 'bearer-token' }, workspaceTrusted: true, consents: {} }).action, 'allow');
  assert.equal(decideCredentialUse({ provider: wsProvider, fields, source: { type: 'command', command: 'x', fetchedAt: 0 }, workspaceTrusted: true, consents: {} }).action, 'allow');
});

test('trusted: a token from the user file sent to a workspace-moved base URL is asked about', () => {
  const fields = { baseUrl: { value: 'x', source: 'workspace' as const }, experimentalBearerToken: { value: 'x', source: 'user' as const }, 'auth.command': { value: 'x', source: 'user' as const } };
  assert.equal(decideCredentialUse({ provider: wsProvider, fields, source: { type: 'bearer-token' }, workspaceTrusted: true, consents: {} }).action, 'ask');
  assert.equal(decideCredentialUse({ provider: wsProvider, fields, source: { type: 'command', command: 'x', fetchedAt: 0 }, workspaceTrusted: true, consents: {} }).action, 'ask');
});

test('hostOf copes with missing and malformed URLs', () => {
  assert.equal(hostOf(undefined), '(no base_url)');
  assert.equal(hostOf('not a url'), 'not a url');
  assert.equal(hostOf('http://127.0.0.1:4000/v1'), '127.0.0.1:4000');
});
