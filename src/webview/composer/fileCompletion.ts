/**
 * `@file` completion for the message box: typing `@query` asks the host for matching files,
 * shows them in a listbox under the input, and ArrowUp/ArrowDown + Enter/Tab (or a click) picks
 * one, replacing `@query` with `@path `. Escape closes the list.
 */
import type { FileCompletionItem, ToWebviewParams } from '../../shared/webviewProtocol';
import { h, icon } from '../dom';

export interface FileCompletionCallbacks {
  request(requestId: number, query: string): void;
  /** After the text was replaced: attach the file and save the draft. */
  picked(item: FileCompletionItem): void;
}

const MENTION = /(?:^|\s)@([^\s@]*)$/;
const LIST_ID = 'file-completions';

/** The `@query` before the caret, if any: the query and where its `@` is. */
export function mentionAt(text: string, caret: number): { query: string; start: number } | undefined {
  const match = MENTION.exec(text.slice(0, caret));
  return match ? { query: match[1], start: caret - match[1].length - 1 } : undefined;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1) || path;
}

export class FileCompletion {
  readonly element = h('ul', { id: LIST_ID, class: 'completions', role: 'listbox', 'aria-label': 'Files' });
  private requestId = 0;
  private mention: { query: string; start: number; requestId: number } | undefined;
  private items: FileCompletionItem[] = [];
  private index = 0;

  constructor(private readonly textarea: HTMLTextAreaElement, private readonly callbacks: FileCompletionCallbacks) {
    this.element.hidden = true;
    textarea.setAttribute('aria-autocomplete', 'list');
    textarea.setAttribute('aria-controls', LIST_ID);
    this.element.addEventListener('mousedown', (event) => {
      const option = (event.target as Element).closest<HTMLElement>('[role="option"]');
      if (!option) return;
      event.preventDefault();
      this.pick(Number(option.dataset.index));
    });
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  /** Re-reads the text around the caret: asks for completions when `@query` changed, closes otherwise. */
  update(): void {
    const found = mentionAt(this.textarea.value, this.textarea.selectionStart);
    if (!found) {
      this.close();
      return;
    }
    if (this.mention && this.mention.query === found.query && this.mention.start === found.start) return;
    this.mention = { ...found, requestId: ++this.requestId };
    this.callbacks.request(this.mention.requestId, found.query);
  }

  /** The host's answer; stale answers (an older `requestId`) are ignored. */
  showResults(params: ToWebviewParams<'fileCompletions'>): void {
    if (!this.mention || params.requestId !== this.mention.requestId) return;
    this.items = params.items;
    this.index = 0;
    if (this.items.length === 0) {
      this.element.replaceChildren(h('li', { class: 'completion-empty', role: 'option', 'aria-disabled': 'true' }, 'No matching files'));
    } else {
      this.element.replaceChildren(
        ...this.items.map((item, i) =>
          h(
            'li',
            { id: `${LIST_ID}-${i}`, class: 'completion-item', role: 'option', 'data-index': String(i), 'aria-selected': 'false' },
            icon('file'),
            h('span', { class: 'completion-label' }, item.label ?? baseName(item.path)),
            h('span', { class: 'completion-description' }, item.description ?? item.path),
          ),
        ),
      );
    }
    this.element.hidden = false;
    this.highlight();
  }

  /** Handles navigation keys while the list is open; returns true when the key was used. */
  handleKey(event: KeyboardEvent): boolean {
    if (!this.isOpen) return false;
    const count = this.items.length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (count === 0) return false;
        this.index = (this.index + (event.key === 'ArrowDown' ? 1 : count - 1)) % count;
        this.highlight();
        break;
      case 'Enter':
      case 'Tab':
        if (count === 0 || event.shiftKey) return false;
        this.pick(this.index);
        break;
      case 'Escape':
        this.close();
        break;
      default:
        return false;
    }
    event.preventDefault();
    event.stopPropagation();
    return true;
  }

  close(): void {
    this.mention = undefined;
    this.items = [];
    this.element.hidden = true;
    this.element.replaceChildren();
    this.textarea.removeAttribute('aria-activedescendant');
  }

  private highlight(): void {
    for (const option of this.element.querySelectorAll<HTMLElement>('.completion-item')) {
      const selected = Number(option.dataset.index) === this.index;
      option.setAttribute('aria-selected', String(selected));
      if (selected) option.scrollIntoView({ block: 'nearest' });
    }
    if (this.items.length > 0) this.textarea.setAttribute('aria-activedescendant', `${LIST_ID}-${this.index}`);
  }

  private pick(index: number): void {
    const item = this.items[index];
    const mention = this.mention;
    if (!item || !mention) return;
    const { value, selectionStart } = this.textarea;
    const insert = `@${item.path} `;
    this.textarea.value = value.slice(0, mention.start) + insert + value.slice(selectionStart);
    const caret = mention.start + insert.length;
    this.textarea.setSelectionRange(caret, caret);
    this.close();
    this.callbacks.picked(item);
  }
}
