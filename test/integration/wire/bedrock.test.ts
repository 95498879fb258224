// Amazon Bedrock: requests are SigV4-signed (service bedrock-mantle, as Codex's built-in does)
// with credentials from the environment or a shared credentials file + profile; the local
// server re-computes the signature over what it actually received.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { createCredentialResolver } from '../../../src/core/providers/credentialResolver';
import type { Env } from '../../../src/core/ports';
import type { ProviderInfo } from '../../../src/core/providers/providerInfo';
import { bedrockMantleBaseUrl, withBedrockBaseUrl } from '../../../src/core/wire/bedrock/bedrockEndpoint';
import { createModelClient } from '../../../src/core/wire/createModelClient';
import { startReplayServer, type RecordedRequest, type ReplayServer } from '../../helpers/sseReplayServer';
import { STREAM_BUILDERS } from './streams';
import { collect, instantClock, makeProvider, summarize } from './support';

let server: ReplayServer;
before(async () => {
  server = await startReplayServer(() => ({ body: STREAM_BUILDERS.responses({ text: ['Hello from Bedrock'] }) }));
});
after(() => server.close());

function bedrock(overrides: Partial<ProviderInfo> = {}): ProviderInfo {
  return makeProvider('responses', `${server.baseUrl}/openai/v1`, { id: 'amazon-bedrock', name: 'Amazon Bedrock', ...overrides });
}

async function send(provider: ProviderInfo, env: Env) {
  const client = createModelClient({ credentials: createCredentialResolver({ env }), env, clock: instantClock() });
  const events = await collect(client.stream({ provider, model: 'openai.gpt-oss-120b', messages: [{ role: 'user', content: 'hi' }] }));
  return { summary: summarize(events), request: server.requests.at(-1)! };
}

const AUTH_RE = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/;

/** Re-signs the received request with `secret` and compares with its Authorization header. */
async function assertValidSignature(request: RecordedRequest, accessKeyId: string, secretAccessKey: string) {
  const auth = String(request.headers.authorization);
  const [, , , region, service, signedHeaders] = AUTH_RE.exec(auth)!;
  const amzDate = String(request.headers['x-amz-date']);
  const headers: Record<string, string> = {};
  for (const name of signedHeaders.split(';')) headers[name] = String(request.headers[name]);
  const url = new URL(request.url, `http://${request.headers.host}`);
  const signer = new SignatureV4({ service, region, credentials: { accessKeyId, secretAccessKey }, sha256: Sha256 });
  const date = new Date(`${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`);
  const resigned = await signer.sign(
    {
      method: request.method,
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body: request.body,
    },
    { signingDate: date },
  );
  assert.equal(resigned.headers.authorization, auth, 'the signature covers exactly what was sent');
}

