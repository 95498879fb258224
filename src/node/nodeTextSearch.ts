/**
 * Text search over a directory tree with Node fs (the CLI's `WorkspaceFiles.searchText`; ripgrep
 * cannot be installed here). Walks files in name order, skipping what `.gitignore` files ignore,
 * `node_modules`, VCS folders, symbolic links, binary files and files over 1 MB. Literal or regex,
 * optional include glob.
 */
import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import { minimatch } from 'minimatch';
import type { TextSearchMatch, WorkspaceFiles } from '../core/ports';
import { GitignoreRules } from './gitignoreRules';

type SearchOptions = Parameters<WorkspaceFiles['searchText']>[1];

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn']);
/** Files larger than this are not searched. */
export const SEARCH_MAX_FILE_BYTES = 1024 * 1024;
/** A NUL byte in this many leading bytes marks a file as binary. */
const BINARY_SNIFF_BYTES = 8000;

/** Matching lines under `root`, at most `options.maxResults`. Throws on an invalid regex. */
export async function searchWorkspaceText(root: string, query: string, options: SearchOptions): Promise<TextSearchMatch[]> {
  const flags = options.caseSensitive ? '' : 'i';
  const pattern = options.isRegex ? new RegExp(query, flags) : new RegExp(escapeRegExp(query), flags);
  const include = options.include?.trim() || undefined;
  const matchesInclude = include
    ? (rel: string) => minimatch(rel, include, { dot: true, matchBase: !include.includes('/'), nocase: process.platform === 'win32' })
    : () => true;

  const results: TextSearchMatch[] = [];
  const pending: { dirRel: string; rules: GitignoreRules }[] = [{ dirRel: '', rules: GitignoreRules.none() }];
  while (pending.length > 0 && results.length < options.maxResults) {
    if (options.signal?.aborted) break;
    const { dirRel, rules: parentRules } = pending.pop()!;
    const rules = await parentRules.enter(root, dirRel);
    let entries;
    try {
      entries = await fs.readdir(nodePath.join(root, dirRel), { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: string[] = [];
    for (const entry of entries) {
      const rel = dirRel === '' ? entry.name : `${dirRel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name) && !rules.ignores(rel, true)) subdirs.push(rel);
        continue;
      }
      if (!entry.isFile() || !matchesInclude(rel) || rules.ignores(rel, false)) continue;
      await searchFile(nodePath.join(root, rel), rel, pattern, results, options.maxResults);
      if (results.length >= options.maxResults || options.signal?.aborted) break;
    }
    // Depth-first in name order: push in reverse so the first name is popped first.
    for (let i = subdirs.length - 1; i >= 0; i--) pending.push({ dirRel: subdirs[i], rules });
  }
  return results;
}

async function searchFile(path: string, rel: string, pattern: RegExp, results: TextSearchMatch[], max: number): Promise<void> {
  let buffer: Buffer;
  try {
    const stat = await fs.stat(path);
    if (stat.size > SEARCH_MAX_FILE_BYTES) return;
    buffer = await fs.readFile(path);
  } catch {
    return;
  }
  if (buffer.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return;
  const lines = buffer.toString('utf8').split('\n');
  for (let i = 0; i < lines.length && results.length < max; i++) {
    const line = lines[i].endsWith('\r') ? lines[i].slice(0, -1) : lines[i];
    if (pattern.test(line)) results.push({ path: rel, line: i + 1, text: line });
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
