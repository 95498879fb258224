// Load, in one process, with the real AgentSession and Node session store: ten sessions
// streaming at once over the real ModelClient (no cross-talk, each saved transcript is its own
// shown text); a 1,000-turn session against a fast fake model (heap growth bounded, turn time
// not growing without bound); a run_command tool that prints 50 MB (capture bounded, the process
// stays small, the model gets a shortened result). Figures are printed for the lead to quote.
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { test } from 'node:test';
import { AgentSession } from '../../src/core/agent/agentSession';
import type { SessionRecord } from '../../src/core/agent/sessionStore';
import { createCredentialResolver } from '../../src/core/providers/credentialResolver';
import type { ModelClient } from '../../src/core/wire/modelClient';
import { createModelClient } from '../../src/core/wire/createModelClient';
import { createNodeSessionStore } from '../../src/node/nodeSessionStore';
import { createNodeProcessRunner } from '../../src/node/processRunner';
import { createNodeWorkspaceFiles } from '../../src/node/nodeWorkspaceFiles';
import type { StreamEvent } from '../../src/shared/streamEvents';
import { startFaultServer } from '../helpers/faultServer';
import { provider, ScriptedClient, textReply, toolCallReply } from '../unit/agent/fakes';
import { instantClock, responsesStream, tempDir } from './support';

/** A full GC when the runtime allows it (flag set at run time), so heap figures mean something. */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

function savedRecord(storeDir: string, id: string): SessionRecord {
  return JSON.parse(readFileSync(join(storeDir, `${id}.json`), 'utf8')) as SessionRecord;
}

const assistantText = (r: SessionRecord) => r.transcript.map((e) => (e.type === 'message' && e.message.role === 'assistant' ? e.message.content : '')).join('');

test('ten sessions streaming at once: each completes with its own text, saved as shown', async () => {
  const answerOf = (k: number) => Array.from({ length: 150 }, (_, i) => `s${k}w${i}`).join(' ');
  const server = await startFaultServer((index) => {
    const k = Number(/session-(\d+)/.exec(server.requests[index].body)?.[1]);
    return { kind: 'stream', body: responsesStream(answerOf(k), 150), chunkSize: 97 };
  });
  try {
    const storeDir = tempDir('sb-sec-load-');
    const client = createModelClient({ credentials: createCredentialResolver({ env: { K: 'sk-load-000000000000' } }), env: {}, clock: instantClock() });
    const p = provider('loadp', { baseUrl: `${server.baseUrl}/v1`, envKey: 'K', streamIdleTimeoutMs: 5000 });
    const sessions = Array.from({ length: 10 }, () => new AgentSession({ client, files: createNodeWorkspaceFiles(tempDir()), provider: p, model: 'm', store: createNodeSessionStore(storeDir), flushIntervalMs: 10 }));
    const shown = sessions.map(() => '');
    sessions.forEach((s, k) => s.onEvent((e) => void (e.type === 'stream' && e.event.type === 'text-delta' && (shown[k] += e.event.text))));
    const started = performance.now();
    const results = await Promise.all(sessions.map((s, k) => s.send(`session-${k}: go`)));
    const ms = performance.now() - started;
    await Promise.all(sessions.map((s) => s.flush()));
    results.forEach((r, k) => {
      assert.equal(r.reason, 'completed', JSON.stringify(r.error));
      assert.equal(shown[k], answerOf(k), `session ${k} showed another session's text`);
      assert.equal(assistantText(savedRecord(storeDir, sessions[k].id)), shown[k]);
    });
    console.log(`10 concurrent sessions: ${server.requests.length} streams of 150 deltas each, all done in ${ms.toFixed(0)} ms`);
  } finally {
    await server.close();
  }
});

/** A model that answers every request at once with a short text. */
const fastModel: ModelClient = {
  async *stream(request): AsyncIterable<StreamEvent> {
    yield { type: 'text-delta', text: `Answer ${request.messages.length}: ${'lorem ipsum '.repeat(8)}` };
    yield { type: 'usage', usage: { inputTokens: 10, outputTokens: 20, cachedInputTokens: 0, reasoningTokens: 0 } };
    yield { type: 'done', stopReason: 'stop' };
  },
};

