/** The attachments for the next message, as removable chips. The host owns the list. */
import type { Attachment } from '../../shared/webviewProtocol';
import { h, icon, iconButton } from '../dom';

export class AttachmentChips {
  readonly element = h('ul', { class: 'chips', 'aria-label': 'Attachments' });
  private attachments: Attachment[] = [];

  constructor(private readonly onRemove: (id: string) => void) {
    this.element.hidden = true;
  }

  get list(): readonly Attachment[] {
    return this.attachments;
  }

  set(attachments: readonly Attachment[]): void {
    this.attachments = [...attachments];
    this.element.replaceChildren(
      ...this.attachments.map((a) => {
        const title = a.range ? `${a.path}:${a.range.startLine}-${a.range.endLine}` : a.path;
        return h(
          'li',
          { class: 'chip', 'data-attachment-id': a.id, title },
          icon(a.kind === 'selection' ? 'selection' : 'file'),
          h('span', { class: 'chip-label' }, a.label),
          iconButton('close', `Remove ${a.label}`, () => this.remove(a.id), { class: 'icon-button chip-remove' }),
        );
      }),
    );
    this.element.hidden = this.attachments.length === 0;
  }

  private remove(id: string): void {
    this.onRemove(id);
    this.set(this.attachments.filter((a) => a.id !== id));
  }
}
