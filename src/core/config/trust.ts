/**
 * Workspace trust, Codex's rule: the user file lists trusted folders as
 * `[projects."<abs path>"] trust_level = "trusted"`; a workspace is trusted when its folder or
 * one of its parents is listed. Only the user file counts (a workspace cannot trust itself).
 */
import { isAbsolute, resolve, sep } from 'node:path';
import type { TomlTable } from './tomlParse';
import { isTable } from './validateTable';

/** Paths of `[projects."<path>"]` tables with `trust_level = "trusted"`, as written. */
export function trustedProjectsOf(userTable: TomlTable | undefined): string[] {
  const projects = userTable && Object.hasOwn(userTable, 'projects') ? userTable.projects : undefined;
  if (!isTable(projects)) return [];
  return Object.entries(projects)
    .filter(([, v]) => isTable(v) && v.trust_level === 'trusted')
    .map(([path]) => path);
}

/** Normalizes a project key: drops the Windows `\\?\` prefix; resolves; lower-cases on Windows. */
function normalize(path: string): string | undefined {
  let p = path.trim();
  if (p.startsWith('\\\\?\\')) p = p.slice(4);
  if (!isAbsolute(p)) return undefined;
  p = resolve(p);
  return sep === '\\' ? p.toLowerCase() : p;
}

/** Whether `dir` (or its real path) is a trusted project or inside one. */
export function isTrustedPath(dir: string, trusted: readonly string[], realDir?: string): boolean {
  const candidates = [dir, realDir].map((d) => (d ? normalize(d) : undefined)).filter((d): d is string => d !== undefined);
  for (const t of trusted) {
    const root = normalize(t);
    if (!root) continue;
    const prefix = root.endsWith(sep) ? root : root + sep;
    if (candidates.some((c) => c === root || c.startsWith(prefix))) return true;
  }
  return false;
}
