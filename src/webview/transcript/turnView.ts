/**
 * One assistant turn: streamed reasoning and answer text (markdown), tool cards, approval cards,
 * inline errors, notices and the usage footer, in the order they happen. Text after a tool call or
 * approval starts a new markdown segment, so each segment streams independently.
 */
import type { MarkdownIt } from 'markdown-it';
import type { ChatMessage } from '../../shared/conversation';
import type { ErrorInfo, FixAction } from '../../shared/errors';
import type { StopReason, StreamEvent, Usage } from '../../shared/streamEvents';
import type { ApprovalChoice, ToWebviewParams } from '../../shared/webviewProtocol';
import { h, icon, iconButton } from '../dom';
import type { FrameScheduler } from '../frameScheduler';
import { MarkdownStream, renderMarkdownInto } from '../markdown/markdownStream';
import { ApprovalCard } from './approvalCard';
import { createErrorCard } from './errorCard';
import { ToolCard } from './toolCard';
import { usageSentence, usageSummary } from './usageText';

/** What a turn needs from the app. */
export interface TurnContext {
  md: MarkdownIt;
  scheduler: FrameScheduler;
  onFix(action: FixAction, error: ErrorInfo): void;
  onApproval(id: string, decision: ApprovalChoice): void;
  onRetry(): void;
}

const STOP_NOTICES: Partial<Record<StopReason, string>> = {
  length: 'The answer was cut off at the maximum output length.',
  content_filter: 'The provider filtered the rest of the answer.',
  refusal: 'The model declined to answer.',
  cancelled: 'Stopped.',
};

type AssistantMessage = Extract<ChatMessage, { role: 'assistant' }>;

export class TurnView {
  readonly element: HTMLElement;
  private readonly body = h('div', { class: 'turn-body' });
  private readonly notice = h('div', { class: 'turn-notice', role: 'status' });
  private text: MarkdownStream | undefined;
  private reasoning: { stream: MarkdownStream; label: HTMLElement } | undefined;
  private readonly tools = new Map<string, ToolCard>();
  private readonly approvals = new Map<string, ApprovalCard>();
  private footer: HTMLElement | undefined;
  private ended = false;

  constructor(readonly turnId: string, private readonly context: TurnContext) {
    this.notice.hidden = true;
    this.element = h('article', { class: 'turn', 'data-turn-id': turnId, 'aria-label': 'Assistant response' }, this.body, this.notice);
  }

  get isEnded(): boolean {
    return this.ended;
  }

  /** Applies a batch of model stream events. */
  applyEvents(events: readonly StreamEvent[]): void {
    for (const event of events) {
      switch (event.type) {
        case 'text-delta':
          this.finishReasoning();
          this.clearNotice();
          (this.text ??= this.newTextSegment()).append(event.text);
          this.context.scheduler.schedule(this);
          break;
        case 'reasoning-delta':
          this.finishText();
          this.clearNotice();
          (this.reasoning ??= this.newReasoningSegment()).stream.append(event.text);
          this.context.scheduler.schedule(this);
          break;
        case 'tool-call-start':
          this.tool(event.id, event.name);
          break;
        case 'tool-call-delta':
          break;
        case 'tool-call-end':
          this.tool(event.id, event.name).setCall('', event.arguments, 'pending');
          break;
        case 'usage':
          break;
        case 'retry':
          this.showNotice(`Retrying (attempt ${event.attempt}) in ${(event.delayMs / 1000).toFixed(1)} s: ${event.reason}`);
          break;
        case 'done':
          this.finishSegments();
          if (event.stopReason !== 'cancelled' && STOP_NOTICES[event.stopReason]) this.addNote(STOP_NOTICES[event.stopReason] ?? '');
          break;
        case 'error':
          this.showError(event.error);
          break;
      }
    }
  }

  /** Renders queued text (called by the frame scheduler). */
  flush(): void {
    this.reasoning?.stream.flush();
    this.text?.flush();
  }

  /** The agent is running a tool (`summary` from the host). */
  showToolCall(params: ToWebviewParams<'toolCall'>): void {
    this.tool(params.id, params.name).setCall(params.summary, params.arguments, 'running');
  }

  /** Output of a tool that is still running, as it arrives. */
  showToolOutput(id: string, chunk: string, skipped: boolean): void {
    this.tool(id).appendOutput(chunk, skipped);
  }

  showToolResult(id: string, output: string, isError: boolean): void {
    this.tool(id).setResult(output, isError);
  }

