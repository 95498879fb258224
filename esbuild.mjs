// Builds the three bundles: the extension host (CJS, `vscode` external), the CLI (CJS, Node),
// and the chat webview (browser IIFE). `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
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
    sourcemap: !production,
    minify: production,
    legalComments: 'none',
  },
];
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
    mkdirSync('dist/webview', { recursive: true });
    cpSync(`${codicons}/codicon.css`, 'dist/webview/codicon.css');
    cpSync(`${codicons}/codicon.ttf`, 'dist/webview/codicon.ttf');
  }
  if (existsSync('src/webview/chat.css')) cpSync('src/webview/chat.css', 'dist/webview/chat.css');
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
  copyAssets();
  console.log(`esbuild: built ${builds.length} bundles in ${Date.now() - started} ms`);
}
