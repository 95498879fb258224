/** The session history: a list of saved sessions to open or delete (the host confirms deletes). */
import type { SessionSummary } from '../shared/webviewProtocol';
import { h, icon, iconButton } from './dom';

export interface HistoryCallbacks {
  open(id: string): void;
  delete(id: string): void;
  close(): void;
}

function when(updatedAt: number): string {
  const date = new Date(updatedAt);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export class HistoryView {
  readonly element: HTMLElement;
  private readonly list = h('ul', { class: 'history-list', 'aria-label': 'Saved sessions' });
  private sessions: readonly SessionSummary[] = [];
  private currentId: string | undefined;

  constructor(private readonly callbacks: HistoryCallbacks) {
    this.element = h(
      'section',
      { id: 'history', class: 'history', 'aria-label': 'Session history' },
      h('div', { class: 'history-header' }, h('h2', {}, 'Sessions'), iconButton('close', 'Close history', () => callbacks.close())),
      this.list,
    );
    this.element.hidden = true;
    this.render();
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  setOpen(open: boolean): void {
    this.element.hidden = !open;
    if (open) (this.list.querySelector('button') ?? this.element.querySelector('button'))?.focus();
  }

  update(sessions: readonly SessionSummary[], currentId: string | undefined): void {
    this.sessions = sessions;
    this.currentId = currentId;
    this.render();
  }

  private render(): void {
    if (this.sessions.length === 0) {
      this.list.replaceChildren(h('li', { class: 'history-empty' }, 'No saved sessions yet.'));
      return;
    }
    this.list.replaceChildren(
      ...this.sessions.map((session) => {
        const details = [when(session.updatedAt), session.model].filter(Boolean).join(' · ');
        return h(
          'li',
          { class: `history-item${session.id === this.currentId ? ' current' : ''}`, 'data-session-id': session.id },
          h(
            'button',
            { type: 'button', class: 'history-open', 'aria-current': session.id === this.currentId ? 'true' : undefined, onclick: () => this.callbacks.open(session.id) },
            icon('comment'),
            h('span', { class: 'history-title' }, session.title || 'Untitled session'),
            h('span', { class: 'history-details' }, details),
          ),
          iconButton('trash', `Delete session ${session.title || 'Untitled session'}`, () => this.callbacks.delete(session.id), { class: 'icon-button history-delete' }),
        );
      }),
    );
  }
}
