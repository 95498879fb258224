/**
 * The agent loop. One `AgentSession` holds a conversation and, per user message (a turn), streams
 * the model's answer, runs the tools it asks for, sends the results back, and repeats until the
 * model answers without tools, the user stops it, the max-steps guard trips, or an error ends it.
 * Every stream event is forwarded to listeners as it arrives; the session is saved after each step
 * and periodically while text streams, so a crash loses nothing already shown.
 */
import type { ChatMessage, ToolDefinition } from '../../shared/conversation';
import { SwitchboardError, toErrorInfo, type ErrorInfo } from '../../shared/errors';
import { addUsage, emptyUsage, type Usage } from '../../shared/streamEvents';
import type { Logger, ProcessRunner, WorkspaceFiles } from '../ports';
import { silentLogger } from '../ports';
import type { ProviderInfo } from '../providers/providerInfo';
import type { ModelClient, ModelRequest } from '../wire/modelClient';
import type { AgentEvent, AgentEventListener, TurnEndReason } from './agentEvents';
import { ApprovalGate } from './approvalGate';
import type { ApprovalHandler, ApprovalMode } from './approvals';
import { PathPolicy } from './pathPolicy';
import { streamModelStep, type StepEnd } from './modelStep';
import { SessionSaver } from './sessionSaver';
import { SESSION_RECORD_VERSION, type SessionRecord, type SessionStore } from './sessionStore';
import { StepAccumulator } from './stepAccumulator';
import { defaultSystemPrompt } from './systemPrompt';
import { runToolCalls, toolResultEntry, type ToolRunEnvironment } from './toolCallRunner';
import { builtinTools, toolDefinitionsForModel } from './tools/builtinTools';
import type { AgentTool } from './tools/toolTypes';
import { isSentToModel, messagesOf, noticeForStopReason, titleFromMessage, type TranscriptEntry } from './transcript';
import { repairTranscript } from './transcriptRepair';

export const DEFAULT_MAX_STEPS = 50;
export const DEFAULT_FLUSH_INTERVAL_MS = 500;

export interface AgentSessionOptions {
  client: ModelClient;
  files: WorkspaceFiles;
  /** Needed by run_command; without it the tool reports that commands are unavailable. */
  processRunner?: ProcessRunner;
  provider: ProviderInfo;
  model: string;
  /** Default `ask`. */
  approvalMode?: ApprovalMode;
  /** Absent in the CLI: every request that would ask the user is refused. */
  approvalHandler?: ApprovalHandler;
  /** Where the session is saved; absent means not saved. */
  store?: SessionStore;
  /** Continue a saved session (a transcript saved mid-turn is repaired first). */
  record?: SessionRecord;
  /** Replaces the default system prompt; `''` sends none. */
  systemPrompt?: string;
  /** Most tool rounds per turn (default 50). */
  maxSteps?: number;
  maxOutputTokens?: number;
  reasoningEffort?: ModelRequest['reasoningEffort'];
  /** Default: `builtinTools()`. */
  tools?: AgentTool[];
  /** How often streamed text is saved mid-step (default 500 ms). */
  flushIntervalMs?: number;
  /** Epoch ms (tests pass a fake). */
  now?: () => number;
  newId?: () => string;
  logger?: Logger;
}

export interface TurnResult {
  reason: TurnEndReason;
  /** The text of the turn's last assistant message ('' when there was none). */
  text: string;
  usage: Usage;
  error?: ErrorInfo;
}

interface LiveStep {
  acc: StepAccumulator;
  at: number;
  providerId: string;
  model: string;
}

export class AgentSession {
  readonly id: string;
  private readonly entries: TranscriptEntry[];
  private readonly chat: ChatMessage[];
  private titleText: string;
  private readonly createdAt: number;
  private provider: ProviderInfo;
  private modelId: string;
  private mode: ApprovalMode;
  private total: Usage;
  private readonly listeners = new Set<AgentEventListener>();
  private readonly toolEnv: ToolRunEnvironment;
  private readonly toolDefs: ToolDefinition[];
  private readonly system: ChatMessage | undefined;
  private readonly saver: SessionSaver | undefined;
  private readonly maxSteps: number;
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly logger: Logger;
  private controller: AbortController | undefined;
  private live: LiveStep | undefined;

