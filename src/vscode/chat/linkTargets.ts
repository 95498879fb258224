/**
 * Where a link clicked in the transcript may lead: web and mail links open outside VS Code; a
 * relative path (optionally `#L12` or `:12`) opens that workspace file at that line. Everything
 * else (`command:`, `file:`, `javascript:`, absolute paths, paths leaving the workspace) is
 * refused: transcript text comes from a model and must not run commands or open arbitrary files.
 * Pure.
 */
import * as path from 'node:path';

export type LinkTarget =
  | { kind: 'external'; url: string }
  /** `path` is relative to the workspace root, forward slashes, normalized. */
  | { kind: 'workspaceFile'; path: string; line?: number }
  | { kind: 'refused'; reason: string };

const EXTERNAL_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** Classifies `href` (see the module comment). */
export function classifyLink(href: string): LinkTarget {
  const trimmed = href.trim();
  // `main.ts:12` is a path with a line, not a scheme.
  const scheme = /^([a-z][a-z0-9+.-]*):(?!\d+(?::\d+)?$)/i.exec(trimmed)?.[1];
  if (scheme && !/^[a-z]$/i.test(scheme)) {
    if (!EXTERNAL_SCHEMES.has(`${scheme.toLowerCase()}:`)) return { kind: 'refused', reason: `links with the "${scheme}:" scheme are not opened from the chat` };
    try {
      return { kind: 'external', url: new URL(trimmed).toString() };
    } catch {
      return { kind: 'refused', reason: 'the link is not a valid URL' };
    }
  }
  if (trimmed === '' || trimmed.startsWith('#')) return { kind: 'refused', reason: 'the link has no target' };
  let rest = trimmed;
  let line: number | undefined;
  const hashLine = /#L(\d+)(?:-L?\d+)?$/i.exec(rest);
  if (hashLine) {
    line = Number(hashLine[1]);
    rest = rest.slice(0, hashLine.index);
  } else {
    const colonLine = /:(\d+)(?::\d+)?$/.exec(rest);
    if (colonLine) {
      line = Number(colonLine[1]);
      rest = rest.slice(0, colonLine.index);
    }
  }
  rest = rest.split(/[?#]/, 1)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(rest).replace(/\\/g, '/');
  } catch {
    return { kind: 'refused', reason: 'the link is not a valid path' };
  }
  if (decoded.startsWith('/') || /^[a-z]:/i.test(decoded)) return { kind: 'refused', reason: 'absolute paths are not opened from the chat' };
  const normalized = path.posix.normalize(decoded);
  if (normalized === '.' || normalized === '..' || normalized.startsWith('../')) return { kind: 'refused', reason: 'the path is outside the workspace' };
  return { kind: 'workspaceFile', path: normalized, ...(line !== undefined && line > 0 && { line }) };
}
