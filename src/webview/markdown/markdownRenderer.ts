/**
 * The one markdown-it configuration the chat uses, for streamed and one-shot rendering alike (so
 * both produce identical HTML). Raw HTML in model output is disabled (shown as text), links are
 * limited to http, https, mailto and relative paths, images become links (no remote loads), table
 * alignment becomes classes (the CSP forbids inline styles), and code blocks get a toolbar.
 */
import markdownit from 'markdown-it';
import type { Env, MarkdownIt, Token } from 'markdown-it';
import { highlightCode, isHighlightable } from './highlight';

/** The env markdown-it collects while parsing; `references` holds `[label]: url` definitions. */
export type MarkdownEnv = Env;

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/** Whether a (normalized) link target may become a link: http(s), mailto, or a scheme-less path. */
export function isSafeLink(url: string): boolean {
  const scheme = SCHEME.exec(url.trim());
  return scheme === null || SAFE_SCHEMES.has(scheme[1].toLowerCase());
}

const ALIGN_STYLE = /^text-align:(left|right|center)$/;

/** Replaces markdown-it's `style="text-align:x"` on table cells with `class="align-x"`. */
function alignmentToClasses(tokens: Token[]): void {
  for (const token of tokens) {
    if ((token.type !== 'th_open' && token.type !== 'td_open') || !token.attrs) continue;
    const style = token.attrGet('style');
    const match = style === null ? null : ALIGN_STYLE.exec(String(style));
    token.attrs = token.attrs.filter(([name]) => name !== 'style');
    if (match) token.attrJoin('class', `align-${match[1]}`);
  }
}

function codeButton(action: string, icon: string, label: string): string {
  return (
    `<button type="button" class="icon-button code-action" data-code-action="${action}" title="${label}" aria-label="${label}">` +
    `<span class="codicon codicon-${icon}" aria-hidden="true"></span></button>`
  );
}

const CODE_TOOLBAR_BUTTONS =
  codeButton('copy', 'copy', 'Copy code') +
  codeButton('insert', 'insert', 'Insert at cursor') +
  codeButton('newFile', 'new-file', 'Open in new file');

/** `code` as HTML: highlighted when the language is known, else escaped. */
export function codeToHtml(md: MarkdownIt, code: string, language: string): string {
  return highlightCode(code, language) ?? md.utils.escapeHtml(code);
}

/** The language of a fence's info string (its first word, may be empty). */
export function fenceLanguage(md: MarkdownIt, info: string): string {
  return (info ? md.utils.unescapeAll(info).trim() : '').split(/\s+/)[0] ?? '';
}

/** A code block with its toolbar, as HTML. */
export function renderCodeBlock(md: MarkdownIt, code: string, language: string): string {
  const escapedLanguage = md.utils.escapeHtml(language);
  const codeClass = language ? ` class="${isHighlightable(language) ? 'hljs ' : ''}language-${escapedLanguage}"` : '';
  return (
    `<div class="code-block" data-language="${escapedLanguage}">` +
    `<div class="code-toolbar"><span class="code-language">${escapedLanguage}</span>` +
    `<span class="code-actions">${CODE_TOOLBAR_BUTTONS}</span></div>` +
    `<pre><code${codeClass}>${codeToHtml(md, code, language)}</code></pre></div>\n`
  );
}

/** Creates the configured markdown-it instance. */
export function createMarkdownRenderer(): MarkdownIt {
  const md = markdownit({ html: false, linkify: true, typographer: false, breaks: false });
  md.validateLink = isSafeLink;
  md.core.ruler.push('switchboard_table_align', (state) => {
    alignmentToClasses(state.tokens);
  });

  md.renderer.rules.fence = (tokens, idx) => renderCodeBlock(md, tokens[idx].content, fenceLanguage(md, tokens[idx].info));
  md.renderer.rules.code_block = (tokens, idx) => renderCodeBlock(md, tokens[idx].content, '');
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const src = String(token.attrGet('src') ?? '');
    const alt = self.renderInlineAsText(token.children ?? [], options, env) || src;
    return (
      `<a href="${md.utils.escapeHtml(src)}" class="md-image" title="${md.utils.escapeHtml(src)}">` +
      `<span class="codicon codicon-file-media" aria-hidden="true"></span>${md.utils.escapeHtml(alt)}</a>`
    );
  };
  return md;
}
