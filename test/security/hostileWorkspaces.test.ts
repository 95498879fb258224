// Hostile workspaces (test/helpers/hostileWorkspaces.ts) through the real loadConfig, credential
// resolver, request builder and ModelClient / listModels, in the combinations the hosts use:
//
// - untrusted, config in use: `trustWorkspace: false` (workspace files not applied);
// - untrusted, display config: VS Code also loads the workspace files (`trustWorkspace: true`) to
//   SHOW their providers, and "Test Connection" / "List Models" can be run on them: resolver with
//   `allowWorkspaceCommands: false` and the consent hook (core's decideCredentialUse, as the
//   VS Code CredentialConsent applies it) with workspaceTrusted false;
// - trusted, `allowWorkspaceCommands` false and true, consent hook answering deny or allow.
//
// Asserted at the attacker's HTTP server: no credential header and no env_http_headers secret
// ever arrives unless the user allowed it, and the consent question comes BEFORE any request; the
// workspace auth command never runs (marker file) unless allowed; each refusal is a clear auth
// error or diagnostic. Resource cases (50 MB file, 10,000-deep nesting, /dev/zero, a FIFO,
// symlinks leading outside) load within 2 s, never throw, and report a diagnostic naming the file.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../../src/core/config/loadConfig';
import type { ResolvedConfig } from '../../src/core/config/resolvedConfig';
import type { ConfigFileSystem } from '../../src/core/ports';
import { createCredentialResolver } from '../../src/core/providers/credentialResolver';
import type { CredentialSource } from '../../src/core/providers/credential';
import type { ProviderInfo } from '../../src/core/providers/providerInfo';
import { decideCredentialUse, type ConsentAnswer } from '../../src/core/providers/providerTrust';
import { createModelClient } from '../../src/core/wire/createModelClient';
import { listModels } from '../../src/core/wire/listModels';
import { createNodeConfigFs } from '../../src/node/nodeConfigFs';
import { createNodeProcessRunner } from '../../src/node/processRunner';
import { SwitchboardError, toErrorInfo, type ErrorInfo } from '../../src/shared/errors';
import { CanarySet, echoOfHeaders, startEchoServer, type EchoServer } from '../helpers/canary';
import { createHostileWorkspace, hostileCaseNames, HOSTILE_CASES, type HostileWorkspace } from '../helpers/hostileWorkspaces';
import { collect, instantClock, withinBudget } from './support';

const canaries = new CanarySet();
let evil: EchoServer;
let user: EchoServer;

before(async () => {
  evil = await startEchoServer(() => ({ kind: 'answer' }));
  user = await startEchoServer(() => ({ kind: 'answer' }));
});
after(async () => {
  await evil.close();
  await user.close();
});

function make(name: string): HostileWorkspace {
  const ws = createHostileWorkspace(name, { evilUrl: evil.baseUrl, userUrl: user.baseUrl, canaries });
  after(() => ws.cleanup());
  return ws;
}

/** The Node config fs, recording every path `readText` opened. */
function spyingFs(): ConfigFileSystem & { read: string[] } {
  const real = createNodeConfigFs();
  const read: string[] = [];
  return { ...real, read, readText: (path) => (read.push(path), real.readText(path)) };
}

function load(ws: HostileWorkspace, trustWorkspace: boolean, fs: ConfigFileSystem = createNodeConfigFs()): Promise<ResolvedConfig> {
  return loadConfig({ cwd: ws.workspace, env: ws.env, fs, homeDir: ws.home, trustWorkspace });
}

interface Consent {
  asks: { question: string; evilRequestsBefore: number }[];
  hook(provider: ProviderInfo, source: CredentialSource): Promise<boolean>;
}

/** The consent hook as the VS Code layer applies it, answering `answer` when it has to ask. */
function consent(config: ResolvedConfig, trusted: boolean, answer: ConsentAnswer): Consent {
  const consents: Record<string, ConsentAnswer> = {};
  const asks: Consent['asks'] = [];
  return {
    asks,
    async hook(provider, source) {
      const d = decideCredentialUse({ provider, source, fields: config.fieldSources[provider.id], workspaceTrusted: trusted, consents });
      if (d.action === 'allow') return true;
      if (d.action === 'block' || d.action === 'deny') throw new SwitchboardError({ kind: 'auth', message: d.reason, providerId: provider.id });
      asks.push({ question: d.question, evilRequestsBefore: evil.requests.length });
      consents[d.consentKey] = answer;
      if (answer === 'allow') return true;
      throw new SwitchboardError({ kind: 'auth', message: `Not sent: you chose not to send this credential to provider "${provider.id}".`, providerId: provider.id });
    },
  };
}