  showApproval(params: ToWebviewParams<'approvalRequest'>): void {
    this.finishSegments();
    if (this.approvals.has(params.id)) return;
    const card = new ApprovalCard(params, (decision) => this.context.onApproval(params.id, decision));
    this.approvals.set(params.id, card);
    this.body.append(card.element);
  }

  /** Returns false when no such approval is in this turn. */
  resolveApproval(id: string, outcome: 'approved' | 'rejected' | 'cancelled'): boolean {
    const card = this.approvals.get(id);
    card?.settle(outcome);
    return card !== undefined;
  }

  showError(error: ErrorInfo): void {
    this.finishSegments();
    this.clearNotice();
    this.body.append(createErrorCard(error, (action) => this.context.onFix(action, error)));
  }

  /** The turn finished: settle what is still open and show usage (when known) with a retry button. */
  end(stopReason: StopReason | undefined, usage: Usage | undefined): void {
    this.finishSegments();
    this.clearNotice();
    for (const card of this.tools.values()) card.markStopped();
    for (const card of this.approvals.values()) card.settle('cancelled');
    if (stopReason === 'cancelled') this.addNote(STOP_NOTICES.cancelled ?? '');
    this.ended = true;
    if (usage) {
      this.footer = h(
        'footer',
        { class: 'turn-footer' },
        h('span', { class: 'turn-usage', 'aria-label': `This turn: ${usageSentence(usage)}` }, usageSummary(usage)),
        iconButton('refresh', 'Retry this turn', () => this.context.onRetry(), { class: 'icon-button retry-turn' }),
      );
      this.element.append(this.footer);
    }
  }

  /** Only the latest turn offers Retry. */
  removeRetry(): void {
    this.footer?.querySelector('.retry-turn')?.remove();
  }

  /** Adds a saved assistant message (transcript load): rendered in one shot. */
  addStaticAssistant(message: AssistantMessage): void {
    this.finishSegments();
    if (message.reasoning) {
      const segment = this.newReasoningSegment();
      renderMarkdownInto(this.context.md, segment.stream.element, message.reasoning);
      segment.label.textContent = 'Reasoning';
    }
    if (message.content) renderMarkdownInto(this.context.md, this.newTextElement(), message.content);
    for (const call of message.toolCalls ?? []) this.tool(call.id, call.name).setCall('', call.arguments, 'pending');
    this.reasoning = undefined;
  }

  /** A note a saved turn showed (e.g. "Stopped."). */
  addSavedNote(text: string): void {
    this.finishSegments();
    this.addNote(text);
  }

  /** A loaded turn is complete without a footer. */
  markLoaded(): void {
    this.ended = true;
  }

  /** The card for tool call `id`, created (after any open text) on first sight. */
  private tool(id: string, name?: string): ToolCard {
    let card = this.tools.get(id);
    if (!card) {
      this.finishSegments();
      card = new ToolCard(id, name || 'Tool');
      this.tools.set(id, card);
      this.body.append(card.element);
    } else if (name) {
      card.setName(name);
    }
    return card;
  }

  private newTextElement(): HTMLElement {
    const element = h('div', { class: 'markdown' });
    this.body.append(element);
    return element;
  }

  private newTextSegment(): MarkdownStream {
    return new MarkdownStream(this.context.md, this.newTextElement());
  }

  /** A collapsed <details> whose summary says "Thinking…" while it streams and "Reasoning" after. */
  private newReasoningSegment(): { stream: MarkdownStream; label: HTMLElement } {
    const content = h('div', { class: 'markdown reasoning-text' });
    const label = h('span', {}, 'Thinking…');
    this.body.append(h('details', { class: 'reasoning' }, h('summary', {}, icon('lightbulb'), label), content));
    return { stream: new MarkdownStream(this.context.md, content), label };
  }

  private finishText(): void {
    this.text?.finish();
    this.text = undefined;
  }

  private finishReasoning(): void {
    if (!this.reasoning) return;
    this.reasoning.stream.finish();
    this.reasoning.label.textContent = 'Reasoning';
    this.reasoning = undefined;
  }

  private finishSegments(): void {
    this.finishReasoning();
    this.finishText();
  }

  private addNote(text: string): void {
    this.body.append(h('div', { class: 'turn-note' }, icon('info'), text));
  }

  private showNotice(text: string): void {
    this.notice.textContent = text;
    this.notice.hidden = false;
  }

  private clearNotice(): void {
    if (this.notice.hidden) return;
    this.notice.hidden = true;
    this.notice.textContent = '';
  }
}
