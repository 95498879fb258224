// Credential sources in order (env, SecretStorage, bearer token, AWS, none), the missing-key
// error, and the trust gates. Auth commands are covered in authCommand.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCredentialResolver } from '../../../src/core/providers/credentialResolver';
import type { CredentialSource } from '../../../src/core/providers/credential';
import type { ProcessRunner, SecretStore } from '../../../src/core/ports';
import { SwitchboardError } from '../../../src/shared/errors';
import { provider } from '../../helpers/providerFixture';

function secretStore(values: Record<string, string>): SecretStore {
  return {
    get: async (id) => values[id],
    set: async (id, v) => {
      values[id] = v;
    },
    delete: async (id) => {
      delete values[id];
    },
  };
}

/** A runner that fails the test if anything tries to run a program. */
const noProcesses: ProcessRunner = {
  runCommand: () => assert.fail('no command may run'),
  runShell: () => assert.fail('no shell may run'),
};

test('env_key: the variable becomes the token, source names the variable', async () => {
  const resolver = createCredentialResolver({ env: { MY_KEY: 'sk-env-value' } });
  const credential = await resolver.resolve(provider({ envKey: 'MY_KEY' }));
  assert.deepEqual(credential, { token: 'sk-env-value', source: { type: 'env', name: 'MY_KEY' } });
});

test('the environment is read per request, so a later export takes effect', async () => {
  const env: Record<string, string | undefined> = {};
  const resolver = createCredentialResolver({ env });
  await assert.rejects(resolver.resolve(provider({ envKey: 'LATER_KEY' })));
  env.LATER_KEY = 'now-set';
  assert.equal((await resolver.resolve(provider({ envKey: 'LATER_KEY' }))).token, 'now-set');
});

test('an environment variable wins over a key saved in SecretStorage', async () => {
  const resolver = createCredentialResolver({ env: { MY_KEY: 'from-env' }, secretStore: secretStore({ p: 'from-store' }) });
  const credential = await resolver.resolve(provider({ envKey: 'MY_KEY' }));
  assert.equal(credential.token, 'from-env');
  assert.equal(credential.source.type, 'env');
});

test('SecretStorage is used when the variable is unset or blank', async () => {
  for (const env of [{}, { MY_KEY: '' }, { MY_KEY: '   ' }]) {
    const resolver = createCredentialResolver({ env, secretStore: secretStore({ p: 'from-store' }) });
    const credential = await resolver.resolve(provider({ envKey: 'MY_KEY' }));
    assert.deepEqual(credential, { token: 'from-store', source: { type: 'secret-storage' } });
  }
});

test('a saved key also serves a provider without env_key (a gateway the user keyed by hand)', async () => {
  const resolver = createCredentialResolver({ env: {}, secretStore: secretStore({ gw: 'k-123' }) });
  const credential = await resolver.resolve(provider({ id: 'gw' }));
  assert.equal(credential.token, 'k-123');
});

test('experimental_bearer_token is used after env and saved keys', async () => {
  const resolver = createCredentialResolver({ env: {} });
  const credential = await resolver.resolve(provider({ experimentalBearerToken: 'tok-config' }));
  assert.deepEqual(credential, { token: 'tok-config', source: { type: 'bearer-token' } });
  const withEnv = createCredentialResolver({ env: { K: 'env-wins' } });
  assert.equal((await withEnv.resolve(provider({ envKey: 'K', experimentalBearerToken: 'tok-config' }))).token, 'env-wins');
});

test('a provider without env_key needs no credential (local servers)', async () => {
  const resolver = createCredentialResolver({ env: { OPENAI_API_KEY: 'sk-not-for-ollama' } });
  const credential = await resolver.resolve(provider({ id: 'ollama', baseUrl: 'http://localhost:11434/v1' }));
  assert.deepEqual(credential, { source: { type: 'none' } });
});

