/** Fixed locations the e2e harness uses, resolved from this file. */
import { join, resolve } from 'node:path';

/** The repository root. */
export const repoRoot = resolve(__dirname, '..', '..', '..');

/** Where screenshots and other e2e artefacts go (git-ignored). */
export const resultsDir = join(repoRoot, 'test-results', 'e2e');

/** The VSIX that `npm run package` produces. */
export const vsixPath = join(repoRoot, 'dist', 'switchboard.vsix');

/** Turns a test name into a safe folder name, e.g. "shows logs!" -> "shows-logs". */
export function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'test';
}
