/**
 * The DOM-free core of streaming markdown: accumulates deltas and, on each `render`, says which
 * HTML is final (append it once) and what the still-open tail now renders to (replace the old
 * tail). Concatenating every `committedHtml` and the last `tailHtml` equals `md.render(text)`,
 * except when link reference definitions appeared (`sawReferences`): then render once more.
 *
 * A code fence that is still open at the end is reported separately (`openFence`: its language
 * and code so far) so the view can extend it cheaply instead of re-highlighting it every frame;
 * the final render (`render(true)`) never does this, so the end result is exact.
 */
import type { MarkdownIt } from 'markdown-it';
import { fenceLanguage, type MarkdownEnv } from './markdownRenderer';
import { findStableBoundary, NewlineNormalizer, openFenceIndex } from './streamSplit';

/** The outcome of one render pass. */
export interface RenderStep {
  /** HTML of blocks that just became final; empty when none did. */
  committedHtml: string;
  /** HTML of the open tail (without `openFence`, when there is one), to replace the previous tail. */
  tailHtml: string;
  /** The tail ends in this still-open code fence. */
  openFence?: { language: string; code: string };
}

export class IncrementalMarkdown {
  private committedText = '';
  private tail = '';
  private pending = '';
  private lastTail = '';
  private lastHadOpenFence = false;
  private referencesSeen = false;
  private readonly newlines = new NewlineNormalizer();

  constructor(private readonly md: MarkdownIt) {}

  /** All text received so far, line breaks normalized. */
  get text(): string {
    return this.committedText + this.tail + this.pending;
  }

  /** Whether any link reference definition (`[label]: url`) was seen. */
  get sawReferences(): boolean {
    return this.referencesSeen;
  }

  /** Queues a delta. */
  append(delta: string): void {
    this.pending += this.newlines.push(delta);
  }

  /** Releases a held-back trailing `\r` (call once, at the end of the stream). */
  end(): void {
    this.pending += this.newlines.end();
  }

  /**
   * Renders queued text; `undefined` when the output did not change. `final`: the stream is over,
   * render the tail exactly (an open fence included).
   */
  render(final = false): RenderStep | undefined {
    if (this.pending.length === 0 && !(final && this.lastHadOpenFence)) return undefined;
    this.tail += this.pending;
    this.pending = '';
    const env: MarkdownEnv = {};
    const tokens = this.md.parse(this.tail, env);
    if (env.references && Object.keys(env.references).length > 0) this.referencesSeen = true;
    const cut = findStableBoundary(tokens, this.tail);
    let committedHtml = '';
    let tailTokens = tokens;
    if (cut) {
      committedHtml = this.md.renderer.render(tokens.slice(0, cut.tokenIndex), this.md.options, env);
      this.committedText += this.tail.slice(0, cut.textOffset);
      this.tail = this.tail.slice(cut.textOffset);
      tailTokens = tokens.slice(cut.tokenIndex);
    }
    const fence = final ? -1 : openFenceIndex(tailTokens, this.tail);
    const openFence = fence === -1 ? undefined : { language: fenceLanguage(this.md, tailTokens[fence].info), code: tailTokens[fence].content };
    const tailHtml = this.md.renderer.render(fence === -1 ? tailTokens : tailTokens.slice(0, fence), this.md.options, env);
    const signature = `${tailHtml}\u0000${openFence ? `${openFence.language}\u0000${openFence.code}` : ''}`;
    if (committedHtml === '' && signature === this.lastTail && !(final && this.lastHadOpenFence)) return undefined;
    this.lastTail = signature;
    this.lastHadOpenFence = openFence !== undefined;
    return { committedHtml, tailHtml, ...(openFence && { openFence }) };
  }
}
