/**
 * Figures `bundle-size` (dist/extension.js after `npm run package`, which builds first) and
 * `vsix-size` (dist/switchboard.vsix). Sizes have no peer to compare with; `details` break the
 * bundle down by package (what to trim) and list the VSIX entries.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bundleComposition } from './lib/bundleInputs';
import { REPO_ROOT } from './lib/childCase';
import { emitFigures, progress, reasonOf, unmeasured } from './lib/emit';
import type { MeasuredFigure } from './lib/figures';
import { round } from './lib/stats';

const BUNDLE = join(REPO_ROOT, 'dist', 'extension.js');
const VSIX = join(REPO_ROOT, 'dist', 'switchboard.vsix');
const WEBVIEW = join(REPO_ROOT, 'dist', 'webview', 'chat.js');

function vsixEntries(): Record<string, number> | string {
  const listing = spawnSync('unzip', ['-l', VSIX], { encoding: 'utf8' });
  if (listing.status !== 0) return 'unzip not available';
  const entries: Record<string, number> = {};
  for (const line of listing.stdout.split('\n')) {
    const m = /^\s*(\d+)\s+\S+\s+\S+\s+(extension\/.+)$/.exec(line);
    if (m) entries[m[2]] = Number(m[1]);
  }
  return entries;
}

async function main(): Promise<void> {
  const figures: MeasuredFigure[] = [];
  const started = Date.now();
  const packaged = spawnSync('npm', ['run', 'package'], { cwd: REPO_ROOT, encoding: 'utf8' });
  const packageError = packaged.status === 0 ? undefined : `npm run package failed (exit ${packaged.status}): ${(packaged.stderr || packaged.stdout).trim().split('\n').slice(-3).join(' ')}`;
  progress(`npm run package: ${packageError ?? 'ok'} in ${round((Date.now() - started) / 1000, 1)} s`);

  const bundleName = 'dist/extension.js (extension host bundle, minified)';
  if (existsSync(BUNDLE)) {
    let composition: unknown;
    try {
      composition = await bundleComposition(REPO_ROOT, 'src/extension.ts');
    } catch (error) {
      composition = `could not analyse: ${reasonOf(error)}`;
    }
    figures.push({
      id: 'bundle-size',
      name: bundleName,
      value: statSync(BUNDLE).size,
      unit: 'bytes',
      reference: null,
      referenceValue: null,
      details: {
        webviewBundleBytes: existsSync(WEBVIEW) ? statSync(WEBVIEW).size : null,
        composition,
      },
      ...(packageError && { note: `${packageError}; size of the existing dist/extension.js` }),
    });
  } else {
    figures.push(unmeasured('bundle-size', bundleName, 'bytes', packageError ?? 'dist/extension.js was not built.'));
  }

  const vsixName = 'dist/switchboard.vsix (npm run package)';
  if (packageError === undefined && existsSync(VSIX)) {
    figures.push({ id: 'vsix-size', name: vsixName, value: statSync(VSIX).size, unit: 'bytes', reference: null, referenceValue: null, details: { entries: vsixEntries() } });
  } else {
    figures.push(unmeasured('vsix-size', vsixName, 'bytes', packageError ?? 'dist/switchboard.vsix was not produced.'));
  }
  emitFigures(figures);
}

void main();
