/**
 * The chat webview application: builds the UI and applies validated host messages to it. All
 * user actions become typed messages to the host.
 */
import type { ErrorInfo, FixAction } from '../shared/errors';
import type { Usage } from '../shared/streamEvents';
import { toHost, type SessionState, type ToWebviewMessage, type ToWebviewParams } from '../shared/webviewProtocol';
import { Composer } from './composer/composer';
import { h } from './dom';
import { FrameScheduler } from './frameScheduler';
import { Header } from './header';
import type { HostChannel } from './hostChannel';
import { HistoryView } from './historyView';
import { LiveRegion } from './liveRegion';
import { createMarkdownRenderer } from './markdown/markdownRenderer';
import { copyText, flashCopied, handleTranscriptClick } from './transcript/codeActions';
import { TranscriptView } from './transcript/transcriptView';
import type { TurnView } from './transcript/turnView';
import { usageSentence, usageSummary } from './transcript/usageText';

export class ChatApp {
  private readonly header: Header;
  private readonly history: HistoryView;
  private readonly transcript: TranscriptView;
  private readonly composer: Composer;
  private readonly live = new LiveRegion();
  private readonly sessionUsage = h('div', { class: 'session-usage' });
  private readonly scheduler: FrameScheduler;
  private state: SessionState | undefined;
  private runningTurnId: string | undefined;

  constructor(root: HTMLElement, private readonly host: HostChannel) {
    const post = host.post.bind(host);
    this.scheduler = new FrameScheduler();
    this.header = new Header({
      pickProvider: (providerId) => post(toHost.pickProvider.create({ providerId })),
      pickModel: (model) => post(toHost.pickModel.create({ model })),
      setApprovalMode: (mode) => post(toHost.setApprovalMode.create({ mode })),
      toggleHistory: () => this.setHistoryOpen(!this.history.isOpen),
      newSession: () => {
        this.setHistoryOpen(false);
        post(toHost.newSession.create({}));
      },
    });
    this.history = new HistoryView({
      open: (id) => {
        this.setHistoryOpen(false);
        post(toHost.openSession.create({ id }));
      },
      delete: (id) => post(toHost.deleteSession.create({ id })),
      close: () => this.setHistoryOpen(false),
    });
    this.transcript = new TranscriptView({
      md: createMarkdownRenderer(),
      scheduler: this.scheduler,
      onFix: (action, error) => this.fix(action, error),
      onApproval: (id, decision) => post(toHost.approvalDecision.create({ id, decision })),
      onRetry: () => post(toHost.retryLastTurn.create({})),
    });
    this.composer = new Composer(
      {
        send: (text, attachments) => {
          if (this.runningTurnId !== undefined) return false;
          post(toHost.sendMessage.create({ text, attachments: [...attachments] }));
          this.setHistoryOpen(false);
          this.transcript.addUserMessage(text, attachments);
          return true;
        },
        stop: () => this.stop(),
        attach: (source) => post(toHost.attachContext.create(source)),
        removeAttachment: (id) => post(toHost.removeAttachment.create({ id })),
        requestCompletions: (requestId, query) => post(toHost.requestFileCompletions.create({ requestId, query })),
        saveDraft: (draft) => host.setState({ draft }),
      },
      host.getState()?.draft ?? '',
    );
    this.transcript.element.addEventListener('click', (event) =>
      handleTranscriptClick(event, {
        onCodeAction: (action, code, language, button) => {
          const params = { action, code, ...(language !== undefined && { language }) };
          if (action === 'copy') {
            void copyText(code, () => post(toHost.codeBlockAction.create(params))).then((ok) => ok && flashCopied(button));
          } else {
            post(toHost.codeBlockAction.create(params));
          }
        },
        onLink: (href) => post(toHost.openLink.create({ href })),
      }),
    );
    document.addEventListener('keydown', (event) => this.onGlobalKey(event));
    this.sessionUsage.hidden = true;
    root.replaceChildren(
      this.header.element,
      this.history.element,
      this.transcript.element,
      h('div', { class: 'composer-area' }, this.composer.element, this.sessionUsage),
      this.live.element,
    );
    this.composer.focus();
  }

