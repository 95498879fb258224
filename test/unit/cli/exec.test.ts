// `switchboard exec` without a network: where the prompt comes from (arguments, stdin, none on a
// terminal), usage and config errors (exit 2), Ctrl-C while reading stdin (130; a second Ctrl-C
// quits at once), and the two printers: text mode keeps stdout to the answer (steps set off by a
// blank line, one final newline) and sends the rest to stderr; --json writes one event per line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AgentEvent } from '../../../src/core/agent/agentEvents';
import type { TurnResult } from '../../../src/core/agent/agentSession';
import type { ResolvedConfig } from '../../../src/core/config/resolvedConfig';
import { runExec } from '../../../src/cli/commands/exec';
import type { ExecHost } from '../../../src/cli/commands/execHost';
import { jsonPrinter, textPrinter, type ExecJsonLine } from '../../../src/cli/commands/execPrinter';
import type { CliContext } from '../../../src/cli/verbTypes';
import { createNodeProcessRunner } from '../../../src/node/processRunner';
import { emptyUsage } from '../../../src/shared/streamEvents';
import { provider, resolvedConfig } from '../../helpers/providerFixture';

function config(overrides: Partial<ResolvedConfig> = {}): ResolvedConfig {
  return resolvedConfig({
    providers: [provider({ id: 'corp', name: 'Corp', envKey: 'CORP_KEY', baseUrl: 'http://127.0.0.1:1/v1' })],
    provider: { value: 'corp', source: 'user' },
    model: { value: 'corp-1', source: 'user' },
    ...overrides,
  });
}

interface FakeHost extends ExecHost {
  interrupt(): void;
  exits: number[];
  stdinReads: number;
}

function fakeHost(stdin: Promise<string> | string, isTTY = false): FakeHost {
  const handlers = new Set<() => void>();
  const host: FakeHost = {
    stdinIsTTY: isTTY,
    exits: [],
    stdinReads: 0,
    readStdin: async () => {
      host.stdinReads++;
      return stdin;
    },
    onInterrupt(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    exitNow: (code) => void host.exits.push(code),
    interrupt: () => handlers.forEach((h) => h()),
  };
  return host;
}

function context(positionals: string[], values: CliContext['values'] = {}, resolved: ResolvedConfig = config()) {
  const out = { stdout: '', stderr: '', loads: 0 };
  const ctx: CliContext = {
    global: { overrides: [], trustWorkspace: false, json: false, help: false, version: false },
    values,
    positionals,
    cwd: process.cwd(),
    env: {},
    homeDir: '/home/u',
    io: { stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t) },
    processRunner: createNodeProcessRunner(),
    loadConfig: async () => (out.loads++, resolved),
  };
  return { ctx, out };
}

test('no prompt argument and stdin is a terminal: usage error 2, stdin is not read', async () => {
  const host = fakeHost('never', true);
  const { ctx, out } = context([]);
  assert.equal(await runExec(ctx, host), 2);
  assert.equal(host.stdinReads, 0);
  assert.match(out.stderr, /no prompt: pass it as an argument, or pipe it on stdin/);
  assert.equal(out.loads, 0);
});

test('a bad --approval value is a usage error before anything else happens', async () => {
  const { ctx, out } = context(['hi'], { approval: 'ask' });
  assert.equal(await runExec(ctx, fakeHost('')), 2);
  assert.match(out.stderr, /--approval must be read-only or auto, not "ask"/);
  assert.equal(out.loads, 0);
});

test('config errors print file:line:column on stderr and exit 2; so does a missing model', async () => {
  const broken = config({
    diagnostics: [{ severity: 'error', code: 'toml-syntax', message: 'Invalid TOML.', file: '/home/u/.codex/config.toml', line: 4, column: 12 }],
  });
  const first = context(['hi'], {}, broken);
  assert.equal(await runExec(first.ctx, fakeHost('')), 2);
  assert.equal(first.out.stderr, '/home/u/.codex/config.toml:4:12: error: Invalid TOML.\n');
  assert.equal(first.out.stdout, '');

  const noModel = context(['hi'], {}, config({ model: { value: undefined, source: 'builtin' } }));
  assert.equal(await runExec(noModel.ctx, fakeHost('')), 2);
  assert.match(noModel.out.stderr, /no model is set for provider "corp"\. Pass --model <name>/);
});

