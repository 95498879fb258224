// Builds the three bundles: the extension host (CJS, `vscode` external, split into lazily loaded
// files), the CLI (CJS, Node), and the chat webview (browser IIFE). `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';

const watch = process.argv.includes('--watch');
const argValue = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
/** `--outdir=<dir>` writes the bundles there instead of dist/ (tests build the real CLI layout). */
const outDir = argValue('outdir') ?? 'dist';
/** `--only=cli` / `--only=extension` builds just the CLI / the extension host files, and the libraries they load. */
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

/**
 * Resolves `import('<lazy package>')` to `<prefix><file>` at run time instead of inlining it
 * (`./vendor/` next to a bundle in dist/; a placeholder that `toCommonJsFiles` fills in for the
 * split extension bundle, whose files live in different folders).
 */
const lazyVendorPlugin = (prefix = './vendor/') => ({
  name: 'lazy-vendor',
  setup(build) {
    build.onResolve({ filter: /^[@a-z]/ }, (args) => {
      if (args.kind !== 'dynamic-import' || !LAZY_PACKAGES.includes(args.path)) return undefined;
      return { path: `${prefix}${vendorFile(args.path)}`, external: true };
    });
  },
});
/**
 * zod's `locales` namespace (`z.locales`, `z.core.locales`) re-exports its 40+ message
 * translations, ~260 KB minified: more than half of zod. Switchboard uses English only (zod's
 * default), so the Node bundles get `locales.en` alone and do not parse the rest.
 */
const zodEnglishOnlyPlugin = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => {
      if (!/[\\/]node_modules[\\/]zod[\\/]/.test(args.importer)) return undefined;
      return { path: resolve(dirname(args.importer), '../locales/index.js'), namespace: 'zod-locales' };
    });
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: 'export { default as en } from "./en.js";',
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};
const production = process.argv.includes('--production') || !watch;
/** `--no-minify`: readable output with source maps (benchmarks profile it). */
const minify = production && !process.argv.includes('--no-minify');
/** Source maps (linked .map files) while watching and with `--no-minify`. */
const sourcemap = !production || !minify;

/**
 * The extension host bundle is split: dist/extension.js is what VS Code loads at activation, and
 * every `import()` of our own modules (src/extension.ts: the provider side, the chat) becomes its
 * own file in dist/lazy/, with the modules those parts share in dist/lazy/chunk-*.js, so that
 * activation parses only the first file and each part only what it needs. esbuild splits only ES
 * modules, so it builds ESM and `toCommonJsFiles` turns each file into CommonJS (the extension
 * host loads CommonJS; `import()` becomes `require()`, as in the CLI).
 */
const VENDOR_PLACEHOLDER = '__switchboard_vendor__/';
const LAZY_DIR = 'lazy';

/** Writes each ESM output file as CommonJS, with vendor paths relative to its folder; replaces dist/lazy/. */
const toCommonJsFiles = {
  name: 'commonjs-files',
  setup(build) {
    build.onEnd(async (result) => {
      if (result.errors.length > 0 || !result.outputFiles) return;
      const outdir = resolve(build.initialOptions.outdir);
      const files = await Promise.all(
        result.outputFiles
          .filter((file) => file.path.endsWith('.js'))
          .map(async (file) => {
            const converted = await esbuild.transform(file.text, {
              format: 'cjs',
              platform: 'node',
              target: 'node20',
              supported: { 'dynamic-import': false },
              minify,
              legalComments: 'none',
              sourcefile: file.path,
              // The ESM step's inline map is read back, so this map points at the sources.
              sourcemap: sourcemap && 'external',
            });
            if (converted.warnings.length > 0) throw new Error(`esbuild: converting ${file.path} to CommonJS: ${converted.warnings[0].text}`);
            const vendorDir = relative(dirname(file.path), join(outdir, 'vendor')).split('\\').join('/');
            let code = converted.code.replaceAll(VENDOR_PLACEHOLDER, `${vendorDir.startsWith('.') ? '' : './'}${vendorDir}/`);
            if (converted.map) code += `//# sourceMappingURL=${basename(file.path)}.map\n`;
            return { path: file.path, code, map: converted.map };
          }),
      );
      rmSync(join(outdir, LAZY_DIR), { recursive: true, force: true });
      for (const file of files) {
        mkdirSync(dirname(file.path), { recursive: true });
        writeFileSync(file.path, file.code);
        if (file.map) writeFileSync(`${file.path}.map`, file.map);
      }
    });
  },
};

/** @type {esbuild.BuildOptions[]} */
const builds = [
  {
    entryPoints: { extension: 'src/extension.ts' },
    outdir: 'dist',
    entryNames: '[name]',
    chunkNames: `${LAZY_DIR}/[name]-[hash]`,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['vscode'],
    plugins: [lazyVendorPlugin(VENDOR_PLACEHOLDER), zodEnglishOnlyPlugin, toCommonJsFiles],
    write: false,
    sourcemap: sourcemap && 'inline',
    minify,
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
    plugins: [lazyVendorPlugin(), zodEnglishOnlyPlugin],
    // Lower import() to require(): Node cannot see the named exports of a bundled CJS file.
    supported: { 'dynamic-import': false },
    sourcemap: !production,
    minify,
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
    minify,
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
    minify,
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

for (const options of builds) {
  if (options.outfile) options.outfile = options.outfile.replace(/^dist\//, `${outDir}/`);
  if (options.outdir) options.outdir = options.outdir.replace(/^dist$/, outDir);
}
if (only === 'cli') {
  builds.splice(0, builds.length, ...builds.filter((b) => b.outfile?.endsWith('/cli.js') || b.outfile?.includes('/vendor/')));
} else if (only === 'extension') {
  builds.splice(0, builds.length, ...builds.filter((b) => b.outdir || b.outfile?.includes('/vendor/')));
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