test('requires_openai_auth without env_key reads OPENAI_API_KEY', async () => {
  const resolver = createCredentialResolver({ env: { OPENAI_API_KEY: 'sk-openai' } });
  const credential = await resolver.resolve(provider({ requiresOpenaiAuth: true }));
  assert.deepEqual(credential.source, { type: 'env', name: 'OPENAI_API_KEY' });
});

test('Bedrock resolves to the AWS chain with profile and region, and no token', async () => {
  const resolver = createCredentialResolver({ env: { AWS_REGION: 'us-east-1' } });
  const credential = await resolver.resolve(provider({ id: 'amazon-bedrock', aws: { profile: 'codex-dev' } }));
  assert.equal(credential.token, undefined);
  assert.deepEqual(credential.source, { type: 'aws', detail: 'profile codex-dev, region us-east-1' });
});

test('a missing key is an auth error in Codex words, naming the variable, with instructions and fixes', async () => {
  const resolver = createCredentialResolver({ env: {} });
  const p = provider({ envKey: 'ACME_API_KEY', envKeyInstructions: 'Get one at https://acme.test/keys.' });
  await assert.rejects(resolver.resolve(p), (error: unknown) => {
    assert.ok(error instanceof SwitchboardError);
    assert.equal(error.kind, 'auth');
    assert.equal(error.message, 'Missing environment variable: `ACME_API_KEY`. Get one at https://acme.test/keys.');
    assert.match(error.fix ?? '', /ACME_API_KEY/);
    assert.deepEqual(error.actions, ['setApiKey', 'openConfig']);
    assert.equal(error.providerId, 'p');
    return true;
  });
  await assert.rejects(resolver.resolve(provider({ envKey: 'K2' })), { message: 'Missing environment variable: `K2`.' });
});

test('mayUseCredential sees the source and can refuse it with a trust error', async () => {
  const seen: CredentialSource[] = [];
  const resolver = createCredentialResolver({
    env: { MY_KEY: 'sk-secret-value' },
    mayUseCredential: (_p, source) => {
      seen.push(source);
      return false;
    },
  });
  await assert.rejects(resolver.resolve(provider({ envKey: 'MY_KEY', fromWorkspace: true })), (error: unknown) => {
    assert.ok(error instanceof SwitchboardError);
    assert.equal(error.kind, 'auth');
    assert.match(error.message, /workspace is not trusted/);
    assert.ok(error.actions?.includes('trustWorkspace'));
    assert.doesNotMatch(error.message, /sk-secret-value/);
    return true;
  });
  assert.deepEqual(seen, [{ type: 'env', name: 'MY_KEY' }]);
});

test('mayUseCredential allowing passes the credential through; none is never gated', async () => {
  let calls = 0;
  const resolver = createCredentialResolver({ env: { MY_KEY: 'v' }, mayUseCredential: async () => (calls++, true) });
  assert.equal((await resolver.resolve(provider({ envKey: 'MY_KEY' }))).token, 'v');
  assert.deepEqual(await resolver.resolve(provider()), { source: { type: 'none' } });
  assert.equal(calls, 1);
});

test('workspace-defined auth commands do not run unless allowed', async () => {
  const auth = { command: 'get-token', args: [], timeoutMs: 1000, refreshIntervalMs: 0 };
  const resolver = createCredentialResolver({ env: {}, processRunner: noProcesses });
  await assert.rejects(resolver.resolve(provider({ auth, fromWorkspace: true })), (error: unknown) => {
    assert.ok(error instanceof SwitchboardError);
    assert.equal(error.kind, 'auth');
    assert.match(error.message, /workspace is not trusted/);
    assert.deepEqual(error.actions, ['trustWorkspace', 'openConfig']);
    return true;
  });
});

test('an aborted signal stops resolution before anything is read', async () => {
  const controller = new AbortController();
  controller.abort();
  const resolver = createCredentialResolver({ env: { K: 'v' } });
  await assert.rejects(resolver.resolve(provider({ envKey: 'K' }), { signal: controller.signal }), { name: 'AbortError' });
});
