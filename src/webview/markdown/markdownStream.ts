/**
 * Renders a markdown answer into an element while it streams, without re-rendering what is done:
 * finished top-level blocks are appended once and never touched again; only the trailing,
 * still-open block is replaced on each flush (a still-open code fence is extended in place). The
 * caller queues deltas with `append` and calls `flush` once per animation frame. After `finish`
 * the element's HTML equals a one-shot render.
 */
import type { MarkdownIt } from 'markdown-it';
import { BlockChunker, chunkBlocks } from './blockChunks';
import { htmlToFragment } from './htmlFragment';
import { IncrementalMarkdown } from './incrementalMarkdown';
import { OpenFenceView } from './openFenceView';

/** Replaces `element`'s content with the one-shot render of `text`. */
export function renderMarkdownInto(md: MarkdownIt, element: HTMLElement, text: string): void {
  element.replaceChildren(chunkBlocks(htmlToFragment(md.render(text, {}))));
}

export class MarkdownStream {
  private readonly incremental: IncrementalMarkdown;
  private tailNodes: ChildNode[] = [];
  private tailHtml = '';
  private fence: OpenFenceView | undefined;
  private finished = false;
  private readonly chunker = new BlockChunker();

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

  /** Renders queued text: appends newly finished blocks and replaces (or extends) the tail. */
  flush(final = false): void {
    const step = this.incremental.render(final);
    if (!step) return;
    const open = step.openFence;
    if (open && this.fence?.language === open.language && step.committedHtml === '' && step.tailHtml === this.tailHtml && this.fence.update(open.code)) return;

    for (const node of this.tailNodes) node.remove();
    if (step.committedHtml !== '') {
      const committed = htmlToFragment(step.committedHtml);
      const nodes = [...committed.childNodes];
      this.element.append(committed);
      this.chunker.add(nodes);
    }
    const tail = htmlToFragment(step.tailHtml);
    this.tailNodes = [...tail.childNodes];
    this.tailHtml = step.tailHtml;
    this.element.append(tail);
    if (!open) {
      this.fence = undefined;
      return;
    }
    if (this.fence?.language !== open.language || !this.fence.update(open.code)) {
      this.fence = new OpenFenceView(this.md, open.language);
      this.fence.update(open.code);
    }
    this.element.append(this.fence.element);
    this.tailNodes.push(this.fence.element);
  }

  /** Renders the rest exactly and freezes the element (re-rendering once if reference links need it). */
  finish(): void {
    if (this.finished) return;
    this.incremental.end();
    this.flush(true);
    this.finished = true;
    this.chunker.add(this.tailNodes);
    this.tailNodes = [];
    this.fence = undefined;
    if (this.incremental.sawReferences) renderMarkdownInto(this.md, this.element, this.text);
  }
}
