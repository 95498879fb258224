/**
 * `@file` completion: the glob that finds candidate files for what the user typed (case
 * insensitive, glob characters taken literally) and the order they are offered in. Pure.
 */
import type { FileCompletionItem } from '../../shared/webviewProtocol';

/** Most completions offered at once. */
export const MAX_FILE_COMPLETIONS = 50;

/** Folders never offered. */
export const COMPLETION_EXCLUDE_GLOB = '{**/node_modules/**,**/.git/**}';

function literal(char: string): string {
  const lower = char.toLowerCase();
  const upper = char.toUpperCase();
  if (lower !== upper) return `[${lower}${upper}]`;
  return /[*?[\]{}!,\\]/.test(char) ? `[${char}]` : char;
}

/** A `findFiles` glob matching workspace paths that contain `query` (any case). */
export function completionGlob(query: string): string {
  const cleaned = query.trim().replace(/\\/g, '/').replace(/^\.?\/+/, '');
  if (cleaned === '') return '**/*';
  return `**/*${[...cleaned].map(literal).join('')}*`;
}

function rank(path: string, query: string): number {
  const lowerPath = path.toLowerCase();
  const name = lowerPath.slice(lowerPath.lastIndexOf('/') + 1);
  if (query === '') return 3;
  if (name === query) return 0;
  if (name.startsWith(query)) return 1;
  if (name.includes(query)) return 2;
  if (lowerPath.startsWith(query)) return 3;
  return 4;
}

/** Completion items for workspace-relative `paths`: best matches first (name before folder, shorter first), at most `limit`. */
export function rankCompletions(paths: readonly string[], query: string, limit = MAX_FILE_COMPLETIONS): FileCompletionItem[] {
  const q = query.trim().toLowerCase().replace(/\\/g, '/');
  const unique = [...new Set(paths.map((p) => p.replace(/\\/g, '/')))];
  return unique
    .map((path) => ({ path, score: rank(path, q) }))
    .sort((a, b) => a.score - b.score || a.path.length - b.path.length || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .slice(0, limit)
    .map(({ path }) => {
      const slash = path.lastIndexOf('/');
      return slash === -1 ? { path, label: path } : { path, label: path.slice(slash + 1), description: path.slice(0, slash) };
    });
}
