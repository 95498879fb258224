/**
 * What makes a bundle big: rebuilds an entry point like esbuild.mjs does (minified, CJS, node)
 * into a temp folder with a metafile, and sums the output bytes per npm package (or `src`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

/** Output bytes per package, largest first (top `limit`). */
export async function bundleComposition(repo: string, entry: string, limit = 8): Promise<{ total: number; byPackage: Record<string, number> }> {
  const dir = mkdtempSync(join(tmpdir(), 'sb-bench-bundle-'));
  try {
    const result = await build({
      absWorkingDir: repo,
      entryPoints: [entry],
      outfile: join(dir, 'out.js'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
      minify: true,
      legalComments: 'none',
      metafile: true,
      logLevel: 'silent',
    });
    const sizes = new Map<string, number>();
    let total = 0;
    for (const output of Object.values(result.metafile.outputs)) {
      total += output.bytes;
      for (const [input, info] of Object.entries(output.inputs)) {
        const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
        const key = match ? match[1] : input.startsWith('src/') ? 'src (Switchboard)' : 'other';
        sizes.set(key, (sizes.get(key) ?? 0) + info.bytesInOutput);
      }
    }
    const top = [...sizes.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit);
    return { total, byPackage: Object.fromEntries(top) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
