/**
 * Where activation time goes, outside VS Code: loads dist/extension.js in a bare Node process
 * with a stand-in `vscode` module (a recursive Proxy: every API returns more stand-ins), then
 * calls `activate` with a fake context. Reports the module load (require) time and the time of
 * the `activate` call itself. Run with --cpu-prof to see which code is to blame.
 */
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join } from 'node:path';
import { caseInput, REPO_ROOT, reportCase } from '../lib/childCase';

interface Input {
  bundle: string;
}

/** A stand-in for any VS Code API value: callable, constructible, with every property. */
function standIn(name: string): unknown {
  const cache = new Map<PropertyKey, unknown>();
  const target = function () {} as unknown as object;
  return new Proxy(target, {
    get(_t, key) {
      if (key === 'then') return undefined; // not a promise
      if (key === Symbol.iterator) return function* () {};
      if (key === Symbol.toPrimitive) return () => '';
      if (key === 'prototype') return Object.prototype;
      if (key === 'fsPath' || key === 'path') return '/tmp/switchboard-bench-standin';
      if (key === 'scheme') return 'file';
      if (!cache.has(key)) cache.set(key, standIn(`${name}.${String(key)}`));
      return cache.get(key);
    },
    set(_t, key, value) {
      cache.set(key, value);
      return true;
    },
    apply: () => standIn(`${name}()`),
    construct: () => standIn(`new ${name}`) as object,
  });
}

/** The top-level names of the VS Code API (bundlers copy the module's own keys, so list them). */
function apiNames(): string[] {
  const typings = readFileSync(join(REPO_ROOT, 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8');
  const names = new Set<string>();
  for (const m of typings.matchAll(/^\t?export (?:namespace|class|enum|const|function|let) (\w+)/gm)) names.add(m[1]);
  return [...names];
}

function installVscodeStandIn(): void {
  const vscode: Record<string, unknown> = {};
  for (const name of apiNames()) vscode[name] = standIn(`vscode.${name}`);
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  loader._load = function (request: string, ...rest: unknown[]) {
    if (request === 'vscode') return vscode;
    return original.call(this, request, ...rest);
  };
}

function fakeUri(path: string): unknown {
  return { scheme: 'file', path, fsPath: path, toString: () => `file://${path}`, with: () => fakeUri(path) };
}

function fakeContext(): unknown {
  const memento = { get: () => undefined, update: async () => undefined, keys: () => [] };
  return {
    subscriptions: [] as unknown[],
    secrets: { get: async () => undefined, store: async () => undefined, delete: async () => undefined, onDidChange: () => ({ dispose() {} }) },
    workspaceState: memento,
    globalState: { ...memento, setKeysForSync: () => undefined },
    extensionUri: fakeUri('/tmp/switchboard'),
    extensionPath: '/tmp/switchboard',
    storageUri: undefined,
    globalStorageUri: fakeUri('/tmp/switchboard-bench-global'),
    logUri: fakeUri('/tmp/switchboard-bench-log'),
    extensionMode: 1,
    asAbsolutePath: (p: string) => `/tmp/switchboard/${p}`,
  };
}

async function main(): Promise<void> {
  const { bundle } = caseInput<Input>();
  installVscodeStandIn();
  // Compile the bundle as Node would, bypassing tsx's loader hooks (they would re-transform it).
  const source = readFileSync(bundle, 'utf8');
  const loadStart = performance.now();
  const mod = new Module(bundle) as Module & { _compile(code: string, file: string): void; paths: string[] };
  mod.filename = bundle;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(bundle));
  mod._compile(source, bundle);
  const extension = mod.exports as { activate: (context: unknown) => unknown };
  const loadMs = performance.now() - loadStart;
  const activateStart = performance.now();
  let activateError: string | undefined;
  try {
    await extension.activate(fakeContext());
  } catch (error) {
    activateError = error instanceof Error ? error.message : String(error);
  }
  const activateMs = performance.now() - activateStart;
  reportCase({ loadMs, activateMs, activateError });
  // The extension may have started timers or watchers on the stand-ins; do not wait for them.
  process.exit(0);
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
