/**
 * A code block that is still streaming. Highlighting is the costly part of rendering code, so
 * finished chunks of lines are highlighted once and frozen, and only the last few lines are
 * re-highlighted per frame: the cost per frame stays flat however long the block grows. (A chunk
 * highlighted on its own may colour a construct spanning chunks differently; the exact render
 * replaces this view when the fence closes.)
 */
import type { MarkdownIt } from 'markdown-it';
import { codeToHtml, renderCodeBlock } from './markdownRenderer';
import { htmlToFragment } from './htmlFragment';

/** Lines re-highlighted per frame at most before they are frozen. */
const LIVE_LINES = 30;

export class OpenFenceView {
  readonly element: HTMLElement;
  private readonly code: HTMLElement;
  private readonly live = document.createElement('span');
  private frozen = '';

  constructor(private readonly md: MarkdownIt, readonly language: string) {
    this.element = htmlToFragment(renderCodeBlock(md, '', language)).firstElementChild as HTMLElement;
    this.code = this.element.querySelector('pre > code') as HTMLElement;
    this.code.append(this.live);
  }

  /** Shows `code`; returns false (changing nothing) when it does not extend what is frozen. */
  update(code: string): boolean {
    if (!code.startsWith(this.frozen)) return false;
    let rest = code.slice(this.frozen.length);
    let newlines = 0;
    for (let i = rest.indexOf('\n'); i !== -1; i = rest.indexOf('\n', i + 1)) newlines++;
    if (newlines > LIVE_LINES) {
      const cut = rest.lastIndexOf('\n') + 1;
      const chunk = document.createElement('span');
      chunk.innerHTML = codeToHtml(this.md, rest.slice(0, cut), this.language);
      this.live.before(chunk);
      this.frozen += rest.slice(0, cut);
      rest = rest.slice(cut);
    }
    this.live.innerHTML = codeToHtml(this.md, rest, this.language);
    return true;
  }
}
