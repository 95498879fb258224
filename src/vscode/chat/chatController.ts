/**
 * The host side of the chat: answers every webview message, runs turns on the current session,
 * forwards the agent's events (batched) and keeps the webview's header, transcript, history and
 * attachments in step with the host. Talks to VS Code only through the ports in chatPorts.ts, so
 * it is unit-tested without VS Code.
 */
import type { AgentEvent } from '../../core/agent/agentEvents';
import type { SessionStore } from '../../core/agent/sessionStore';
import type { Logger } from '../../core/ports';
import { toErrorInfo, type ErrorInfo } from '../../shared/errors';
import { toWebview, type Attachment, type ToHostMessage, type ToHostParams, type ToWebviewMessage } from '../../shared/webviewProtocol';
import { AgentEventMessages, approvalRequestParams, errorForWebview } from './agentEventMessages';
import { AttachmentList, type AttachedContext } from './attachmentList';
import { formatUserMessage, typedText, type AttachmentContent } from './attachmentText';
import { ApprovalBroker } from './approvalBroker';
import type { ChatMemory, ChatProviders, ChatWorkbench, SessionFactory } from './chatPorts';
import { ChatSessions } from './chatSessions';
import { completionGlob, MAX_FILE_COMPLETIONS, rankCompletions } from './fileCompletionQuery';
import { fixStep } from './fixActions';
import { classifyLink } from './linkTargets';
import { asApprovalMode, buildSessionState } from './sessionStateView';
import type { BatchTimer } from './streamBatcher';
import { lastUserMessage, webviewMessages, webviewNotes } from './webviewTranscript';

export interface ChatControllerOptions {
  /** Posts to the webview (dropped while it is not shown; `ready` resends everything). */
  post(message: ToWebviewMessage): void;
  providers: ChatProviders;
  workbench: ChatWorkbench;
  memory: ChatMemory;
  store: SessionStore;
  createSession: SessionFactory;
  logger: Logger;
  batchIntervalMs?: number;
  timer?: BatchTimer;
}

export class ChatController {
  private readonly events: AgentEventMessages;
  private readonly sessions: ChatSessions;
  private readonly approvals = new ApprovalBroker();
  private readonly attachments = new AttachmentList();
  private restored = false;
  /** A message is being prepared (attachments read) or a turn runs: another one is not sent. */
  private starting = false;
  private turn: Promise<void> = Promise.resolve();

  constructor(private readonly options: ChatControllerOptions) {
    this.events = new AgentEventMessages(options.post, { batchIntervalMs: options.batchIntervalMs, timer: options.timer });
    this.sessions = new ChatSessions(options.store, options.createSession, (event) => this.onAgentEvent(event));
  }

  /** Resolves when the turn started last has ended (tests; deactivate). */
  idle(): Promise<void> {
    return this.turn;
  }

