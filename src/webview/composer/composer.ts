/**
 * The message box: textarea (Enter sends, Shift+Enter adds a line), Send/Stop button, attach
 * buttons, attachment chips and `@file` completion. The draft is saved as it changes.
 */
import type { AttachSource, Attachment, FileCompletionItem, ToWebviewParams } from '../../shared/webviewProtocol';
import { h, icon, iconButton } from '../dom';
import { AttachmentChips } from './attachmentChips';
import { FileCompletion } from './fileCompletion';

export interface ComposerCallbacks {
  /** Returns false when the message was not sent (then the text stays). */
  send(text: string, attachments: readonly Attachment[]): boolean;
  stop(): void;
  attach(source: AttachSource): void;
  removeAttachment(id: string): void;
  requestCompletions(requestId: number, query: string): void;
  saveDraft(text: string): void;
}

const MAX_HEIGHT_PX = 240;

export class Composer {
  readonly element: HTMLElement;
  readonly textarea = h('textarea', {
    class: 'input',
    rows: 1,
    placeholder: 'Ask anything. @ attaches a file.',
    'aria-label': 'Message Switchboard',
    'aria-describedby': 'composer-hint',
  });
  private readonly sendButton = h('button', { type: 'button', class: 'send-button' });
  private readonly chips: AttachmentChips;
  private readonly completion: FileCompletion;
  private running = false;

  constructor(private readonly callbacks: ComposerCallbacks, draft: string) {
    this.chips = new AttachmentChips((id) => {
      callbacks.removeAttachment(id);
      this.textarea.focus();
    });
    this.completion = new FileCompletion(this.textarea, {
      request: (requestId, query) => callbacks.requestCompletions(requestId, query),
      picked: (item: FileCompletionItem) => {
        callbacks.attach({ source: 'path', path: item.path });
        this.changed();
      },
    });
    this.textarea.value = draft;
    this.textarea.addEventListener('input', () => {
      this.changed();
      this.completion.update();
    });
    this.textarea.addEventListener('click', () => this.completion.update());
    this.textarea.addEventListener('blur', () => this.completion.close());
    this.textarea.addEventListener('keydown', (event) => this.onKeyDown(event));
    this.sendButton.addEventListener('click', () => (this.running ? callbacks.stop() : this.trySend()));
    this.element = h(
      'div',
      { class: 'composer' },
      this.chips.element,
      h('div', { class: 'input-wrapper' }, this.completion.element, this.textarea),
      h(
        'div',
        { class: 'composer-toolbar' },
        iconButton('file', 'Attach active file', () => callbacks.attach({ source: 'activeFile' })),
        iconButton('selection', 'Attach selection', () => callbacks.attach({ source: 'selection' })),
        iconButton('files', 'Attach files…', () => callbacks.attach({ source: 'pickFiles' })),
        h('span', { id: 'composer-hint', class: 'composer-hint' }, 'Enter to send, Shift+Enter for a new line'),
        this.sendButton,
      ),
    );
    this.setRunning(false);
    queueMicrotask(() => this.autoGrow());
  }

  get isCompletionOpen(): boolean {
    return this.completion.isOpen;
  }

  /** Send turns into Stop while a turn runs. */
  setRunning(running: boolean): void {
    this.running = running;
    const label = running ? 'Stop (Esc)' : 'Send (Enter)';
    this.sendButton.replaceChildren(icon(running ? 'debug-stop' : 'send'));
    this.sendButton.title = label;
    this.sendButton.setAttribute('aria-label', label);
    this.sendButton.classList.toggle('stop', running);
  }

  setAttachments(attachments: readonly Attachment[]): void {
    this.chips.set(attachments);
  }

  showCompletions(params: ToWebviewParams<'fileCompletions'>): void {
    this.completion.showResults(params);
  }

  closeCompletions(): void {
    this.completion.close();
  }

  focus(): void {
    this.textarea.focus();
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (this.completion.handleKey(event)) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && !event.altKey) {
      event.preventDefault();
      if (!this.running) this.trySend();
    }
  }

  private trySend(): void {
    const text = this.textarea.value.trim();
    if (text === '') return;
    if (!this.callbacks.send(text, this.chips.list)) return;
    this.textarea.value = '';
    this.chips.set([]);
    this.completion.close();
    this.changed();
  }

  private changed(): void {
    this.callbacks.saveDraft(this.textarea.value);
    this.autoGrow();
  }

  private autoGrow(): void {
    this.textarea.style.height = 'auto';
    this.textarea.style.height = `${Math.min(this.textarea.scrollHeight, MAX_HEIGHT_PX)}px`;
  }
}