  constructor(private readonly options: AgentSessionOptions) {
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? (() => globalThis.crypto.randomUUID());
    this.logger = options.logger ?? silentLogger;
    this.provider = options.provider;
    this.modelId = options.model;
    this.mode = options.approvalMode ?? 'ask';
    this.maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
    const record = options.record;
    this.id = record?.id ?? this.newId();
    this.titleText = record?.title ?? '';
    this.createdAt = record?.createdAt ?? this.now();
    this.total = record ? { ...emptyUsage(), ...record.usage } : emptyUsage();
    this.entries = record ? repairTranscript(record.transcript, this.now()) : [];
    this.chat = messagesOf(this.entries);

    const systemText = options.systemPrompt ?? defaultSystemPrompt({ workspaceRoot: options.files.root });
    this.system = systemText === '' ? undefined : { role: 'system', content: systemText };
    const tools = options.tools ?? builtinTools();
    this.toolDefs = toolDefinitionsForModel(tools);
    this.toolEnv = {
      tools: new Map(tools.map((t) => [t.definition.name, t])),
      files: options.files,
      ...(options.processRunner && { processRunner: options.processRunner }),
      pathPolicy: new PathPolicy(options.files),
      approvals: new ApprovalGate(options.approvalHandler, (e) => this.emit(e)),
      mode: () => this.mode,
      emit: (e) => this.emit(e),
      newId: this.newId,
    };
    this.saver = options.store
      ? new SessionSaver(options.store, () => this.toRecord(), options.flushIntervalMs ?? DEFAULT_FLUSH_INTERVAL_MS, (error) =>
          this.reportSaveError(error),
        )
      : undefined;
  }

  /** From the first user message; '' before it. */
  get title(): string {
    return this.titleText;
  }

  get providerId(): string {
    return this.provider.id;
  }

  get model(): string {
    return this.modelId;
  }

  get approvalMode(): ApprovalMode {
    return this.mode;
  }

  /** Token usage over the whole session. */
  get usage(): Usage {
    return this.total;
  }

  /** True while a turn runs. */
  get busy(): boolean {
    return this.controller !== undefined;
  }

  /** The conversation the model sees (without the system prompt). */
  get messages(): readonly ChatMessage[] {
    return this.chat;
  }

  /** Everything shown: messages, errors, stop markers, notices. */
  get transcript(): readonly TranscriptEntry[] {
    return this.entries;
  }

