/**
 * Figures `bundle-size` (the extension host's own code after `npm run package`, which builds
 * first: the activation shell dist/extension.js plus the parts it loads later, dist/lazy/*.js;
 * the third-party vendor files loaded on first use are listed apart) and `vsix-size`
 * (dist/switchboard.vsix). Sizes have no peer to compare with; `details` break the bundle down by
 * package (what to trim), give each file's size, and list the VSIX entries.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bundleComposition } from './lib/bundleInputs';
import { REPO_ROOT } from './lib/childCase';
import { emitFigures, progress, reasonOf, unmeasured } from './lib/emit';
import type { MeasuredFigure } from './lib/figures';
import { round } from './lib/stats';

const BUNDLE = join(REPO_ROOT, 'dist', 'extension.js');
const VSIX = join(REPO_ROOT, 'dist', 'switchboard.vsix');
const WEBVIEW = join(REPO_ROOT, 'dist', 'webview', 'chat.js');

/** Sizes of the .js files in `dir` (relative to dist/), empty when it does not exist. */
function jsFiles(dir: string): Record<string, number> {
  const path = join(REPO_ROOT, 'dist', dir);
  if (!existsSync(path)) return {};
  return Object.fromEntries(readdirSync(path).filter((f) => f.endsWith('.js')).sort().map((f) => [`${dir}/${f}`, statSync(join(path, f)).size]));
}

const sum = (files: Record<string, number>) => Object.values(files).reduce((a, b) => a + b, 0);

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

/** The meaningful end of a tool's output (npm's config warnings left out). */
function lastLines(output: string): string {
  const lines = output.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !/^npm warn/i.test(l));
  const error = lines.findIndex((l) => /\berror\b/i.test(l));
  return (error >= 0 ? lines.slice(error, error + 2) : lines.slice(-2)).join(' ').slice(0, 300);
}

async function main(): Promise<void> {
  const figures: MeasuredFigure[] = [];
  const started = Date.now();
  const packaged = spawnSync('npm', ['run', 'package'], { cwd: REPO_ROOT, encoding: 'utf8' });
  const packageError = packaged.status === 0 ? undefined : `npm run package failed (exit ${packaged.status}): ${lastLines(`${packaged.stdout}\n${packaged.stderr}`)}`;
  progress(`npm run package: ${packageError ?? 'ok'} in ${round((Date.now() - started) / 1000, 1)} s`);
  // The bundle size does not depend on packaging: make sure dist/ is fresh even if vsce failed.
  const built = packageError === undefined ? packaged : spawnSync('npm', ['run', 'build'], { cwd: REPO_ROOT, encoding: 'utf8' });
  const buildError = built.status === 0 ? undefined : `npm run build failed (exit ${built.status}): ${lastLines(`${built.stdout}\n${built.stderr}`)}`;

  const bundleName = 'extension host code, minified: dist/extension.js (loaded at activation) + dist/lazy/*.js (loaded after)';
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
      value: statSync(BUNDLE).size + sum(jsFiles('lazy')),
      unit: 'bytes',
      reference: null,
      referenceValue: null,
      details: {
        loadedAtActivationBytes: statSync(BUNDLE).size,
        lazyParts: jsFiles('lazy'),
        vendorOnFirstUse: { totalBytes: sum(jsFiles('vendor')), files: jsFiles('vendor') },
        webviewBundleBytes: existsSync(WEBVIEW) ? statSync(WEBVIEW).size : null,
        composition,
      },
      ...(buildError && { note: `${buildError}; size of the existing dist/extension.js` }),
    });
  } else {
    figures.push(unmeasured('bundle-size', bundleName, 'bytes', buildError ?? 'dist/extension.js was not built.'));
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