interface Attempt {
  errors: ErrorInfo[];
  evilRequests: string[];
}

/** Streams one turn and lists models with `provider`; returns the errors and what reached the attacker. */
async function use(ws: HostileWorkspace, provider: ProviderInfo, options: { allowWorkspaceCommands: boolean; hook?: Consent['hook'] }): Promise<Attempt> {
  const from = evil.requests.length;
  const credentials = createCredentialResolver({
    env: ws.env,
    processRunner: createNodeProcessRunner(),
    allowWorkspaceCommands: options.allowWorkspaceCommands,
    ...(options.hook && { mayUseCredential: options.hook }),
  });
  const deps = { credentials, env: ws.env, clock: instantClock() };
  const errors: ErrorInfo[] = [];
  const events = await collect(createModelClient(deps).stream({ provider: { ...provider, requestMaxRetries: 0 }, model: 'm', messages: [{ role: 'user', content: 'hi' }] }));
  for (const e of events) if (e.type === 'error') errors.push(e.error);
  await listModels(deps, provider, { refresh: true }).catch((error: unknown) => errors.push(toErrorInfo(error)));
  canaries.assertAbsent(`${ws.name}: errors`, errors, events);
  return { errors, evilRequests: evil.requests.slice(from).map((r) => echoOfHeaders(r.headers)) };
}

function assertNoSecretArrived(ws: HostileWorkspace, attempt: Attempt): void {
  for (const echo of attempt.evilRequests) {
    for (const secret of ws.secrets) assert.ok(!echo.includes(secret), `${ws.name}: a secret reached the attacker's server. Protection expected: ${ws.protection}`);
  }
}

function assertClearAuthRefusal(ws: HostileWorkspace, attempt: Attempt, pattern: RegExp): void {
  assert.equal(attempt.errors.length, 2, `${ws.name}: the turn and the model list should both be refused: ${JSON.stringify(attempt.errors)}`);
  for (const error of attempt.errors) {
    assert.equal(error.kind, 'auth', JSON.stringify(error));
    assert.match(error.message, pattern);
    assert.ok(error.message.includes(`"${ws.providerId}"`) || error.message.includes(`\`${ws.providerId}\``), `the message names the provider: ${error.message}`);
  }
}

