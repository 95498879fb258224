/**
 * The host's list of attachments for the next message (the webview shows it as chips). Files are
 * read when the message is sent; a selection keeps the text it had when it was attached. Pure.
 */
import type { Attachment } from '../../shared/webviewProtocol';

/** An attachment as the host keeps it. */
export interface AttachedContext {
  /** Without `id`: the list assigns one. */
  attachment: Omit<Attachment, 'id'> & { id?: string };
  /** The selected text, captured when attached (selections only). */
  text?: string;
  languageId?: string;
}

/** The attachment's identity: same path and range means the same attachment. */
function keyOf(a: Omit<Attachment, 'id'>): string {
  return `${a.kind}\n${a.path}\n${a.range ? `${a.range.startLine}-${a.range.endLine}` : ''}`;
}

export class AttachmentList {
  private items: (AttachedContext & { attachment: Attachment })[] = [];
  private counter = 0;

  /** Adds contexts not already attached; returns true when the list changed. */
  add(contexts: readonly AttachedContext[]): boolean {
    let changed = false;
    for (const context of contexts) {
      const key = keyOf(context.attachment);
      const existing = this.items.findIndex((item) => keyOf(item.attachment) === key);
      const id = existing === -1 ? `att-${++this.counter}` : this.items[existing].attachment.id;
      const item = { ...context, attachment: { ...context.attachment, id } };
      if (existing === -1) this.items.push(item);
      else this.items[existing] = item; // a re-attached selection takes the newer text
      changed = true;
    }
    return changed;
  }

  /** Removes one attachment; returns true when it was there. */
  remove(id: string): boolean {
    const before = this.items.length;
    this.items = this.items.filter((item) => item.attachment.id !== id);
    return this.items.length !== before;
  }

  /** The attachments as the webview shows them. */
  list(): Attachment[] {
    return this.items.map((item) => item.attachment);
  }

  /**
   * Takes the attachments the webview sent with a message (matched by id, else by path and
   * range) and empties the list: the message owns them now.
   */
  take(sent: readonly Attachment[]): (AttachedContext & { attachment: Attachment })[] {
    const taken = sent.map((a) => this.items.find((item) => item.attachment.id === a.id) ?? this.items.find((item) => keyOf(item.attachment) === keyOf(a)) ?? { attachment: a });
    this.items = [];
    return taken;
  }

  get size(): number {
    return this.items.length;
  }
}
