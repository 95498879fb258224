// Secrets through the wire: a canary credential from each auth source (env key, SecretStorage,
// experimental_bearer_token, auth command stdout) plus a canary env_http_headers value is sent to
// a local provider that ECHOES every header value back — in 401/403/404/429/500 JSON bodies, a
// text/plain error page, a JSON 200, an in-stream error event, and a non-JSON SSE line. On all
// three wire protocols, through the real config loader, credential resolver and ModelClient (and
// listModels), the canaries must appear nowhere: not in stream events, errors (toErrorInfo of
// everything), nor in any Logger call at any level. The server must have received them (so the
// test is meaningful) and the shown messages must carry the server's words, redacted.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createModelClient } from '../../src/core/wire/createModelClient';
import { listModels } from '../../src/core/wire/listModels';
import type { WireDeps } from '../../src/core/wire/wireDeps';
import { toErrorInfo } from '../../src/shared/errors';
import { capturingLogger, echoOfHeaders, startEchoServer, type CapturingLogger, type EchoMode, type EchoServer } from '../helpers/canary';
import { setupCanaryProviders, SOURCES, WIRES, type CanaryProviders } from './canaryProviders';
import { collect, instantClock } from './support';

const MODES: { name: string; mode: EchoMode; quoted: boolean; completes?: boolean }[] = [
  { name: '401 JSON body', mode: { kind: 'status', status: 401 }, quoted: true },
  { name: '403 JSON body', mode: { kind: 'status', status: 403 }, quoted: true },
  { name: '404 JSON body', mode: { kind: 'status', status: 404 }, quoted: true },
  { name: '400 JSON body', mode: { kind: 'status', status: 400 }, quoted: true },
  { name: '429 JSON body', mode: { kind: 'status', status: 429, headers: { 'retry-after': '0' } }, quoted: true },
  { name: '500 JSON body', mode: { kind: 'status', status: 500 }, quoted: true },
  { name: '502 text/plain page', mode: { kind: 'plain-status', status: 502 }, quoted: true },
  { name: 'JSON error with status 200', mode: { kind: 'json-200' }, quoted: true },
  { name: 'in-stream error event', mode: { kind: 'in-stream-error' }, quoted: true },
  { name: 'non-JSON SSE line, then an answer', mode: { kind: 'garbage-then-answer' }, quoted: false, completes: true },
];

let server: EchoServer;
let currentMode: EchoMode = { kind: 'answer' };
let logger: CapturingLogger;
let deps: WireDeps;
let setup: CanaryProviders;

before(async () => {
  server = await startEchoServer(() => currentMode);
  setup = await setupCanaryProviders(server.baseUrl);
  logger = capturingLogger();
  deps = { credentials: setup.resolver(), env: setup.env, logger, clock: instantClock() };
});

after(() => server.close());

for (const wire of WIRES) {
  describe(`${wire} wire: echoed credentials never reach events, errors or logs`, () => {
    for (const source of SOURCES) {
      for (const { name, mode, quoted, completes } of MODES) {
        test(`${source} credential, ${name}`, async () => {
          currentMode = mode;
          const from = server.requests.length;
          const lines = logger.lines.length;
          const provider = setup.provider(source, wire);
          const events = await collect(createModelClient(deps).stream({ provider, model: 'canary-model', messages: [{ role: 'user', content: 'hi' }] }));

          // The server really got the secrets: otherwise this test would prove nothing.
          const sent = server.requests.slice(from);
          assert.ok(sent.length > 0, `no request reached the server: ${JSON.stringify(events)}`);
          const echoed = sent.map((r) => echoOfHeaders(r.headers)).join('\n');
          assert.ok(echoed.includes(setup.tokenOf[source]), `the ${source} credential was not sent`);
          assert.ok(echoed.includes(setup.headerValue), 'the env_http_headers value was not sent');

          const last = events.at(-1)!;
          if (completes) {
            assert.equal(last.type, 'done', JSON.stringify(last));
            assert.ok(events.some((e) => e.type === 'text-delta' && e.text === 'ok'));
          } else {
            assert.equal(last.type, 'error', JSON.stringify(events));
            if (quoted && last.type === 'error') assert.match(`${last.error.message}`, /\[REDACTED\]/, 'the provider words should be shown, redacted');
          }
          setup.canaries.assertAbsent(`${wire} stream events`, events);
          setup.canaries.assertAbsent(`${wire} logs`, logger.lines.slice(lines));
        });
      }
      test(`${source} credential: listModels errors`, async () => {
        for (const status of [401, 403, 429, 500]) {
          currentMode = { kind: 'status', status, headers: { 'retry-after': '0' } };
          const from = server.requests.length;
          const error = await listModels(deps, setup.provider(source, wire), { refresh: true }).then(
            () => assert.fail('listModels should fail'),
            (e: unknown) => e,
          );
          assert.ok(echoOfHeaders(server.requests[from].headers).includes(setup.tokenOf[source]));
          const info = toErrorInfo(error);
          assert.match(info.message, /\[REDACTED\]/);
          setup.canaries.assertAbsent(`listModels ${status}`, info, error);
        }
      });
    }
  });
}

test('a 401 with a refreshed auth-command token: both tokens echoed, neither shown', async () => {
  currentMode = { kind: 'status', status: 401 };
  const provider = setup.provider('command', 'responses');
  const before = server.requests.length;
  const events = await collect(createModelClient(deps).stream({ provider, model: 'm', messages: [{ role: 'user', content: 'hi' }] }));
  assert.equal(server.requests.length - before, 2, 'a 401 re-runs the command and retries once');
  assert.ok(events.some((e) => e.type === 'retry'));
  setup.canaries.assertAbsent('401 refresh events', events, logger.lines);
});

test('the whole logger history of this file holds no canary, at any level', () => {
  assert.ok(logger.lines.length > 0, 'the wire layer logged nothing, so this check would be empty');
  setup.canaries.assertAbsent('logger', logger.lines);
});
