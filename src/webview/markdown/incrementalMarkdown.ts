/**
 * The DOM-free core of streaming markdown: accumulates deltas and, on each `render`, says which
 * HTML is final (append it once) and what the still-open tail now renders to (replace the old
 * tail). Concatenating every `committedHtml` and the last `tailHtml` equals `md.render(text)`,
 * except when link reference definitions appeared (`sawReferences`): then render once more.
 */
import type { MarkdownIt } from 'markdown-it';
import type { MarkdownEnv } from './markdownRenderer';
import { findStableBoundary, NewlineNormalizer } from './streamSplit';

/** The outcome of one render pass. */
export interface RenderStep {
  /** HTML of blocks that just became final; empty when none did. */
  committedHtml: string;
  /** HTML of the open tail, to replace the previous tail. */
  tailHtml: string;
}

export class IncrementalMarkdown {
  private committedText = '';
  private tail = '';
  private pending = '';
  private lastTailHtml = '';
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

  /** Renders queued text; `undefined` when the output did not change. */
  render(): RenderStep | undefined {
    if (this.pending.length === 0) return undefined;
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
    const tailHtml = this.md.renderer.render(tailTokens, this.md.options, env);
    if (committedHtml === '' && tailHtml === this.lastTailHtml) return undefined;
    this.lastTailHtml = tailHtml;
    return { committedHtml, tailHtml };
  }
}
