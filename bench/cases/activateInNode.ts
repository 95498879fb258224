/**
 * Where activation time goes, outside VS Code: loads dist/extension.js in a bare Node process
 * with a stand-in `vscode` module (a recursive Proxy: every API returns more stand-ins), then
 * calls `activate` with a fake context. Reports the module load (require) time, the time of the
 * `activate` call itself, and the time from that call until the extension says its first
 * configuration is loaded (`ready()`, which loads the provider side first). Run with --cpu-prof
 * to see which code is to blame.
 */
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join, resolve } from 'node:path';
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

type NodeModule = Module & { _compile(code: string, file: string): void; paths: string[]; loaded: boolean };
const moduleStatics = Module as unknown as {
  _load: (request: string, parent: NodeModule | undefined, ...rest: unknown[]) => unknown;
  _nodeModulePaths(dir: string): string[];
};
const plainModules = new Map<string, NodeModule>();

/**
 * Compiles a file of the built extension as plain Node would (tsx's loader hooks, active in this
 * process, would otherwise route each `require` of a lazily loaded part through tsx).
 */
function loadPlain(file: string): NodeModule {
  const cached = plainModules.get(file);
  if (cached) return cached;
  const mod = new Module(file) as NodeModule;
  mod.filename = file;
  mod.paths = moduleStatics._nodeModulePaths(dirname(file));
  plainModules.set(file, mod);
  mod._compile(readFileSync(file, 'utf8'), file);
  mod.loaded = true;
  return mod;
}

/** `require('vscode')` gets the stand-in; relative requires inside `bundleDir` load plainly. */
function installLoader(bundleDir: string): void {
  const vscode: Record<string, unknown> = {};
  for (const name of apiNames()) vscode[name] = standIn(`vscode.${name}`);
  const original = moduleStatics._load;
  moduleStatics._load = function (request, parent, ...rest) {
    if (request === 'vscode') return vscode;
    if (request.startsWith('.') && parent?.filename?.startsWith(bundleDir)) return loadPlain(resolve(dirname(parent.filename), request)).exports;
    return original.call(this, request, parent, ...rest);
  };
}

function fakeUri(path: string): unknown {
  return { scheme: 'file', path, fsPath: path, toString: () => `file://${path}`, with: () => fakeUri(path) };
}

function fakeContext(): unknown {
  const memento = { get: () => undefined, update: async () => undefined, keys: () => [] };
  const packageJSON: unknown = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  return {
    extension: { id: 'switchboard-dev.switchboard', packageJSON, extensionPath: '/tmp/switchboard' },
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
  installLoader(dirname(bundle));
  // Compile the bundle as Node would, bypassing tsx's loader hooks (they would re-transform it).
  const loadStart = performance.now();
  const extension = loadPlain(bundle).exports as { activate: (context: unknown) => { ready?: () => Promise<unknown> } | undefined };
  const loadMs = performance.now() - loadStart;
  const activateStart = performance.now();
  let activateError: string | undefined;
  let api: { ready?: () => Promise<unknown> } | undefined;
  try {
    api = extension.activate(fakeContext());
  } catch (error) {
    activateError = error instanceof Error ? error.message : String(error);
  }
  const activateMs = performance.now() - activateStart;
  let readyMs: number | undefined;
  let readyError: string | undefined;
  try {
    if (api?.ready) {
      await api.ready();
      readyMs = performance.now() - activateStart;
    }
  } catch (error) {
    readyError = error instanceof Error ? error.message : String(error);
  }
  reportCase({ loadMs, activateMs, readyMs, activateError, readyError });
  // The extension may have started timers or watchers on the stand-ins; do not wait for them.
  process.exit(0);
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
