// Builds the three bundles: the extension host (CJS, `vscode` external), the CLI (CJS, Node),
// and the chat webview (browser IIFE). `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const argValue = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
/** `--outdir=<dir>` writes the bundles there instead of dist/ (tests build the real CLI layout). */
const outDir = argValue('outdir') ?? 'dist';
/** `--only=cli` builds just the CLI and the libraries it loads. */
const only = argValue('only');

/**
 * Libraries the wire layer loads with `await import(...)` only when a request needs them (HTTP
 * clients, proxies, AWS signing). Each becomes its own file in dist/vendor/, loaded on first use,
 * so activating the extension or starting the CLI does not parse them.
 */
const LAZY_PACKAGES = [
  'undici',
  'openai',
  '@aws-sdk/credential-provider-ini',
  '@aws-sdk/credential-provider-node',
  '@smithy/signature-v4',
  '@aws-crypto/sha256-js',
];
const vendorFile = (pkg) => `${pkg.replace(/^@/, '').replace(/\//g, '-')}.js`;

/** Resolves `import('<lazy package>')` to `./vendor/<file>` at run time instead of inlining it. */
const lazyVendorPlugin = {
  name: 'lazy-vendor',
  setup(build) {
    build.onResolve({ filter: /^[@a-z]/ }, (args) => {
      if (args.kind !== 'dynamic-import' || !LAZY_PACKAGES.includes(args.path)) return undefined;
      return { path: `./vendor/${vendorFile(args.path)}`, external: true };
    });
  },
};
const production = process.argv.includes('--production') || !watch;

/** @type {esbuild.BuildOptions[]} */
const builds = [
  {
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    plugins: [lazyVendorPlugin],
    // Lower import() to require(): Node cannot see the named exports of a bundled CJS file.
    supported: { 'dynamic-import': false },
    sourcemap: !production,
    minify: production,
    legalComments: 'none',
  },
  {
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [lazyVendorPlugin],
    // Lower import() to require(): Node cannot see the named exports of a bundled CJS file.
    supported: { 'dynamic-import': false },
    sourcemap: !production,
    minify: production,
    legalComments: 'none',
  },
];
for (const pkg of LAZY_PACKAGES) {
  builds.push({
    stdin: { contents: `module.exports = require(${JSON.stringify(pkg)});`, resolveDir: '.', loader: 'js' },
    outfile: `dist/vendor/${vendorFile(pkg)}`,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: production,
    legalComments: 'none',
  });
}
if (existsSync('src/webview/main.ts')) {
  builds.push({
    entryPoints: ['src/webview/main.ts'],
    outfile: 'dist/webview/chat.js',
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    sourcemap: !production,
    minify: production,
    legalComments: 'none',
    loader: { '.css': 'css' },
  });
}

function copyAssets() {
  const codicons = 'node_modules/@vscode/codicons/dist';
  if (existsSync(codicons)) {
    mkdirSync(`${outDir}/webview`, { recursive: true });
    cpSync(`${codicons}/codicon.css`, `${outDir}/webview/codicon.css`);
    cpSync(`${codicons}/codicon.ttf`, `${outDir}/webview/codicon.ttf`);
  }
  if (existsSync('src/webview/chat.css')) cpSync('src/webview/chat.css', `${outDir}/webview/chat.css`);
}

for (const options of builds) options.outfile = options.outfile.replace(/^dist\//, `${outDir}/`);
if (only === 'cli') {
  builds.splice(0, builds.length, ...builds.filter((b) => b.outfile.endsWith('/cli.js') || b.outfile.includes('/vendor/')));
}

if (watch) {
  for (const options of builds) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
  copyAssets();
  console.log('esbuild: watching');
} else {
  const started = Date.now();
  await Promise.all(builds.map((options) => esbuild.build(options)));
  if (!only) copyAssets();
  console.log(`esbuild: built ${builds.length} bundles in ${Date.now() - started} ms`);
}
