/**
 * The agent-overhead benchmark in its own process. One run: a real `AgentSession` (real wire
 * client over undici, real workspace files, node session store on) does a turn of `calls`
 * read_file tool calls against the scripted local model server, then answers. The reference run
 * replays the very same HTTP requests (bodies and headers as the agent sent them) against a fresh
 * server with the same script in a bare `fetch` loop that only reads each response. The
 * difference is what the agent adds per tool call: building requests, parsing and normalizing
 * the SSE, running the tool, bookkeeping and saving. Runs alternate after one warm-up of each.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AgentSession } from '../../src/core/agent/agentSession';
import type { ProviderInfo } from '../../src/core/providers/providerInfo';
import { createModelClient } from '../../src/core/wire/createModelClient';
import { createNodeSessionStore } from '../../src/node/nodeSessionStore';
import { createNodeWorkspaceFiles } from '../../src/node/nodeWorkspaceFiles';
import { startScriptedModelServer, type ReceivedRequest, type ScriptedTurn } from '../../test/helpers/scriptedModelServer';
import { caseInput, reportCase } from '../lib/childCase';

interface Input {
  calls: number;
  runs: number;
  wire: 'responses' | 'chat' | 'anthropic';
}

const SOURCE = Array.from({ length: 40 }, (_, i) => `export const value${i} = ${i} * 2; // line ${i + 1}`).join('\n');

function script(calls: number): ScriptedTurn[] {
  const turns: ScriptedTurn[] = [];
  for (let i = 0; i < calls; i++) {
    turns.push({ text: i === 0 ? 'Let me look at the file.' : undefined, toolCalls: [{ id: `call_${i}`, name: 'read_file', arguments: { path: 'src/app.ts' } }] });
  }
  turns.push({ text: 'I read the file fifty times; it defines forty constants.' });
  return turns;
}

function provider(wire: Input['wire'], baseUrl: string): ProviderInfo {
  return {
    id: 'bench',
    name: 'Bench',
    baseUrl,
    wireApi: wire,
    envKey: 'BENCH_API_KEY',
    httpHeaders: {},
    envHttpHeaders: {},
    queryParams: {},
    requestMaxRetries: 0,
    streamMaxRetries: 0,
    streamIdleTimeoutMs: 30_000,
    supportsWebsockets: false,
    requiresOpenaiAuth: false,
    source: 'user',
    fromWorkspace: false,
  };
}

interface AgentRun {
  ms: number;
  requests: ReceivedRequest[];
}

async function agentRun(input: Input, workspace: string, sessions: string): Promise<AgentRun> {
  const server = await startScriptedModelServer(script(input.calls));
  try {
    const session = new AgentSession({
      client: createModelClient({
        credentials: { resolve: async () => ({ token: 'sk-bench-0123456789', source: { type: 'env', name: 'BENCH_API_KEY' } }) },
        env: {},
      }),
      files: createNodeWorkspaceFiles(workspace),
      provider: provider(input.wire, server.baseUrl),
      model: 'bench-model',
      approvalMode: 'ask',
      maxSteps: input.calls + 1,
      store: createNodeSessionStore(sessions),
    });
    const start = performance.now();
    const result = await session.send('Read src/app.ts fifty times.');
    await session.flush();
    const ms = performance.now() - start;
    if (result.reason !== 'completed') throw new Error(`The agent turn ended with ${result.reason}: ${result.error?.message ?? ''}`);
    if (server.failures.length > 0) throw new Error(`The scripted server saw bad requests: ${server.failures[0].message}`);
    if (server.requests.length !== input.calls + 1) throw new Error(`Expected ${input.calls + 1} requests, got ${server.requests.length}.`);
    return { ms, requests: [...server.requests] };
  } finally {
    await server.close();
  }
}

async function bareRun(input: Input, requests: ReceivedRequest[]): Promise<number> {
  const server = await startScriptedModelServer(script(input.calls));
  try {
    const origin = new URL(server.baseUrl).origin;
    const prepared = requests.map((r) => ({
      url: `${origin}${r.path}`,
      body: JSON.stringify(r.body),
      headers: Object.fromEntries(
        Object.entries(r.headers).filter(([k, v]) => typeof v === 'string' && !['host', 'content-length', 'connection'].includes(k)),
      ) as Record<string, string>,
    }));
    const start = performance.now();
    for (const request of prepared) {
      const response = await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body });
      await response.text();
      if (!response.ok) throw new Error(`Bare replay got HTTP ${response.status}.`);
    }
    const ms = performance.now() - start;
    if (server.failures.length > 0) throw new Error(`The scripted server rejected the replay: ${server.failures[0].message}`);
    return ms;
  } finally {
    await server.close();
  }
}

async function main(): Promise<void> {
  const input = caseInput<Input>();
  const root = mkdtempSync(join(tmpdir(), 'sb-bench-agent-'));
  try {
    const workspace = join(root, 'workspace');
    mkdirSync(join(workspace, 'src'), { recursive: true });
    writeFileSync(join(workspace, 'src', 'app.ts'), `${SOURCE}\n`);
    const sessions = join(root, 'sessions');
    // Warm-up (JIT, connection setup, module loading), not counted.
    const warm = await agentRun(input, workspace, sessions);
    await bareRun(input, warm.requests);
    const agentMs: number[] = [];
    const bareMs: number[] = [];
    let requestBytes = 0;
    for (let i = 0; i < input.runs; i++) {
      const agent = await agentRun(input, workspace, sessions);
      agentMs.push(agent.ms);
      bareMs.push(await bareRun(input, agent.requests));
      requestBytes = agent.requests.reduce((sum, r) => sum + JSON.stringify(r.body).length, 0);
    }
    reportCase({ agentMs, bareMs, requests: input.calls + 1, requestBytes });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
