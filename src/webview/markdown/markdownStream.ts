/**
 * Renders a markdown answer into an element while it streams, without re-rendering what is done:
 * finished top-level blocks are appended once and never touched again; only the trailing,
 * still-open block is replaced on each flush. The caller queues deltas with `append` and calls
 * `flush` once per animation frame. After `finish` the element's HTML equals a one-shot render.
 */
import type { MarkdownIt } from 'markdown-it';
import { IncrementalMarkdown } from './incrementalMarkdown';

/** Parses trusted renderer output (markdown-it with `html: false`) into nodes. */
export function htmlToFragment(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

/** Replaces `element`'s content with the one-shot render of `text`. */
export function renderMarkdownInto(md: MarkdownIt, element: HTMLElement, text: string): void {
  element.replaceChildren(htmlToFragment(md.render(text, {})));
}

export class MarkdownStream {
  private readonly incremental: IncrementalMarkdown;
  private tailNodes: ChildNode[] = [];
  private finished = false;

  constructor(
    private readonly md: MarkdownIt,
    /** The element the markdown renders into; the stream owns its children. */
    readonly element: HTMLElement,
  ) {
    this.incremental = new IncrementalMarkdown(md);
  }

  /** All text received so far. */
  get text(): string {
    return this.incremental.text;
  }

  /** Queues text; nothing renders until `flush`. */
  append(text: string): void {
    if (!this.finished) this.incremental.append(text);
  }

  /** Renders queued text: appends newly finished blocks and replaces the tail. */
  flush(): void {
    const step = this.incremental.render();
    if (!step) return;
    for (const node of this.tailNodes) node.remove();
    if (step.committedHtml !== '') this.element.append(htmlToFragment(step.committedHtml));
    const tail = htmlToFragment(step.tailHtml);
    this.tailNodes = [...tail.childNodes];
    this.element.append(tail);
  }

  /** Renders the rest and freezes the element (re-rendering once if reference links need it). */
  finish(): void {
    if (this.finished) return;
    this.incremental.end();
    this.flush();
    this.finished = true;
    this.tailNodes = [];
    if (this.incremental.sawReferences) renderMarkdownInto(this.md, this.element, this.text);
  }
}