describe('Amazon Bedrock', () => {
  test('signs with AWS keys from the environment (bedrock-mantle, region from aws.region)', async () => {
    const env = { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', AWS_REGION: 'us-west-2' };
    const { summary, request } = await send(bedrock({ aws: { region: 'eu-central-1' } }), env);
    assert.equal(summary.text, 'Hello from Bedrock');
    assert.equal(request.url, '/openai/v1/responses');
    const auth = String(request.headers.authorization);
    const today = new Date().toISOString().slice(0, 10).replace(/-/g, '');
    assert.match(auth, new RegExp(`^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/${today}/eu-central-1/bedrock-mantle/aws4_request, SignedHeaders=`));
    assert.match(String(request.headers['x-amz-date']), /^\d{8}T\d{6}Z$/);
    assert.ok(AUTH_RE.exec(auth)![5].split(';').includes('host'));
    await assertValidSignature(request, env.AWS_ACCESS_KEY_ID, env.AWS_SECRET_ACCESS_KEY);
  });

  test('session tokens are sent as x-amz-security-token', async () => {
    const env = { AWS_ACCESS_KEY_ID: 'ASIATEMPORARY', AWS_SECRET_ACCESS_KEY: 'tempsecret', AWS_SESSION_TOKEN: 'session-token-value', AWS_DEFAULT_REGION: 'ap-northeast-1' };
    const { request } = await send(bedrock(), env);
    assert.equal(request.headers['x-amz-security-token'], 'session-token-value');
    assert.match(String(request.headers.authorization), /Credential=ASIATEMPORARY\/\d{8}\/ap-northeast-1\/bedrock-mantle\//);
    await assertValidSignature(request, env.AWS_ACCESS_KEY_ID, env.AWS_SECRET_ACCESS_KEY);
  });

  test('credentials from a shared credentials file with AWS_PROFILE, and aws.profile overrides AWS_PROFILE', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sb-aws-'));
    const credentialsFile = path.join(dir, 'credentials');
    const configFile = path.join(dir, 'config');
    writeFileSync(
      credentialsFile,
      '[default]\naws_access_key_id = AKIADEFAULT000000000\naws_secret_access_key = defaultsecret\n\n[bedrock-dev]\naws_access_key_id = AKIAPROFILE000000001\naws_secret_access_key = profilesecret\n',
    );
    writeFileSync(configFile, '');
    const files = { AWS_SHARED_CREDENTIALS_FILE: credentialsFile, AWS_CONFIG_FILE: configFile, AWS_REGION: 'us-east-1' };

    const viaEnv = await send(bedrock(), { ...files, AWS_PROFILE: 'bedrock-dev' });
    assert.match(String(viaEnv.request.headers.authorization), /Credential=AKIAPROFILE000000001\/\d{8}\/us-east-1\/bedrock-mantle\//);
    await assertValidSignature(viaEnv.request, 'AKIAPROFILE000000001', 'profilesecret');

    const viaConfig = await send(bedrock({ aws: { profile: 'bedrock-dev' } }), { ...files, AWS_PROFILE: 'default' });
    assert.match(String(viaConfig.request.headers.authorization), /Credential=AKIAPROFILE000000001\//);
  });

  test('an unknown profile is an auth error that says how to fix it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sb-aws-'));
    writeFileSync(path.join(dir, 'credentials'), '[other]\naws_access_key_id = AKIAOTHER\naws_secret_access_key = x\n');
    writeFileSync(path.join(dir, 'config'), '');
    const before = server.requests.length;
    const { summary } = await send(bedrock({ aws: { profile: 'nope', region: 'us-east-1' } }), {
      AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'),
      AWS_CONFIG_FILE: path.join(dir, 'config'),
    });
    assert.equal(server.requests.length, before);
    assert.equal(summary.error?.kind, 'auth');
    assert.match(summary.error!.message, /AWS credentials.*profile: \[nope\]/);
    assert.match(summary.error!.fix!, /AWS_PROFILE/);
  });

  test('AWS_BEARER_TOKEN_BEDROCK is sent as a Bearer token instead of a signature', async () => {
    const { request } = await send(bedrock({ aws: { region: 'us-east-1' } }), { AWS_BEARER_TOKEN_BEDROCK: 'bedrock-api-key-abc123' });
    assert.equal(request.headers.authorization, 'Bearer bedrock-api-key-abc123');
    assert.equal(request.headers['x-amz-date'], undefined);
  });

  test('no region anywhere is a config error', async () => {
    const { summary } = await send(bedrock({ baseUrl: undefined }), { AWS_ACCESS_KEY_ID: 'AKID', AWS_SECRET_ACCESS_KEY: 'secret' });
    assert.equal(summary.error?.kind, 'config');
    assert.match(summary.error!.fix!, /region = "us-east-1"/);
  });

  test('without base_url the regional Mantle endpoint is used', () => {
    assert.equal(bedrockMantleBaseUrl('eu-west-1'), 'https://bedrock-mantle.eu-west-1.api.aws/openai/v1');
    assert.equal(withBedrockBaseUrl(bedrock({ baseUrl: undefined }), 'eu-west-1').baseUrl, 'https://bedrock-mantle.eu-west-1.api.aws/openai/v1');
    assert.equal(withBedrockBaseUrl(bedrock(), 'eu-west-1').baseUrl, `${server.baseUrl}/openai/v1`);
  });
});
