/**
 * A code block that is still streaming. Highlighting is the costly part of rendering code, so
 * each line is highlighted once, when it is complete, and frozen; the line still being typed shows
 * as plain text. The cost per update stays flat however long the block grows. (Lines highlighted
 * apart from the lines above may colour a construct spanning lines, such as a block comment,
 * differently; the exact render replaces this view when the fence closes.)
 */
import type { MarkdownIt } from 'markdown-it';
import { codeToHtml, renderCodeBlock } from './markdownRenderer';
import { htmlToFragment } from './htmlFragment';

export class OpenFenceView {
  readonly element: HTMLElement;
  private readonly code: HTMLElement;
  private readonly live = document.createTextNode('');
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
    const cut = rest.lastIndexOf('\n') + 1;
    if (cut > 0) {
      const lines = document.createElement('span');
      lines.innerHTML = codeToHtml(this.md, rest.slice(0, cut), this.language);
      this.code.insertBefore(lines, this.live);
      this.frozen += rest.slice(0, cut);
      rest = rest.slice(cut);
    }
    if (this.live.data !== rest) this.live.data = rest;
    return true;
  }
}
