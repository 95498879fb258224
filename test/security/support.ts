/**
 * Shared pieces of the security tests: an instant clock, stream collection, a config loaded from
 * real temp files with the real loader, and a time budget assertion.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadConfig } from '../../src/core/config/loadConfig';
import type { LoadConfigOptions, ResolvedConfig } from '../../src/core/config/resolvedConfig';
import type { Env } from '../../src/core/ports';
import type { ProviderInfo } from '../../src/core/providers/providerInfo';
import { createNodeConfigFs } from '../../src/node/nodeConfigFs';

// The wire tests' instant clock and stream collector serve here too.
export { collect, instantClock } from '../integration/wire/support';

const tempDirs: string[] = [];
process.once('exit', () => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** A temp directory removed when the test process exits (safe to create inside hooks). */
export function tempDir(prefix = 'sb-sec-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** Writes `files` (relative path -> text) under `root`. */
export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
}

/** A home folder with `~/.codex/config.toml` and a workspace folder, on disk. */
export interface Sandbox {
  root: string;
  home: string;
  workspace: string;
  userFile: string;
}

export function sandbox(userToml: string, workspaceFiles: Record<string, string> = {}): Sandbox {
  const root = tempDir();
  const home = join(root, 'home');
  const workspace = join(root, 'ws');
  const userFile = join(home, '.codex', 'config.toml');
  writeFiles(home, { '.codex/config.toml': userToml });
  mkdirSync(workspace, { recursive: true });
  writeFiles(workspace, workspaceFiles);
  return { root, home, workspace, userFile };
}

/** loadConfig with the Node file system on a sandbox. */
export function loadSandbox(box: Sandbox, env: Env, options: Partial<LoadConfigOptions> = {}): Promise<ResolvedConfig> {
  return loadConfig({ cwd: box.workspace, env, fs: createNodeConfigFs(), homeDir: box.home, trustWorkspace: true, ...options });
}

/** The provider with this id; fails when missing. */
export function providerOf(config: ResolvedConfig, id: string): ProviderInfo {
  const p = config.providers.find((x) => x.id === id);
  assert.ok(p, `provider ${id} missing; have ${config.providers.map((x) => x.id).join(', ')}`);
  return p;
}

/** Runs `fn` and fails when it takes longer than `budgetMs`; returns its result and the time. */
export async function withinBudget<T>(what: string, budgetMs: number, fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${budgetMs} ms`)), budgetMs);
  });
  try {
    const value = await Promise.race([fn(), timeout]);
    return { value, ms: performance.now() - started };
  } finally {
    clearTimeout(timer);
  }
}

/** TOML string literal. */
export const q = (s: string) => JSON.stringify(s);

/** A Responses API stream saying `text` in `pieces` deltas. */
export function responsesStream(text: string, pieces = 20): string {
  const size = Math.ceil(text.length / pieces);
  let out = `event: response.created\ndata: ${JSON.stringify({ type: 'response.created', response: { id: 'r', status: 'in_progress' } })}\n\n`;
  for (let i = 0; i < text.length; i += size) {
    out += `event: response.output_text.delta\ndata: ${JSON.stringify({ type: 'response.output_text.delta', item_id: 'm1', output_index: 0, content_index: 0, delta: text.slice(i, i + size) })}\n\n`;
  }
  out += `event: response.completed\ndata: ${JSON.stringify({ type: 'response.completed', response: { id: 'r', status: 'completed', usage: { input_tokens: 5, output_tokens: pieces } } })}\n\n`;
  return out;
}