  /** Handles one validated webview message. Never throws: failures become inline errors. */
  async handle(message: ToHostMessage): Promise<void> {
    try {
      await this.dispatch(message);
    } catch (error) {
      this.options.logger.error(`Chat: handling "${message.type}" failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      this.postError(toErrorInfo(error));
    }
  }

  private async dispatch(message: ToHostMessage): Promise<void> {
    const { providers, workbench, memory } = this.options;
    switch (message.type) {
      case 'ready':
        return this.ready();
      case 'sendMessage':
        return this.sendMessage(message.params);
      case 'stop':
        this.sessions.live?.stop();
        return;
      case 'newSession':
        return this.newSession();
      case 'openSession':
        return this.openSession(message.params.id);
      case 'deleteSession':
        return this.deleteSession(message.params.id);
      case 'listSessions':
        return this.postSessionList();
      case 'pickProvider':
        await providers.useProvider(message.params.providerId);
        return this.postState();
      case 'pickModel': {
        const active = providers.active();
        if (active) await providers.useModel(active.provider.id, message.params.model);
        return this.postState();
      }
      case 'setApprovalMode': {
        const mode = asApprovalMode(message.params.mode);
        if (mode) {
          await memory.setApprovalMode(mode);
          this.sessions.live?.setApprovalMode(mode);
          this.options.logger.info(`Chat: approval mode set to ${mode}.`);
        }
        return this.postState();
      }
      case 'approvalDecision':
        if (!this.approvals.decide(message.params.id, message.params.decision)) {
          this.options.logger.warn(`Chat: no approval "${message.params.id.slice(0, 60)}" is waiting (already settled or stopped).`);
        }
        return;
      case 'fixAction': {
        const { action, providerId } = message.params;
        const step = fixStep(action, providerId, providerId !== undefined && providers.hasDefinitionFile(providerId));
        return step.kind === 'retry' ? this.retry() : workbench.runCommand(step.command, step.args);
      }
      case 'retryLastTurn':
        return this.retry();
      case 'codeBlockAction':
        return workbench.codeBlock(message.params.action, message.params.code, message.params.language);
      case 'attachContext':
        return this.attach(await workbench.attach(message.params));
      case 'removeAttachment':
        this.attachments.remove(message.params.id);
        return this.postAttachments();
      case 'requestFileCompletions': {
        const query = message.params.query;
        const paths = await workbench.findFiles(completionGlob(query), MAX_FILE_COMPLETIONS * 4);
        this.post(toWebview.fileCompletions.create({ requestId: message.params.requestId, items: rankCompletions(paths, query) }));
        return;
      }
      case 'openLink': {
        const target = classifyLink(message.params.href);
        if (target.kind === 'refused') this.options.logger.warn(`Chat: did not open a link from the transcript: ${target.reason}.`);
        else await workbench.openLink(target);
        return;
      }
      case 'log': {
        const text = `Chat webview: ${message.params.message.slice(0, 500)}`;
        this.options.logger[message.params.level === 'info' ? 'info' : message.params.level === 'warn' ? 'warn' : 'error'](text);
        return;
      }
    }
  }

  /** Adds context (from a command or the webview) to the next message. */
  attach(contexts: readonly AttachedContext[]): void {
    if (this.attachments.add(contexts)) this.postAttachments();
  }

  /** Moves the keyboard focus to the message box. */
  focusInput(): void {
    this.post(toWebview.attachments.create({ attachments: this.attachments.list(), focusInput: true }));
  }

  /** Starts an empty chat (the running turn, if any, is stopped). */
  async newSession(): Promise<void> {
    this.leaveCurrent();
    this.sessions.clear();
    await this.options.memory.setLastSessionId(undefined);
    this.postSessionView();
  }

  /** The active provider, model or their choices changed: follow in the running session and the header. */
  providersChanged(): void {
    const active = this.options.providers.active();
    const session = this.sessions.live;
    if (session && active?.model) session.setModel(active.provider, active.model);
    this.postState();
  }

  /** Saves what the current session has shown. */
  async flush(): Promise<void> {
    this.events.flush();
    await this.sessions.flush();
  }

  dispose(): void {
    this.events.dispose();
  }

  private async ready(): Promise<void> {
    if (!this.restored) {
      this.restored = true;
      const last = this.options.memory.lastSessionId();
      if (last !== undefined && this.sessions.id === undefined) {
        try {
          if (!(await this.sessions.open(last))) await this.options.memory.setLastSessionId(undefined);
        } catch (error) {
          this.options.logger.warn(`Chat: could not restore the last session: ${toErrorInfo(error).message}`);
        }
      }
    }
    this.postSessionView();
    this.postAttachments();
    const turnId = this.events.runningTurnId;
    if (turnId !== undefined && this.sessions.running) {
      // The webview was re-created mid-turn: the rest of the turn streams into a fresh turn view.
      this.post(toWebview.turnStarted.create({ turnId }));
      for (const request of this.approvals.waiting()) this.post(toWebview.approvalRequest.create(approvalRequestParams(turnId, request)));
    }
  }

  private async sendMessage(params: ToHostParams<'sendMessage'>): Promise<void> {
    await this.exclusively(async () => {
      const contents = await this.readAttachments(this.attachments.take(params.attachments));
      this.postAttachments();
      this.startTurn(formatUserMessage(params.text, contents), undefined);
    });
  }

  private async retry(): Promise<void> {
    const text = lastUserMessage(this.sessions.transcript());
    if (text !== undefined) await this.exclusively(async () => this.startTurn(text, typedText(text), true));
  }

  /** Runs `start` unless a message is already being started or a turn runs. */
  private async exclusively(start: () => Promise<void>): Promise<void> {
    if (this.starting || this.sessions.running) {
      this.options.logger.warn('Chat: a message arrived while a turn was running; it was not sent.');
      return;
    }
    this.starting = true;
    try {
      await start();
    } finally {
      this.starting = false;
    }
  }

  /**
   * Starts a turn; `announce` is the user message to show when the webview did not add it itself.
   * `retry`: the last message again; when the model never answered it, it is neither sent nor shown twice.
   */
  private startTurn(text: string, announce: string | undefined, retry = false): void {
    const active = this.options.providers.active();
    if (!active) {
      const id = this.options.providers.activeId();
      this.postError({
        kind: 'config',
        message: id ? `The active provider "${id}" is not in the configuration.` : 'No provider is active.',
        fix: 'Pick a provider in the chat header or run "Switchboard: Select Provider".',
        actions: ['openConfig'],
      });
      return;
    }
    const { provider, model } = active;
    if (!model) {
      this.postError({
        kind: 'config',
        message: `No model is selected for provider "${provider.id}".`,
        fix: `Pick a model in the chat header or run "Switchboard: Select Model", or set \`default_model\` in [model_providers.${provider.id}].`,
        providerId: provider.id,
        actions: ['openConfig'],
      });
      return;
    }
    const mode = this.options.memory.approvalMode();
    const session = this.sessions.ensureLive({ provider, model }, mode, this.approvals);
    session.setModel(provider, model);
    session.setApprovalMode(mode);
    const again = retry && session.awaitsAnswerTo(text);
    if (announce !== undefined && !again) this.events.announceNextTurn(announce);
    this.options.logger.info(`Chat: turn in session ${session.id} on ${provider.id} / ${model} (${text.length} characters, approval mode ${mode}).`);
    const started = Date.now();
    this.turn = session.send(text, { retry }).then(
      (result) => {
        this.options.logger.info(`Chat: turn ended (${result.reason}) after ${Date.now() - started} ms; ${result.usage.inputTokens} input, ${result.usage.outputTokens} output tokens.`);
        if (this.sessions.live === session) {
          this.postState();
          void this.postSessionList();
        }
      },
      (error: unknown) => {
        this.options.logger.error(`Chat: the turn could not start: ${toErrorInfo(error).message}`);
        this.postError(toErrorInfo(error));
      },
    );
    void this.options.memory.setLastSessionId(session.id);
  }

  private async openSession(id: string): Promise<void> {
    if (id !== this.sessions.id) this.leaveCurrent();
    if (!(await this.sessions.open(id))) {
      this.postError({ kind: 'internal', message: 'That session no longer exists; it was deleted or its file was removed.' });
      return this.postSessionList();
    }
    await this.options.memory.setLastSessionId(id);
    this.postSessionView();
  }

  private async deleteSession(id: string): Promise<void> {
    const summary = (await this.options.store.list()).find((s) => s.id === id);
    if (!(await this.options.workbench.confirmDelete(summary?.title || 'Untitled session'))) return;
    if (id === this.sessions.id) {
      this.leaveCurrent();
      this.sessions.clear();
      await this.options.memory.setLastSessionId(undefined);
      this.postSessionView();
    }
    await this.options.store.delete(id);
    this.options.logger.info(`Chat: deleted session ${id}.`);
    await this.postSessionList();
  }

  /** Stops listening to the turn in progress before the current session is replaced. */
  private leaveCurrent(): void {
    this.events.reset();
  }

  private async readAttachments(taken: readonly AttachedContext[]): Promise<AttachmentContent[]> {
    const out: AttachmentContent[] = [];
    for (const context of taken) {
      const attachment = context.attachment as Attachment;
      try {
        const read = context.text !== undefined ? { text: context.text, languageId: context.languageId } : await this.options.workbench.readAttachment(attachment);
        out.push({ attachment, text: read.text, ...(read.languageId !== undefined && { languageId: read.languageId }) });
      } catch (error) {
        out.push({ attachment, text: `(could not be read: ${toErrorInfo(error).message})` });
      }
    }
    return out;
  }

  private onAgentEvent(event: AgentEvent): void {
    this.events.handle(event);
    if (event.type === 'turn-started' || event.type === 'model-changed') this.postState();
  }

  private postSessionView(): void {
    this.postState();
    this.events.flush();
    const usage = this.sessions.usage();
    this.post(
      toWebview.transcript.create({
        ...(this.sessions.id !== undefined && { sessionId: this.sessions.id }),
        messages: webviewMessages(this.sessions.transcript()),
        notes: webviewNotes(this.sessions.transcript()),
        ...(usage && { sessionUsage: usage }),
      }),
    );
    void this.postSessionList();
  }

  private postState(): void {
    const { providers, memory } = this.options;
    const active = providers.active();
    const id = this.sessions.id;
    const activeId = providers.activeId();
    this.post(
      toWebview.sessionState.create(
        buildSessionState({
          ...(id !== undefined && { session: { id, title: this.sessions.title } }),
          ...(active && { active: { provider: active.provider, ...(active.model !== undefined && { model: active.model }) } }),
          ...(activeId !== undefined && { activeId }),
          providers: providers.providers(),
          modelLists: providers.modelLists(),
          approvalMode: memory.approvalMode(),
          running: this.sessions.running,
        }),
      ),
    );
  }

  private async postSessionList(): Promise<void> {
    let list: Awaited<ReturnType<SessionStore['list']>> = [];
    try {
      list = await this.options.store.list();
    } catch (error) {
      this.options.logger.warn(`Chat: could not list saved sessions: ${toErrorInfo(error).message}`);
    }
    const currentSessionId = this.sessions.id;
    this.post(
      toWebview.sessionList.create({
        sessions: list.map((s) => ({ id: s.id, title: s.title, updatedAt: s.updatedAt, providerId: s.providerId, model: s.model })),
        ...(currentSessionId !== undefined && { currentSessionId }),
      }),
    );
  }

  private postAttachments(): void {
    this.post(toWebview.attachments.create({ attachments: this.attachments.list() }));
  }

  private postError(error: ErrorInfo): void {
    this.events.flush();
    this.post(toWebview.error.create({ error: errorForWebview(error) }));
  }

  private post(message: ToWebviewMessage): void {
    this.options.post(message);
  }
}