describe('credential cases', () => {
  for (const name of hostileCaseNames('credential')) {
    describe(name, () => {
      test('untrusted, config in use: workspace files are not applied; the attacker gets nothing', async () => {
        const ws = make(name);
        const fs = spyingFs();
        const config = await load(ws, false, fs);
        for (const file of ws.workspaceFiles) {
          assert.ok(!fs.read.includes(file), `${file} was read in an untrusted workspace`);
          assert.ok(config.diagnostics.some((d) => d.code === 'workspace-untrusted' && d.file === file), `no untrusted warning for ${file}`);
        }
        assert.deepEqual(config.providers.filter((p) => p.baseUrl === evil.baseUrl || p.fromWorkspace).map((p) => p.id), []);
        const same = config.providers.find((p) => p.id === ws.providerId);
        if (same?.baseUrl === user.baseUrl) {
          // The user's own provider is unchanged: using it sends the key to the user's server only.
          const before = user.requests.length;
          const attempt = await use(ws, same, { allowWorkspaceCommands: false, hook: consent(config, false, 'deny').hook });
          assert.deepEqual(attempt.errors, []);
          assert.equal(attempt.evilRequests.length, 0);
          assert.ok(user.requests.slice(before).every((r) => ws.secrets.every((s) => echoOfHeaders(r.headers).includes(s))));
        }
        if (ws.marker) assert.equal(existsSync(ws.marker), false);
      });

      test('untrusted, display config (Test Connection on a shown provider): refused before anything runs or is sent', async () => {
        const ws = make(name);
        const config = await load(ws, true);
        const provider = config.providers.find((p) => p.id === ws.providerId)!;
        assert.ok(provider, 'the display load shows the workspace provider');
        assert.equal(provider.fromWorkspace, true, `${name}: the provider must count as workspace-defined. ${ws.protection}`);
        assert.equal(provider.baseUrl, evil.baseUrl);
        const attempt = await use(ws, provider, { allowWorkspaceCommands: false, hook: consent(config, false, 'allow').hook });
        assert.equal(attempt.evilRequests.length, 0, `${name}: a request reached the attacker. ${ws.protection}`);
        assertClearAuthRefusal(ws, attempt, /not trusted/);
        if (ws.marker) assert.equal(existsSync(ws.marker), false, 'the workspace auth command ran in an untrusted workspace');
      });

      test('trusted, consent denied: the question comes first, nothing secret is sent', async () => {
        const ws = make(name);
        const config = await load(ws, true);
        const provider = config.providers.find((p) => p.id === ws.providerId)!;
        const gate = consent(config, true, 'deny');
        const before = evil.requests.length;
        const attempt = await use(ws, provider, { allowWorkspaceCommands: true, hook: gate.hook });
        assertNoSecretArrived(ws, attempt);
        if (ws.secrets.length === 0) {
          // The workspace's own command and token: trusted workspaces may use them without asking.
          assert.deepEqual(gate.asks, []);
          assert.equal(existsSync(ws.marker!), true, 'a trusted workspace runs its own auth command');
          assert.ok(attempt.evilRequests.every((echo) => echo.includes('workspace-own-token')));
          return;
        }
        assert.ok(gate.asks.length > 0, `${name}: the user was not asked. ${ws.protection}`);
        assert.ok(gate.asks.every((a) => a.evilRequestsBefore === before), 'a request went out before the user answered');
        const host = new URL(evil.baseUrl).host;
        assert.ok(gate.asks.every((a) => a.question.includes(host)), `the question names ${host}: ${gate.asks[0].question}`);
        assertClearAuthRefusal(ws, attempt, /chose not to send/);
      });

      test('trusted, consent allowed: the credential is sent (so the gate is what withheld it)', async () => {
        const ws = make(name);
        const config = await load(ws, true);
        const provider = config.providers.find((p) => p.id === ws.providerId)!;
        const attempt = await use(ws, provider, { allowWorkspaceCommands: true, hook: consent(config, true, 'allow').hook });
        assert.deepEqual(attempt.errors, []);
        const sent = attempt.evilRequests.join('\n');
        for (const secret of ws.secrets) assert.ok(sent.includes(secret), 'the allowed secret was sent');
      });
    });
  }

  test('workspace-auth-command, trusted but allowWorkspaceCommands false: the command does not run', async () => {
    const ws = make('workspace-auth-command');
    const config = await load(ws, true);
    const provider = config.providers.find((p) => p.id === 'wsc')!;
    const attempt = await use(ws, provider, { allowWorkspaceCommands: false });
    assert.equal(attempt.evilRequests.length, 0);
    assertClearAuthRefusal(ws, attempt, /will not run its auth command/);
    assert.equal(existsSync(ws.marker!), false);
  });

  test('without any hook (an embedder that passes none), workspace auth commands still do not run by default', async () => {
    const ws = make('workspace-auth-command');
    const config = await load(ws, true);
    const credentials = createCredentialResolver({ env: ws.env, processRunner: createNodeProcessRunner() });
    await assert.rejects(credentials.resolve(config.providers.find((p) => p.id === 'wsc')!), /will not run its auth command/);
    assert.equal(existsSync(ws.marker!), false);
  });
});

describe('resource cases: bounded time, no throw, a diagnostic naming the file', () => {
  const EXPECTED: Record<string, string> = {
    'huge-file': 'file-too-large',
    'deep-nested-arrays': 'toml-syntax',
    'deep-nested-inline-tables': 'toml-syntax',
    'dev-zero-symlink': 'file-read-error',
    'fifo-codex-toml': 'not-a-regular-file',
    'symlink-outside-workspace': 'file-read-error',
    'dot-codex-dir-symlink-outside': 'file-read-error',
  };
  test('every resource case has an expectation', () => assert.deepEqual(hostileCaseNames('resource').sort(), Object.keys(EXPECTED).sort()));

  for (const name of hostileCaseNames('resource')) {
    test(name, async () => {
      const ws = make(name);
      for (const trusted of [false, true]) {
        const fs = spyingFs();
        const { value: config, ms } = await withinBudget(`${name} (trusted ${trusted})`, 2000, () => load(ws, trusted, fs));
        const file = ws.workspaceFiles[0];
        const code = trusted ? EXPECTED[name] : 'workspace-untrusted';
        const d = config.diagnostics.find((x) => x.file === file && x.code === code);
        assert.ok(d, `${name} (trusted ${trusted}): expected ${code} for ${file}, got ${JSON.stringify(config.diagnostics)}. ${HOSTILE_CASES.find((c) => c.name === name)!.protection}`);
        if (code === 'toml-syntax') assert.equal(d.line, 1);
        if (!trusted) assert.ok(!fs.read.includes(file), 'an untrusted workspace file was read');
        if (ws.outsideFile) {
          assert.ok(!fs.read.some((p) => p === ws.outsideFile || p === file), 'the file outside the workspace was read');
          assert.ok(config.files.some((f) => f.path === file && !f.applied));
        }
        assert.ok(config.providers.some((p) => p.id === 'anthropic'), 'built-ins intact');
        canaries.assertAbsent(`${name} config`, config);
        assert.ok(ms < 2000);
      }
    });
  }
});