  /** Subscribes to events; returns the unsubscribe function. */
  onEvent(listener: AgentEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The next model request uses `provider` and `model` with the same conversation. */
  setModel(provider: ProviderInfo, model: string): void {
    if (provider === this.provider && model === this.modelId) return;
    const changed = provider.id !== this.provider.id || model !== this.modelId;
    this.provider = provider;
    this.modelId = model;
    if (!changed) return;
    this.entries.push({
      type: 'notice',
      kind: 'model-changed',
      text: `Switched to ${model} on ${provider.name}.`,
      at: this.now(),
      providerId: provider.id,
      model,
    });
    this.emit({ type: 'model-changed', providerId: provider.id, model });
    this.saver?.touch();
  }

  /** Applies from the next tool call on. */
  setApprovalMode(mode: ApprovalMode): void {
    this.mode = mode;
  }

  /** Stops the running turn (mid-stream or mid-tool); no-op when idle. */
  stop(): void {
    this.controller?.abort();
  }

  /** Resolves when every save so far has been written. */
  async flush(): Promise<void> {
    await this.saver?.idle();
  }

  /** The session as saved: includes the assistant text streamed so far in the current step. */
  toRecord(): SessionRecord {
    const transcript = this.entries.slice();
    const live = this.live;
    if (live?.acc.hasContent) {
      const { acc, ...where } = live;
      transcript.push({ type: 'message', state: 'partial', ...where, message: acc.partialMessage() });
    }
    return {
      version: SESSION_RECORD_VERSION,
      id: this.id,
      title: this.titleText,
      createdAt: this.createdAt,
      updatedAt: this.now(),
      providerId: this.provider.id,
      model: this.modelId,
      transcript,
      usage: this.total,
    };
  }

  /**
   * Runs one turn for the user's message. Resolves when the turn ends (never rejects for model or
   * tool failures: those end the turn with reason `error`). Rejects when a turn is already running.
   */
  async send(text: string, options: { signal?: AbortSignal; retry?: boolean } = {}): Promise<TurnResult> {
    if (this.controller) {
      throw new SwitchboardError({
        kind: 'internal',
        message: 'A turn is already running in this session; stop it or wait for it to end before sending another message.',
      });
    }
    const controller = new AbortController();
    this.controller = controller;
    const outer = options.signal;
    const onOuterAbort = () => controller.abort();
    if (outer?.aborted) controller.abort();
    outer?.addEventListener('abort', onOuterAbort, { once: true });
    try {
      return await this.runTurn(text, controller.signal, options.retry === true && this.awaitsAnswerTo(text));
    } finally {
      outer?.removeEventListener('abort', onOuterAbort);
      this.controller = undefined;
      this.live = undefined;
    }
  }

  /**
   * Whether the last message the model would see is the user's `text`, still unanswered (its turn
   * failed before the model said anything). Retrying such a turn must not send the message twice.
   */
  awaitsAnswerTo(text: string): boolean {
    const last = this.chat[this.chat.length - 1];
    return last?.role === 'user' && last.content === text;
  }

  /** `again`: the user message is already the last one (a retry); do not add it a second time. */
  private async runTurn(text: string, signal: AbortSignal, again = false): Promise<TurnResult> {
    const turnId = this.newId();
    let usage = emptyUsage();
    let lastText = '';
    const end = async (reason: TurnEndReason, error?: ErrorInfo): Promise<TurnResult> => {
      if (error) {
        this.entries.push({ type: 'error', error, at: this.now() });
        this.emit({ type: 'error', turnId, error, fatal: true });
      }
      if (reason === 'stopped') this.entries.push({ type: 'stopped', reason: 'user', at: this.now() });
      await this.saver?.saveNow();
      this.emit({ type: 'turn-ended', turnId, reason, usage, totalUsage: this.total, ...(error && { error }) });
      return { reason, text: lastText, usage, ...(error && { error }) };
    };

    if (this.titleText === '') this.titleText = titleFromMessage(text);
    if (!again) this.append({ type: 'message', message: { role: 'user', content: text }, at: this.now() });
    this.emit({ type: 'turn-started', turnId, providerId: this.provider.id, model: this.modelId });
    void this.saver?.saveNow();

    try {
      for (let step = 1; ; step++) {
        if (signal.aborted) return await end('stopped');
        const outcome = await this.runStep(turnId, step, signal);
        if (outcome.usage) {
          usage = addUsage(usage, outcome.usage);
          this.total = addUsage(this.total, outcome.usage);
        }
        if (outcome.content !== '') lastText = outcome.content;
        if (outcome.kind === 'stopped') return await end('stopped');
        if (outcome.kind === 'error') return await end('error', outcome.error);
        if (outcome.calls.length === 0) {
          const notice = noticeForStopReason(outcome.stopReason, this.now());
          if (notice) this.entries.push(notice);
          return await end('completed');
        }
        void this.saver?.saveNow();
        const results = await runToolCalls(outcome.calls, this.toolEnv, turnId, signal);
        for (const completed of results) this.append(toolResultEntry(completed, this.now()));
        if (signal.aborted) return await end('stopped');
        if (step >= this.maxSteps) {
          this.entries.push({
            type: 'notice',
            kind: 'max-steps',
            text: `Stopped after ${this.maxSteps} rounds of tool calls (the limit for one turn). Send a message to let the agent continue.`,
            at: this.now(),
          });
          return await end('max-steps');
        }
        void this.saver?.saveNow();
      }
    } catch (error) {
      this.logger.error(`Agent turn failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return await end('error', toErrorInfo(error));
    }
  }

  /** One model request: streams it and records the assistant message (whatever was shown). */
  private async runStep(turnId: string, step: number, signal: AbortSignal): Promise<StepEnd> {
    const provider = this.provider;
    const model = this.modelId;
    this.emit({ type: 'step-started', turnId, step, providerId: provider.id, model });
    const acc = new StepAccumulator();
    this.live = { acc, at: this.now(), providerId: provider.id, model };
    const request: ModelRequest = {
      provider,
      model,
      messages: this.system ? [this.system, ...this.chat] : this.chat.slice(),
      tools: this.toolDefs,
      signal,
      ...(this.options.maxOutputTokens !== undefined && { maxOutputTokens: this.options.maxOutputTokens }),
      ...(this.options.reasoningEffort !== undefined && { reasoningEffort: this.options.reasoningEffort }),
    };
    let outcome: StepEnd;
    try {
      outcome = await streamModelStep(this.options.client, request, signal, acc, (event) => {
        this.emit({ type: 'stream', turnId, step, event });
        if (acc.takeDirty()) this.saver?.touch();
      });
    } finally {
      this.live = undefined;
    }
    const { content, reasoning } = outcome;
    const calls = outcome.kind === 'answered' ? outcome.calls : [];
    const reasoningParts = outcome.kind === 'answered' ? outcome.reasoningParts : undefined;
    if (content !== '' || reasoning !== undefined || calls.length > 0) {
      this.append({
        type: 'message',
        at: this.now(),
        providerId: provider.id,
        model,
        ...(outcome.kind !== 'answered' && { state: outcome.kind === 'stopped' ? ('stopped' as const) : ('failed' as const) }),
        message: {
          role: 'assistant',
          content,
          ...(reasoning !== undefined && { reasoning }),
          ...(calls.length > 0 && { toolCalls: calls }),
          ...(reasoningParts && { reasoningParts }),
        },
      });
    }
    return outcome;
  }

  private append(entry: TranscriptEntry): void {
    this.entries.push(entry);
    if (isSentToModel(entry)) this.chat.push(entry.message);
  }

  private emit(event: AgentEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.logger.warn(`An agent event listener threw: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  private saveErrorReported = false;

  private reportSaveError(error: unknown): void {
    const info = toErrorInfo(error);
    this.logger.warn(`Could not save session ${this.id}: ${info.message}`);
    if (this.saveErrorReported) return;
    this.saveErrorReported = true;
    this.emit({
      type: 'error',
      fatal: false,
      error: { kind: 'internal', message: `Could not save this session: ${info.message}`, actions: ['showLogs'] },
    });
  }
}
