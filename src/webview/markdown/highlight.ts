/**
 * Syntax highlighting for fenced code blocks: highlight.js core with a modest set of common
 * languages (the full build would triple the bundle). Unknown languages are shown escaped, plain.
 */
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import c from 'highlight.js/lib/languages/c';
import cpp from 'highlight.js/lib/languages/cpp';
import csharp from 'highlight.js/lib/languages/csharp';
import css from 'highlight.js/lib/languages/css';
import diff from 'highlight.js/lib/languages/diff';
import dockerfile from 'highlight.js/lib/languages/dockerfile';
import go from 'highlight.js/lib/languages/go';
import ini from 'highlight.js/lib/languages/ini';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import kotlin from 'highlight.js/lib/languages/kotlin';
import markdown from 'highlight.js/lib/languages/markdown';
import php from 'highlight.js/lib/languages/php';
import plaintext from 'highlight.js/lib/languages/plaintext';
import powershell from 'highlight.js/lib/languages/powershell';
import python from 'highlight.js/lib/languages/python';
import ruby from 'highlight.js/lib/languages/ruby';
import rust from 'highlight.js/lib/languages/rust';
import shell from 'highlight.js/lib/languages/shell';
import sql from 'highlight.js/lib/languages/sql';
import swift from 'highlight.js/lib/languages/swift';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';

const LANGUAGES = {
  bash, c, cpp, csharp, css, diff, dockerfile, go, ini, java, javascript, json, kotlin, markdown,
  php, plaintext, powershell, python, ruby, rust, shell, sql, swift, typescript, xml, yaml,
};
for (const [name, language] of Object.entries(LANGUAGES)) hljs.registerLanguage(name, language);
hljs.registerAliases(['toml'], { languageName: 'ini' });
hljs.registerAliases(['html', 'svg'], { languageName: 'xml' });
hljs.registerAliases(['sh', 'zsh'], { languageName: 'bash' });
hljs.registerAliases(['text', 'txt'], { languageName: 'plaintext' });

/** Whether a fence info string names a language we highlight. */
export function isHighlightable(language: string): boolean {
  return language !== '' && hljs.getLanguage(language) !== undefined;
}

/**
 * Highlighted HTML for `code` (spans with `hljs-*` classes), or `undefined` when the language is
 * unknown. The output escapes everything in `code`.
 */
export function highlightCode(code: string, language: string): string | undefined {
  if (!isHighlightable(language)) return undefined;
  const key = `${language}\u0000${code}`;
  const cached = recent.get(key);
  if (cached !== undefined) return cached;
  const html = hljs.highlight(code, { language, ignoreIllegals: true }).value;
  if (code.length >= CACHE_MIN_CHARS) {
    recent.set(key, html);
    if (recent.size > CACHE_ENTRIES) recent.delete(recent.keys().next().value as string);
  }
  return html;
}

/**
 * While an answer streams, a finished code block is rendered again on the next few frames (as
 * the tail, then when it is committed): remember the last few highlights so that costs nothing.
 */
const recent = new Map<string, string>();
const CACHE_ENTRIES = 8;
const CACHE_MIN_CHARS = 256;