test('Ctrl-C while the prompt is read from stdin: exit 130; a second Ctrl-C quits at once', async () => {
  let release!: (text: string) => void;
  const host = fakeHost(new Promise<string>((resolve) => (release = resolve)));
  const { ctx, out } = context(['-']);
  const running = runExec(ctx, host);
  await new Promise((r) => setImmediate(r));
  host.interrupt();
  assert.deepEqual(host.exits, [], 'the first Ctrl-C only stops the work');
  assert.match(out.stderr, /interrupted; stopping \(Ctrl-C again quits at once\)/);
  host.interrupt();
  assert.deepEqual(host.exits, [130], 'the second Ctrl-C exits immediately');
  release('a prompt');
  assert.equal(await running, 130);
  assert.equal(out.loads, 0, 'nothing runs after the interrupt');
  host.interrupt();
  assert.deepEqual(host.exits, [130], 'the handler is removed when exec ends');
});

const stream = (event: Extract<AgentEvent, { type: 'stream' }>['event'], step = 1): AgentEvent => ({ type: 'stream', turnId: 't', step, event });
const completed: TurnResult = { reason: 'completed', text: 'Done.', usage: emptyUsage() };

test('text printer: answer on stdout (steps set off by a blank line, a final newline), the rest on stderr', () => {
  let stdout = '';
  let stderr = '';
  const printer = textPrinter({ stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  const events: AgentEvent[] = [
    { type: 'step-started', turnId: 't', step: 1, providerId: 'p', model: 'm' },
    stream({ type: 'reasoning-delta', text: 'Let me look.' }),
    stream({ type: 'text-delta', text: 'I will check ' }),
    stream({ type: 'text-delta', text: 'the file.' }),
    stream({ type: 'retry', attempt: 1, delayMs: 250, reason: 'Server error. Retrying in 250 ms (1 of 4).' }),
    { type: 'tool-call', turnId: 't', call: { callId: 'c1', name: 'read_file', status: 'running', title: 'Read a.txt' } },
    { type: 'tool-output', turnId: 't', callId: 'c2', chunk: 'npm ERR!\n', stream: 'stderr' },
    {
      type: 'tool-call',
      turnId: 't',
      call: { callId: 'c3', name: 'edit_file', status: 'done', title: 'Edit a.txt', result: { content: 'edit_file is not allowed in read-only mode: ...', isError: true } },
    },
    { type: 'step-started', turnId: 't', step: 2, providerId: 'p', model: 'm' },
    stream({ type: 'text-delta', text: 'Done.' }, 2),
    stream({ type: 'done', stopReason: 'stop' }, 2),
  ];
  for (const event of events) printer.onEvent(event);
  printer.finish(completed);
  assert.equal(stdout, 'I will check the file.\n\nDone.\n');
  assert.equal(
    stderr,
    '[reasoning] Let me look.\nswitchboard: Server error. Retrying in 250 ms (1 of 4).\n• Read a.txt\nnpm ERR!\n✗ Edit a.txt: edit_file is not allowed in read-only mode: ...\n',
  );
});

test('text printer: a failed turn writes its message and fix to stderr only', () => {
  let stdout = '';
  let stderr = '';
  const printer = textPrinter({ stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  printer.finish({ reason: 'error', text: '', usage: emptyUsage(), error: { kind: 'auth', message: 'Missing environment variable: `K`.', fix: 'Set K.' } });
  assert.equal(stdout, '');
  assert.equal(stderr, 'switchboard: Missing environment variable: `K`.\nSet K.\n');
});

test('json printer: stream events verbatim, tool events, turn-ended last; one JSON object per line', () => {
  let stdout = '';
  const printer = jsonPrinter({ stdout: (t) => void (stdout += t), stderr: () => {} });
  printer.onEvent({ type: 'turn-started', turnId: 't', providerId: 'p', model: 'm' });
  printer.onEvent(stream({ type: 'text-delta', text: 'Hi\n"there"' }));
  printer.onEvent({ type: 'tool-call', turnId: 't', call: { callId: 'c1', name: 'read_file', status: 'pending', title: 'Read a' } });
  printer.onEvent({ type: 'tool-output', turnId: 't', callId: 'c1', chunk: 'x', stream: 'stdout' });
  printer.onEvent(stream({ type: 'done', stopReason: 'stop' }));
  printer.finish(completed);
  const lines = stdout.split('\n');
  assert.equal(lines.pop(), '', 'ends with a newline');
  assert.deepEqual(
    lines.map((l) => JSON.parse(l) as ExecJsonLine),
    [
      { type: 'text-delta', text: 'Hi\n"there"' },
      { type: 'tool-call', call: { callId: 'c1', name: 'read_file', status: 'pending', title: 'Read a' } },
      { type: 'tool-output', callId: 'c1', stream: 'stdout', chunk: 'x' },
      { type: 'done', stopReason: 'stop' },
      { type: 'turn-ended', reason: 'completed', usage: emptyUsage() },
    ],
  );
});
