// Vertex AI as a custom `chat` provider whose token comes from `gcloud auth print-access-token`
// ([model_providers.vertex.auth] command = "gcloud"): a fake gcloud on PATH, the real credential
// resolver and process runner, and a local server checking the Bearer token. After a 401 the
// command runs again and the request is retried once with the new token.
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { createNodeProcessRunner } from '../../../src/node/processRunner';
import { createCredentialResolver } from '../../../src/core/providers/credentialResolver';
import { createModelClient } from '../../../src/core/wire/createModelClient';
import { startReplayServer, type ReplayResponse, type ReplayServer } from '../../helpers/sseReplayServer';
import { STREAM_BUILDERS } from './streams';
import { collect, instantClock, makeProvider, summarize } from './support';

let server: ReplayServer;
let script: ReplayResponse[] = [];
let binDir: string;
before(async () => {
  server = await startReplayServer((_req, i) => script[i]);
  binDir = mkdtempSync(path.join(tmpdir(), 'sb-gcloud-'));
  // Prints ya29.fake-token-<n>, counting its runs in a file next to it.
  const gcloud = path.join(binDir, 'gcloud');
  writeFileSync(
    gcloud,
    `#!/bin/sh\n[ "$1 $2" = "auth print-access-token" ] || { echo "unexpected args: $*" >&2; exit 2; }\nn=$(cat "${binDir}/count" 2>/dev/null || echo 0)\nn=$((n+1))\necho $n > "${binDir}/count"\necho "ya29.fake-token-$n"\n`,
  );
  chmodSync(gcloud, 0o755);
});
after(() => server.close());

test('Vertex via auth.command = "gcloud": Bearer token from the command, refreshed once after a 401', async () => {
  script = [
    { body: STREAM_BUILDERS.chat({ text: ['Hello from Gemini'] }) },
    { status: 401, headers: { 'content-type': 'application/json' }, body: '{"error":{"code":401,"message":"Request had invalid authentication credentials."}}' },
    { body: STREAM_BUILDERS.chat({ text: ['Hello again'] }) },
  ];
  const env = { ...process.env, PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}` };
  const credentials = createCredentialResolver({ env, processRunner: createNodeProcessRunner(), allowWorkspaceCommands: true });
  const client = createModelClient({ credentials, env, clock: instantClock() });
  const provider = makeProvider('chat', `${server.baseUrl}/v1/projects/my-project/locations/us-central1/endpoints/openapi`, {
    id: 'vertex',
    name: 'Vertex AI',
    auth: { command: 'gcloud', args: ['auth', 'print-access-token'], timeoutMs: 5000, refreshIntervalMs: 300_000 },
  });

  const first = summarize(await collect(client.stream({ provider, model: 'google/gemini-2.5-pro', messages: [{ role: 'user', content: 'hi' }] })));
  assert.equal(first.error, undefined);
  assert.equal(first.text, 'Hello from Gemini');
  assert.equal(server.requests[0].url, '/v1/projects/my-project/locations/us-central1/endpoints/openapi/chat/completions');
  assert.equal(server.requests[0].headers.authorization, 'Bearer ya29.fake-token-1');

  // The cached token is reused until the server rejects it; then gcloud runs again, once.
  const second = summarize(await collect(client.stream({ provider, model: 'google/gemini-2.5-pro', messages: [{ role: 'user', content: 'again' }] })));
  assert.equal(second.text, 'Hello again');
  assert.equal(server.requests[1].headers.authorization, 'Bearer ya29.fake-token-1');
  assert.equal(server.requests[2].headers.authorization, 'Bearer ya29.fake-token-2');
  assert.equal(second.retries.length, 1);
});
