// Builds the real `switchboard` CLI with the project's own esbuild.mjs into `outDir` (the same
// layout as dist/: cli.js plus the lazily loaded vendor/*.js libraries). Returns cli.js's path.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const REPO = resolve(__dirname, '../..');

export function buildCli(outDir: string): string {
  const result = spawnSync(process.execPath, ['esbuild.mjs', `--outdir=${outDir}`, '--only=cli'], { cwd: REPO, encoding: 'utf8' });
  assert.equal(result.status, 0, `building the CLI failed: ${result.stderr}`);
  return join(outDir, 'cli.js');
}
