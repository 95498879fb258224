/**
 * The long-session benchmark in its own process (run with --expose-gc): one AgentSession with
 * the node session store on does `turns` turns against an in-process model (each turn: one
 * read_file tool call, then a ~400-character answer streamed in 10 deltas). Heap after a forced
 * GC before the first turn and after the last; the size of the saved session file is what the
 * session must keep, the natural yardstick for the growth.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AgentSession } from '../../src/core/agent/agentSession';
import type { ModelClient, ModelRequest } from '../../src/core/wire/modelClient';
import type { StreamEvent } from '../../src/shared/streamEvents';
import { createNodeSessionStore } from '../../src/node/nodeSessionStore';
import { createNodeWorkspaceFiles } from '../../src/node/nodeWorkspaceFiles';
import { caseInput, reportCase } from '../lib/childCase';

interface Input {
  turns: number;
}

const ANSWER = 'The file defines a small helper that doubles its input and a constant used by the tests. '.repeat(4).trim();

/** Answers a tool call when the last message is the user's, else the text answer. */
class LocalModel implements ModelClient {
  private calls = 0;

  async *stream(request: ModelRequest): AsyncIterable<StreamEvent> {
    const last = request.messages[request.messages.length - 1];
    const usage = { inputTokens: 1000, outputTokens: 100, cachedInputTokens: 0, reasoningTokens: 0 };
    if (last?.role === 'user') {
      const id = `call_${++this.calls}`;
      const args = JSON.stringify({ path: 'src/app.ts' });
      yield { type: 'tool-call-start', id, name: 'read_file' };
      yield { type: 'tool-call-delta', id, argumentsDelta: args };
      yield { type: 'tool-call-end', id, name: 'read_file', arguments: args };
      yield { type: 'usage', usage };
      yield { type: 'done', stopReason: 'tool_calls' };
      return;
    }
    const size = Math.ceil(ANSWER.length / 10);
    for (let i = 0; i < ANSWER.length; i += size) yield { type: 'text-delta', text: ANSWER.slice(i, i + size) };
    yield { type: 'usage', usage };
    yield { type: 'done', stopReason: 'stop' };
  }
}

function gcHeap(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('Run this case with --expose-gc.');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

async function main(): Promise<void> {
  const { turns } = caseInput<Input>();
  const root = mkdtempSync(join(tmpdir(), 'sb-bench-session-'));
  try {
    const workspace = join(root, 'workspace');
    mkdirSync(join(workspace, 'src'), { recursive: true });
    writeFileSync(join(workspace, 'src', 'app.ts'), 'export const double = (n: number) => n * 2;\nexport const LIMIT = 10;\n');
    const sessions = join(root, 'sessions');
    const session = new AgentSession({
      client: new LocalModel(),
      files: createNodeWorkspaceFiles(workspace),
      provider: {
        id: 'bench', name: 'Bench', baseUrl: 'http://127.0.0.1:1/v1', wireApi: 'responses', httpHeaders: {}, envHttpHeaders: {}, queryParams: {},
        requestMaxRetries: 0, streamMaxRetries: 0, streamIdleTimeoutMs: 1000, supportsWebsockets: false, requiresOpenaiAuth: false,
        source: 'user', fromWorkspace: false,
      },
      model: 'bench-model',
      approvalMode: 'ask',
      store: createNodeSessionStore(sessions),
    });
    const before = gcHeap();
    const turnMs: number[] = [];
    const start = performance.now();
    for (let i = 0; i < turns; i++) {
      const t0 = performance.now();
      const result = await session.send(`Question ${i + 1}: what does src/app.ts export?`);
      turnMs.push(performance.now() - t0);
      if (result.reason !== 'completed') throw new Error(`Turn ${i + 1} ended with ${result.reason}: ${result.error?.message ?? ''}`);
    }
    await session.flush();
    const totalMs = performance.now() - start;
    const after = gcHeap();
    const files = readdirSync(sessions).filter((n) => n.endsWith('.json'));
    if (files.length !== 1) throw new Error(`Expected one saved session, found ${files.length}.`);
    const savedBytes = statSync(join(sessions, files[0])).size;
    const avg = (list: number[]) => list.reduce((a, b) => a + b, 0) / list.length;
    reportCase({
      heapBeforeBytes: before,
      heapAfterBytes: after,
      savedBytes,
      transcriptEntries: session.transcript.length,
      totalMs,
      firstTurnsMs: avg(turnMs.slice(0, 100)),
      lastTurnsMs: avg(turnMs.slice(-100)),
      rssBytes: process.memoryUsage().rss,
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
