/**
 * The `.gitignore` files of a tree as the agent's search sees them: each folder's file applies to
 * the paths below it, and a deeper file can re-include (`!pattern`) what a shallower one ignored,
 * as in git. Matching uses the `ignore` package (git's pattern syntax).
 */
import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import ignore, { type Ignore } from 'ignore';

interface Rules {
  /** Folder the file is in, relative to the root ('' for the root), with a trailing slash unless ''. */
  base: string;
  matcher: Ignore;
}

/** The rules in effect in one folder: its ancestors' and its own. */
export class GitignoreRules {
  private constructor(private readonly chain: readonly Rules[]) {}

  /** No rules (the root, before its own `.gitignore` is read). */
  static none(): GitignoreRules {
    return new GitignoreRules([]);
  }

  /** These rules plus the `.gitignore` in folder `dirRel` under `root`, if it has one. */
  async enter(root: string, dirRel: string): Promise<GitignoreRules> {
    let text: string;
    try {
      text = await fs.readFile(nodePath.join(root, dirRel, '.gitignore'), 'utf8');
    } catch {
      return this;
    }
    return new GitignoreRules([...this.chain, { base: dirRel === '' ? '' : `${dirRel}/`, matcher: ignore().add(text) }]);
  }

  /** Whether `rel` (relative to the root, `/`-separated) is ignored; `isDirectory` for folders. */
  ignores(rel: string, isDirectory: boolean): boolean {
    // The deepest file with an opinion decides (a deeper `!pattern` re-includes).
    for (let i = this.chain.length - 1; i >= 0; i--) {
      const { base, matcher } = this.chain[i];
      if (!rel.startsWith(base)) continue;
      const path = rel.slice(base.length) + (isDirectory ? '/' : '');
      const verdict = matcher.test(path);
      if (verdict.ignored) return true;
      if (verdict.unignored) return false;
    }
    return false;
  }
}