  /** Applies one validated host message. */
  handle(message: ToWebviewMessage): void {
    switch (message.type) {
      case 'sessionState':
        this.state = message.params;
        this.header.update(message.params);
        if (!message.params.running) this.setRunning(undefined);
        else if (this.runningTurnId === undefined) this.setRunning('');
        break;
      case 'transcript':
        this.scheduler.flushNow();
        this.transcript.load(message.params.messages, message.params.notes);
        this.showSessionUsage(message.params.sessionUsage);
        break;
      case 'turnStarted':
        if (message.params.userMessage !== undefined) this.transcript.addUserMessage(message.params.userMessage);
        this.transcript.startTurn(message.params.turnId);
        this.setRunning(message.params.turnId);
        break;
      case 'streamEvents':
        this.inTurn(message.params.turnId, message.type, (turn) => turn.applyEvents(message.params.events));
        break;
      case 'toolCall':
        this.inTurn(message.params.turnId, message.type, (turn) => turn.showToolCall(message.params));
        break;
      case 'toolOutput':
        this.inTurn(message.params.turnId, message.type, (turn) => turn.showToolOutput(message.params.id, message.params.chunk, message.params.skipped ?? false));
        break;
      case 'toolResult':
        this.inTurn(message.params.turnId, message.type, (turn) => turn.showToolResult(message.params.id, message.params.output, message.params.isError ?? false));
        break;
      case 'approvalRequest':
        this.inTurn(message.params.turnId, message.type, (turn) => turn.showApproval(message.params));
        this.live.announce(`Approval needed: ${message.params.title}`);
        break;
      case 'approvalResolved':
        for (const turn of this.transcript.allTurns()) if (turn.resolveApproval(message.params.id, message.params.decision)) break;
        break;
      case 'turnEnded':
        this.endTurn(message.params.turnId, message.params);
        break;
      case 'error':
        this.showError(message.params.turnId, message.params.error);
        break;
      case 'sessionList':
        this.history.update(message.params.sessions, message.params.currentSessionId);
        break;
      case 'attachments':
        this.composer.setAttachments(message.params.attachments);
        break;
      case 'fileCompletions':
        this.composer.showCompletions(message.params);
        break;
    }
    // No scrolling here: the transcript follows its own growth after each layout (ResizeObserver).
  }

  private inTurn(turnId: string, type: string, apply: (turn: TurnView) => void): void {
    const turn = this.transcript.turn(turnId);
    if (!turn) {
      this.log('warn', `Dropped a "${type}" message for unknown turn "${turnId.slice(0, 60)}" (send turnStarted first).`);
      return;
    }
    apply(turn);
  }

  private endTurn(turnId: string, params: ToWebviewParams<'turnEnded'>): void {
    const turn = this.transcript.turn(turnId);
    turn?.end(params.stopReason, params.usage);
    if (this.runningTurnId === turnId || this.runningTurnId === '') this.setRunning(undefined);
    this.showSessionUsage(params.sessionUsage);
    const outcome =
      params.stopReason === 'cancelled' ? 'Response stopped.' : params.stopReason === 'error' ? 'Response failed.' : 'Response complete.';
    this.live.announce(`${outcome} ${params.usage.outputTokens} output tokens.`);
  }

  private showError(turnId: string | undefined, error: ErrorInfo): void {
    const turn = turnId === undefined ? undefined : this.transcript.turn(turnId);
    if (turn) turn.showError(error);
    else this.transcript.addError(error);
    this.live.announce(`Error: ${error.message}`);
  }

  private showSessionUsage(usage: Usage | undefined): void {
    this.sessionUsage.hidden = usage === undefined;
    if (!usage) return;
    this.sessionUsage.textContent = `Session: ${usageSummary(usage)}`;
    this.sessionUsage.setAttribute('aria-label', `Session total: ${usageSentence(usage)}`);
  }

  /** `undefined`: idle; `''`: running a turn whose id we have not seen (host state says running). */
  private setRunning(turnId: string | undefined): void {
    this.runningTurnId = turnId;
    this.composer.setRunning(turnId !== undefined);
  }

  private stop(): void {
    if (this.runningTurnId === undefined) return;
    this.host.post(toHost.stop.create(this.runningTurnId ? { turnId: this.runningTurnId } : {}));
  }

  private fix(action: FixAction, error: ErrorInfo): void {
    const providerId = error.providerId ?? this.state?.provider.id;
    this.host.post(toHost.fixAction.create(providerId === undefined ? { action } : { action, providerId }));
  }

  private setHistoryOpen(open: boolean): void {
    if (open === this.history.isOpen) return;
    this.history.setOpen(open);
    this.header.setHistoryOpen(open);
    if (open) this.host.post(toHost.listSessions.create({}));
    else this.composer.focus();
  }

  private onGlobalKey(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    if (this.composer.isCompletionOpen) return;
    if (this.history.isOpen) {
      this.setHistoryOpen(false);
      event.preventDefault();
    } else if (this.runningTurnId !== undefined) {
      this.stop();
      event.preventDefault();
    }
  }

  private log(level: 'info' | 'warn' | 'error', message: string): void {
    console.warn(message);
    this.host.post(toHost.log.create({ level, message }));
  }
}
