/**
 * The conversation: user messages and assistant turns, a welcome note when empty, and sticky
 * scrolling (follows new output while the user is at the bottom; stays put once they scroll up).
 *
 * Following the bottom never forces a layout: a ResizeObserver watches every item of the
 * transcript (and the transcript itself), and its callback, which the browser runs right after
 * its own layout of the frame, scrolls to the end when the user was at the bottom. Streaming
 * text thus costs no synchronous layout of the (ever longer) conversation per frame.
 */
import type { ChatMessage } from '../../shared/conversation';
import type { ErrorInfo } from '../../shared/errors';
import type { Attachment, TranscriptNote } from '../../shared/webviewProtocol';
import { h, icon } from '../dom';
import { createErrorCard } from './errorCard';
import { TurnView, type TurnContext } from './turnView';

const STICK_THRESHOLD_PX = 40;

export class TranscriptView {
  readonly element: HTMLElement;
  private readonly welcome = h(
    'div',
    { class: 'welcome' },
    h('div', { class: 'welcome-icon' }, icon('comment-discussion')),
    h('p', {}, 'Ask Switchboard about your code.'),
    h('p', { class: 'welcome-hint' }, 'Type @ to attach a file. Enter sends, Shift+Enter adds a line, Esc stops.'),
  );
  private readonly turns = new Map<string, TurnView>();
  private lastTurn: TurnView | undefined;
  private stick = true;
  private loadedTurns = 0;
  private readonly resizes = new ResizeObserver(() => this.followBottom());

  constructor(private readonly context: TurnContext) {
    this.element = h('main', { class: 'transcript', role: 'log', 'aria-live': 'off', 'aria-label': 'Conversation', tabindex: '0' }, this.welcome);
    // Scroll events run before the frame's rendering work, when layout is normally still clean.
    this.element.addEventListener('scroll', () => {
      const { scrollTop, scrollHeight, clientHeight } = this.element;
      this.stick = scrollHeight - scrollTop - clientHeight < STICK_THRESHOLD_PX;
    });
    this.resizes.observe(this.element);
  }

  /** Removes everything (a new or different session). */
  clear(): void {
    for (const child of this.element.children) this.resizes.unobserve(child);
    this.element.replaceChildren(this.welcome);
    this.turns.clear();
    this.lastTurn = undefined;
    this.stick = true;
  }

  addUserMessage(text: string, attachments: readonly Attachment[] = []): void {
    const chips = attachments.map((a) => h('li', { class: 'message-attachment' }, icon(a.kind === 'selection' ? 'selection' : 'file'), a.label));
    this.append(
      h(
        'div',
        { class: 'message user-message', role: 'article', 'aria-label': 'Your message' },
        h('div', { class: 'user-text' }, text),
        chips.length > 0 ? h('ul', { class: 'message-attachments', 'aria-label': 'Attached' }, ...chips) : null,
      ),
    );
  }

  /** Starts (or returns the existing) turn `turnId`. */
  startTurn(turnId: string): TurnView {
    const existing = this.turns.get(turnId);
    if (existing) return existing;
    this.lastTurn?.removeRetry();
    const turn = new TurnView(turnId, this.context);
    this.turns.set(turnId, turn);
    this.lastTurn = turn;
    this.append(turn.element);
    return turn;
  }

  turn(turnId: string): TurnView | undefined {
    return this.turns.get(turnId);
  }

  /** Every turn, for settling approvals by id. */
  allTurns(): Iterable<TurnView> {
    return this.turns.values();
  }

  /** An error that belongs to no turn (e.g. the provider is not configured). */
  addError(error: ErrorInfo): void {
    this.append(createErrorCard(error, (action) => this.context.onFix(action, error)));
  }

  /**
   * Renders a saved conversation (each user message and the assistant/tool messages after it),
   * with its errors and notes where they happened.
   */
  load(messages: readonly ChatMessage[], notes: readonly TranscriptNote[] = []): void {
    this.clear();
    let turn: TurnView | undefined;
    const ensureTurn = () => (turn ??= this.startTurn(`loaded-${++this.loadedTurns}`));
    let next = 0;
    const showNotes = (shown: number) => {
      for (; next < notes.length && notes[next].afterMessage <= shown; next++) {
        const { error, text } = notes[next];
        if (error) ensureTurn().showError(error);
        else if (text) ensureTurn().addSavedNote(text);
      }
    };
    showNotes(0);
    for (const [index, message] of messages.entries()) {
      if (message.role === 'user') {
        turn?.markLoaded();
        turn = undefined;
        this.addUserMessage(message.content);
      } else if (message.role === 'assistant') {
        ensureTurn().addStaticAssistant(message);
      } else if (message.role === 'tool') {
        ensureTurn().showToolResult(message.toolCallId, message.content, message.isError ?? false);
      }
      showNotes(index + 1);
    }
    showNotes(Infinity);
    turn?.markLoaded();
    this.stick = true;
  }

  /** Whether the view follows new output (the user is at the bottom, or has not scrolled yet). */
  get followsOutput(): boolean {
    return this.stick;
  }

  /** Called after the browser's layout (ResizeObserver), so reading the sizes costs nothing. */
  private followBottom(): void {
    if (!this.stick) return;
    const { scrollHeight, clientHeight } = this.element;
    if (scrollHeight > clientHeight) this.element.scrollTop = scrollHeight;
  }

  private append(node: HTMLElement): void {
    this.welcome.remove();
    this.element.append(node);
    this.resizes.observe(node);
  }
}
