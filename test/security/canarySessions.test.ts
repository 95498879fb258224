// Secrets in saved sessions and agent events: real AgentSession + createModelClient + the Node
// session store, against the echoing provider, for each auth source on each wire protocol. After
// a failed turn (401, 500, in-stream error, an auth command that prints the token and fails) and
// a turn whose stream carried an unparseable echo line, no canary may be in any file the session
// store wrote, in the agent events, the turn result, the in-memory transcript, or the logs.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AgentSession } from '../../src/core/agent/agentSession';
import type { AgentEvent } from '../../src/core/agent/agentEvents';
import { createCredentialResolver } from '../../src/core/providers/credentialResolver';
import { createModelClient } from '../../src/core/wire/createModelClient';
import type { WireDeps } from '../../src/core/wire/wireDeps';
import { createNodeSessionStore } from '../../src/node/nodeSessionStore';
import { createNodeProcessRunner } from '../../src/node/processRunner';
import { createNodeWorkspaceFiles } from '../../src/node/nodeWorkspaceFiles';
import { toErrorInfo } from '../../src/shared/errors';
import { assertNoCanaryInFiles, capturingLogger, echoOfHeaders, startEchoServer, type EchoMode, type EchoServer } from '../helpers/canary';
import { setupCanaryProviders, SOURCES, WIRES, type CanaryProviders } from './canaryProviders';
import { instantClock, q, tempDir } from './support';

let server: EchoServer;
let mode: EchoMode = { kind: 'answer' };
let setup: CanaryProviders;

before(async () => {
  server = await startEchoServer(() => mode);
  setup = await setupCanaryProviders(server.baseUrl);
});
after(() => server.close());

const FAILURES: { name: string; mode: EchoMode; ends: 'error' | 'completed' }[] = [
  { name: '401', mode: { kind: 'status', status: 401 }, ends: 'error' },
  { name: '500', mode: { kind: 'status', status: 500 }, ends: 'error' },
  { name: 'in-stream error', mode: { kind: 'in-stream-error' }, ends: 'error' },
  { name: 'echo line in a good stream', mode: { kind: 'garbage-then-answer' }, ends: 'completed' },
];

for (const source of SOURCES) {
  describe(`${source} credential: saved sessions stay clean`, () => {
    for (const wire of WIRES) {
      test(`${wire}: a session with failed and echoing turns`, async () => {
        const storeDir = tempDir('sb-sec-sessions-');
        const workspace = tempDir('sb-sec-ws-');
        const logger = capturingLogger();
        const deps: WireDeps = { credentials: setup.resolver(), env: setup.env, logger, clock: instantClock() };
        const session = new AgentSession({
          client: createModelClient(deps),
          files: createNodeWorkspaceFiles(workspace),
          provider: setup.provider(source, wire),
          model: 'canary-model',
          store: createNodeSessionStore(storeDir),
          flushIntervalMs: 1,
          logger,
        });
        const events: AgentEvent[] = [];
        session.onEvent((e) => events.push(e));
        const results = [];
        for (const failure of FAILURES) {
          mode = failure.mode;
          const from = server.requests.length;
          const result = await session.send(`try ${failure.name}`);
          assert.equal(result.reason, failure.ends, `${failure.name}: ${JSON.stringify(result)}`);
          assert.ok(echoOfHeaders(server.requests[from].headers).includes(setup.tokenOf[source]), 'the credential was sent');
          results.push(result);
        }
        await session.flush();
        const files = assertNoCanaryInFiles(setup.canaries, storeDir);
        assert.equal(files, 1, 'one session file was written');
        setup.canaries.assertAbsent('agent events', events);
        setup.canaries.assertAbsent('turn results', results);
        setup.canaries.assertAbsent('transcript', session.transcript, session.toRecord());
        setup.canaries.assertAbsent('logs', logger.lines);
        // The shown errors quote the provider (redacted), so removing redaction would fail here.
        assert.ok(results.some((r) => /\[REDACTED\]/.test(r.error?.message ?? '')));
      });
    }
  });
}

test('an auth command that prints its token on stdout and stderr and then fails: nothing of it is shown or saved', async () => {
  const dir = tempDir();
  const token = setup.canaries.add('failing command');
  const script = join(dir, 'fail.cjs');
  writeFileSync(script, `process.stdout.write(${q(token)});process.stderr.write('error: token ' + ${q(token)} + ' expired');process.exit(3);`);
  const provider = { ...setup.provider('command', 'responses'), auth: { command: process.execPath, args: [script], timeoutMs: 5000, refreshIntervalMs: 0 } };
  const storeDir = tempDir('sb-sec-sessions-');
  const logger = capturingLogger();
  const credentials = createCredentialResolver({ env: setup.env, processRunner: createNodeProcessRunner() });
  const session = new AgentSession({
    client: createModelClient({ credentials, env: setup.env, logger, clock: instantClock() }),
    files: createNodeWorkspaceFiles(tempDir()),
    provider,
    model: 'm',
    store: createNodeSessionStore(storeDir),
    logger,
  });
  const events: AgentEvent[] = [];
  session.onEvent((e) => events.push(e));
  const before = server.requests.length;
  const result = await session.send('hello');
  await session.flush();
  assert.equal(result.reason, 'error');
  assert.equal(result.error?.kind, 'auth');
  assert.match(result.error?.message ?? '', /exit code 3.*stderr: error: token \[REDACTED\] expired/);
  assert.equal(server.requests.length, before, 'nothing was sent');
  const thrown = await credentials.resolve(provider).catch((e: unknown) => e);
  setup.canaries.assertAbsent('resolver error', thrown, toErrorInfo(thrown));
  assertNoCanaryInFiles(setup.canaries, storeDir);
  setup.canaries.assertAbsent('agent events and logs', events, result, logger.lines);
});
