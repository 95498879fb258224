/**
 * Path policy: where a tool's path argument really points, and whether that is inside the
 * workspace.
 *
 * Every path argument is resolved against the workspace root. A path is *outside* when
 * - it is lexically outside the root (`../x`, or an absolute path elsewhere), or
 * - it (or its nearest existing ancestor, for files about to be created) is a symlink, or sits
 *   under one, whose real path is outside the real workspace root.
 * Absolute paths that point inside the workspace are fine. Symlinks that stay inside are fine.
 *
 * What happens to an outside path depends on the approval mode (see `approvalPolicy.ts`):
 * refused in `read-only`, an approval request of kind `path` in `ask` and `auto` — for reads too.
 */
import * as nodePath from 'node:path';
import type { WorkspaceFiles } from '../ports';

/** A path argument after resolution against the workspace root. */
export interface ResolvedPath {
  /** The argument as the model wrote it. */
  raw: string;
  /** Absolute, normalized, symlinks not resolved: what the tool reads or writes. */
  absolute: string;
  /** Relative to the root with forward slashes when inside (`.` for the root); otherwise `absolute`. */
  display: string;
  inside: boolean;
  /** Why it is outside, in words fit for the model and the user. */
  outsideReason?: string;
}

/** Resolves paths for one workspace, caching the root's real path. */
export class PathPolicy {
  private realRoot: Promise<string> | undefined;

  constructor(private readonly files: WorkspaceFiles) {}

  /** Resolves `raw` and decides whether it is inside the workspace. Never touches the file's contents. */
  async resolve(raw: string): Promise<ResolvedPath> {
    const root = nodePath.resolve(this.files.root);
    const trimmed = raw.trim();
    // `~` is deliberately not expanded: `~/x` is a file named `~` under the root.
    const absolute = nodePath.resolve(root, trimmed === '' ? '.' : trimmed);
    const lexicalRel = relativeInside(root, absolute);
    if (lexicalRel === undefined) {
      return {
        raw,
        absolute,
        display: absolute,
        inside: false,
        outsideReason: `${absolute} is outside the workspace (${root})`,
      };
    }
    const realRoot = await this.rootRealPath(root);
    const real = await this.realPathOfNearest(absolute);
    if (typeof real !== 'string') {
      return {
        raw,
        absolute,
        display: absolute,
        inside: false,
        outsideReason: `${relativeInside(root, real.danglingLink) ?? real.danglingLink} is a symbolic link to a path that does not exist, which may be outside the workspace (${root})`,
      };
    }
    if (relativeInside(realRoot, real) === undefined) {
      return {
        raw,
        absolute,
        display: absolute,
        inside: false,
        outsideReason: `${lexicalRel} goes through a symbolic link to ${real}, which is outside the workspace (${root})`,
      };
    }
    return { raw, absolute, display: lexicalRel, inside: true };
  }

  private rootRealPath(root: string): Promise<string> {
    this.realRoot ??= this.files.realPath(root).catch(() => root);
    return this.realRoot;
  }

  /**
   * Real path of `absolute`, or of its nearest existing ancestor joined with the missing rest.
   * A missing part that is a dangling symbolic link (writing there would create its target,
   * wherever that is) is reported instead.
   */
  private async realPathOfNearest(absolute: string): Promise<string | { danglingLink: string }> {
    const missing: string[] = [];
    let current = absolute;
    for (;;) {
      try {
        const real = await this.files.realPath(current);
        return missing.length === 0 ? real : nodePath.join(real, ...missing.reverse());
      } catch {
        const parent = nodePath.dirname(current);
        if (parent === current) return absolute;
        const name = nodePath.basename(current);
        if (await this.isSymlinkEntry(parent, name)) return { danglingLink: current };
        missing.push(name);
        current = parent;
      }
    }
  }

  private async isSymlinkEntry(directory: string, name: string): Promise<boolean> {
    try {
      const entries = await this.files.listDirectory(directory);
      return entries.some((e) => e.name === name && e.kind === 'symlink');
    } catch {
      return false;
    }
  }
}

/**
 * The path of `target` relative to `root` with forward slashes (`.` for the root itself), or
 * `undefined` when `target` is not `root` or below it.
 */
export function relativeInside(root: string, target: string): string | undefined {
  const rel = nodePath.relative(root, target);
  if (rel === '') return '.';
  if (rel === '..' || rel.startsWith('..' + nodePath.sep) || nodePath.isAbsolute(rel)) return undefined;
  return rel.split(nodePath.sep).join('/');
}