test('a 1,000-turn session: heap growth bounded, later turns still fast, every turn saved', async () => {
  const storeDir = tempDir('sb-sec-long-');
  const session = new AgentSession({ client: fastModel, files: createNodeWorkspaceFiles(tempDir()), provider: provider('fast'), model: 'm', store: createNodeSessionStore(storeDir), systemPrompt: '' });
  const times: number[] = [];
  let baseline = 0;
  for (let i = 0; i < 1000; i++) {
    if (i === 100) {
      await session.flush();
      gc();
      baseline = process.memoryUsage().heapUsed;
    }
    const started = performance.now();
    const result = await session.send(`question ${i}: ${'please answer '.repeat(4)}`);
    times.push(performance.now() - started);
    assert.equal(result.reason, 'completed');
  }
  await session.flush();
  gc();
  const after = process.memoryUsage().heapUsed;
  const saved = savedRecord(storeDir, session.id);
  assert.equal(saved.transcript.length, 2000, 'every user and assistant message is saved');
  const fileKb = statSync(join(storeDir, `${session.id}.json`)).size / 1024;
  const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const first = avg(times.slice(0, 100));
  const last = avg(times.slice(-100));
  const growth = after - baseline;
  console.log(
    `1,000-turn session: heap after turn 100 ${mb(baseline)} MB, after turn 1000 ${mb(after)} MB (growth ${mb(growth)} MB for 1,800 more messages, ${fileKb.toFixed(0)} KB on disk); ` +
      `mean turn ${first.toFixed(2)} ms (turns 1-100) vs ${last.toFixed(2)} ms (turns 901-1000)`,
  );
  // The transcript itself is ~0.5 MB of text; a leak per turn (listeners, timers, buffers) would show up many times over.
  assert.ok(growth < 32 * 2 ** 20, `heap grew by ${mb(growth)} MB over 900 turns`);
  // Each turn rewrites the whole session file, so turns grow with the transcript; they must stay fast.
  assert.ok(last < 50, `turns slow down: ${first.toFixed(2)} ms -> ${last.toFixed(2)} ms`);
});

test('run_command printing 50 MB: capture bounded, process stays small, the model gets a shortened result', async () => {
  const storeDir = tempDir('sb-sec-flood-');
  const command = `"${process.execPath}" -e "const b=Buffer.alloc(65536,120);b[65535]=10;let n=800;const w=()=>{while(n-->0){if(!process.stdout.write(b))return process.stdout.once('drain',w)}process.stderr.write('wrote '+800*65536)};w()"`;
  const client = new ScriptedClient([toolCallReply([{ id: 'call_flood', name: 'run_command', args: { command } }]), textReply('That was a lot of output.')]);
  const session = new AgentSession({ client, files: createNodeWorkspaceFiles(tempDir()), processRunner: createNodeProcessRunner(), provider: provider('flood'), model: 'm', approvalMode: 'auto', store: createNodeSessionStore(storeDir) });
  let streamedBytes = 0;
  session.onEvent((e) => void (e.type === 'tool-output' && (streamedBytes += e.chunk.length)));
  gc();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);
  const started = performance.now();
  const result = await session.send('print a lot').finally(() => clearInterval(sampler));
  const ms = performance.now() - started;
  await session.flush();
  assert.equal(result.reason, 'completed');
  const toolMessage = client.requests[1].messages.find((m) => m.role === 'tool');
  assert.ok(toolMessage && toolMessage.role === 'tool');
  assert.ok(toolMessage.content.length < 31_000, `the model got ${toolMessage.content.length} characters`);
  assert.match(toolMessage.content, /^Exit code: 0\nstdout:\n/);
  assert.match(toolMessage.content, /characters omitted/);
  assert.match(toolMessage.content, /stderr:\nwrote 52428800/, 'the command really printed 50 MB');
  assert.match(toolMessage.content, /\[Output beyond 1 MB per stream was not captured\.\]/);
  const fileKb = statSync(join(storeDir, `${session.id}.json`)).size / 1024;
  const rssGrowth = peakRss - before.rss;
  console.log(
    `run_command 50 MB: ${ms.toFixed(0)} ms; ${mb(streamedBytes)} MB streamed to listeners; model got ${toolMessage.content.length} chars; ` +
      `session file ${fileKb.toFixed(0)} KB; peak RSS +${mb(rssGrowth)} MB`,
  );
  assert.ok(fileKb < 512, 'the saved session holds the shortened result only');
  assert.ok(rssGrowth < 300 * 2 ** 20, `RSS grew by ${mb(rssGrowth)} MB`);
  assert.ok(ms < 60_000);
});
