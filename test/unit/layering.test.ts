// Reads every import line under src/ and fails when an arrow points outward:
// shared <- core <- node <- vscode <- extension.ts; webview imports only shared; cli uses core+node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';

const SRC = resolve(__dirname, '../../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx|mts)$/.test(n) ? [p] : [];
  });
}

function layerOf(path: string): string {
  const rel = relative(SRC, path).split('\\').join('/');
  if (!rel.includes('/')) return rel.replace(/\.ts$/, ''); // extension.ts
  return rel.split('/')[0];
}

const IMPORT_RE = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

/** Which layers each layer may import (besides itself). */
const ALLOWED: Record<string, string[]> = {
  shared: [],
  core: ['shared'],
  node: ['shared', 'core'],
  vscode: ['shared', 'core', 'node'],
  cli: ['shared', 'core', 'node'],
  webview: ['shared'],
  extension: ['shared', 'core', 'node', 'vscode'],
};

/** Packages a layer must never import. */
const FORBIDDEN_PACKAGES: Record<string, RegExp> = {
  shared: /^(vscode|node:|child_process|fs|path|os)/,
  core: /^(vscode|child_process|node:child_process)$/,
  webview: /^(vscode|node:|child_process|fs|path|os)/,
  node: /^vscode$/,
  cli: /^vscode$/,
};

test('every import under src/ points inward', () => {
  const violations: string[] = [];
  for (const file of files(SRC)) {
    const layer = layerOf(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT_RE)) {
      const spec = m[1] ?? m[2] ?? m[3] ?? m[4];
      if (!spec) continue;
      const where = `${relative(SRC, file)} imports '${spec}'`;
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        if (!target.startsWith(SRC)) {
          violations.push(`${where} (outside src)`);
          continue;
        }
        const targetLayer = layerOf(target.endsWith('.ts') ? target : target + '.ts');
        if (targetLayer !== layer && !(ALLOWED[layer] ?? []).includes(targetLayer)) {
          violations.push(`${where} (${layer} may not import ${targetLayer})`);
        }
      } else if (FORBIDDEN_PACKAGES[layer]?.test(spec)) {
        violations.push(`${where} (package not allowed in ${layer})`);
      }
    }
  }
  assert.deepEqual(violations, []);
});

test('the layering check itself catches an outward import', () => {
  // Guard against a regex that silently matches nothing.
  const sample = "import * as vscode from 'vscode';\nimport { x } from '../core/y';\n";
  const specs = [...sample.matchAll(IMPORT_RE)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]);
  assert.deepEqual(specs, ['vscode', '../core/y']);
  assert.ok(FORBIDDEN_PACKAGES.core.test('vscode'));
  assert.ok(!(ALLOWED.webview ?? []).includes('core'));
});
