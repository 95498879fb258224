// Test doubles for the agent: a scripted ModelClient, stream-event builders, temp workspaces,
// a recording approval handler, an in-memory session store and a fake ProcessRunner.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ProviderInfo } from '../../../src/core/providers/providerInfo';
import type { ModelClient, ModelRequest } from '../../../src/core/wire/modelClient';
import type { ProcessResult, ProcessRunner, RunOptions } from '../../../src/core/ports';
import type { StreamEvent, Usage } from '../../../src/shared/streamEvents';
import type { ApprovalDecision, ApprovalHandler, ApprovalRequest } from '../../../src/core/agent/approvals';
import type { SessionRecord, SessionStore, SessionSummary } from '../../../src/core/agent/sessionStore';
import { summarizeSession } from '../../../src/core/agent/sessionStore';
import type { AgentEvent } from '../../../src/core/agent/agentEvents';
import type { AgentSession } from '../../../src/core/agent/agentSession';

/** One model response: fixed events, or a generator that sees the request. */
export type ScriptStep = StreamEvent[] | ((request: ModelRequest) => AsyncIterable<StreamEvent>);

/** A ModelClient that answers each request with the next scripted step and records requests. */
export class ScriptedClient implements ModelClient {
  readonly requests: ModelRequest[] = [];
  constructor(private readonly steps: ScriptStep[]) {}

  async *stream(request: ModelRequest): AsyncIterable<StreamEvent> {
    this.requests.push({ ...request, messages: structuredClone(request.messages) });
    const step = this.steps.shift();
    if (!step) {
      yield { type: 'error', error: { kind: 'internal', message: 'script ran out of steps' } };
      return;
    }
    if (Array.isArray(step)) {
      for (const event of step) yield event;
    } else {
      yield* step(request);
    }
  }
}

export function usage(input: number, output: number): Usage {
  return { inputTokens: input, outputTokens: output, cachedInputTokens: 0, reasoningTokens: 0 };
}

/** A plain answer streamed in `chunks` deltas. */
export function textReply(text: string, options: { chunks?: number; usage?: Usage } = {}): StreamEvent[] {
  const n = Math.max(1, options.chunks ?? 1);
  const size = Math.ceil(text.length / n);
  const events: StreamEvent[] = [];
  for (let i = 0; i < text.length; i += size) events.push({ type: 'text-delta', text: text.slice(i, i + size) });
  events.push({ type: 'usage', usage: options.usage ?? usage(10, 5) });
  events.push({ type: 'done', stopReason: 'stop' });
  return events;
}

export interface ScriptedCall {
  id: string;
  name: string;
  /** An object is JSON-encoded; a string is sent as is (for broken JSON). */
  args: unknown;
}

/** A response that asks for `calls` (arguments streamed in two deltas), optionally after some text. */
export function toolCallReply(calls: ScriptedCall[], options: { text?: string; usage?: Usage } = {}): StreamEvent[] {
  const events: StreamEvent[] = [];
  if (options.text) events.push({ type: 'text-delta', text: options.text });
  for (const call of calls) {
    const json = typeof call.args === 'string' ? call.args : JSON.stringify(call.args);
    const half = Math.floor(json.length / 2);
    events.push({ type: 'tool-call-start', id: call.id, name: call.name });
    events.push({ type: 'tool-call-delta', id: call.id, argumentsDelta: json.slice(0, half) });
    events.push({ type: 'tool-call-delta', id: call.id, argumentsDelta: json.slice(half) });
    events.push({ type: 'tool-call-end', id: call.id, name: call.name, arguments: json });
  }
  events.push({ type: 'usage', usage: options.usage ?? usage(10, 5) });
  events.push({ type: 'done', stopReason: 'tool_calls' });
  return events;
}

/** A promise with its resolve function exposed. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

export function provider(id: string, overrides: Partial<ProviderInfo> = {}): ProviderInfo {
  return {
    id,
    name: id.toUpperCase(),
    baseUrl: 'http://127.0.0.1:1',
    wireApi: 'responses',
    httpHeaders: {},
    envHttpHeaders: {},
    queryParams: {},
    requestMaxRetries: 0,
    streamMaxRetries: 0,
    streamIdleTimeoutMs: 1000,
    supportsWebsockets: false,
    requiresOpenaiAuth: false,
    source: 'builtin',
    fromWorkspace: false,
    ...overrides,
  };
}

/** A temp directory with `files` (relative path -> text); `cleanup` removes it. */
export function tempWorkspace(files: Record<string, string> = {}): { root: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'sb-agent-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** An approval handler answering from a queue (default `approve`) and recording requests. */
export class RecordingApprovals implements ApprovalHandler {
  readonly requests: ApprovalRequest[] = [];
  constructor(private readonly decisions: (ApprovalDecision | ((r: ApprovalRequest, s: AbortSignal) => Promise<ApprovalDecision>))[] = []) {}

  requestApproval(request: ApprovalRequest, signal: AbortSignal): Promise<ApprovalDecision> {
    this.requests.push(request);
    const next = this.decisions.shift() ?? 'approve';
    return typeof next === 'function' ? next(request, signal) : Promise.resolve(next);
  }
}

/** A SessionStore in memory; `saves` counts writes and keeps JSON copies. */
export class MemoryStore implements SessionStore {
  readonly records = new Map<string, string>();
  saves = 0;
  failWith: Error | undefined;

  async save(record: SessionRecord): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.saves++;
    this.records.set(record.id, JSON.stringify(record));
  }
  async load(id: string): Promise<SessionRecord | undefined> {
    const json = this.records.get(id);
    return json === undefined ? undefined : (JSON.parse(json) as SessionRecord);
  }
  async list(): Promise<SessionSummary[]> {
    return [...this.records.values()].map((j) => summarizeSession(JSON.parse(j) as SessionRecord));
  }
  async delete(id: string): Promise<void> {
    this.records.delete(id);
  }
}

/** A ProcessRunner that records calls and answers with `respond`. */
export class FakeRunner implements ProcessRunner {
  readonly shellCalls: { commandLine: string; options: RunOptions }[] = [];
  constructor(private readonly respond: (commandLine: string, options: RunOptions) => Promise<ProcessResult> | ProcessResult) {}

  runCommand(): Promise<ProcessResult> {
    throw new Error('runCommand is not used by the agent');
  }
  async runShell(commandLine: string, options: RunOptions): Promise<ProcessResult> {
    this.shellCalls.push({ commandLine, options });
    return this.respond(commandLine, options);
  }
}

export function processResult(overrides: Partial<ProcessResult> = {}): ProcessResult {
  return { exitCode: 0, signal: null, stdout: '', stderr: '', timedOut: false, truncated: false, ...overrides };
}

/** Collects a session's events. */
export function recordEvents(session: AgentSession): AgentEvent[] {
  const events: AgentEvent[] = [];
  session.onEvent((e) => events.push(e));
  return events;
}

/** Resolves when `predicate` holds, polling every few ms; rejects after `timeoutMs`. */
export async function waitFor(predicate: () => boolean | Promise<boolean>, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error('waitFor timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}
