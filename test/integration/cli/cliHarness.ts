// Runs the real `switchboard` CLI as a child process: built once per test file by the project's
// own esbuild.mjs into a temp folder (the same layout as dist/: cli.js plus the lazily loaded
// vendor/*.js libraries), then started with HOME and CODEX_HOME in a
// temp folder and a separate workspace folder. Runs are asynchronous so local servers in the test
// process keep answering. Every run checks that no listed secret reached stdout or stderr.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildCli } from '../../helpers/cliBuild';


/** A fresh temp directory removed after the test file finishes. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Bundles the CLI once for this test file; returns the bundle's path (valid after `before`). */
export function useCliBundle(): { path: string } {
  const bundle = { path: join(tempDir('sb-cli-bundle-'), 'cli.js') };
  before(() => {
    buildCli(dirname(bundle.path));
  });
  return bundle;
}

/** A user config folder and a workspace folder. */
export interface Sandbox {
  home: string;
  codexHome: string;
  workspace: string;
  userConfig: string;
}

/** Creates a sandbox with `userToml` as `$CODEX_HOME/config.toml`. */
export function sandbox(userToml: string): Sandbox {
  const root = tempDir('sb-cli-it-');
  const home = join(root, 'home');
  const codexHome = join(home, '.codex');
  const workspace = join(root, 'ws');
  mkdirSync(codexHome, { recursive: true });
  mkdirSync(workspace);
  const userConfig = join(codexHome, 'config.toml');
  writeFileSync(userConfig, userToml);
  return { home, codexHome, workspace, userConfig };
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string>;
  /** Written to stdin, then stdin is closed (default: closed at once). */
  stdin?: string;
  /** Values that must not appear in the output. */
  secrets?: string[];
  /** Called once the child is spawned (to send signals). */
  onSpawn?: (child: ChildProcess, output: { stdout: () => string; stderr: () => string }) => void;
  timeoutMs?: number;
}

/** Runs `switchboard <args> --cwd <workspace>` with a clean environment. */
export function runCli(bundle: { path: string }, box: Sandbox, args: string[], options: RunOptions = {}): Promise<RunResult> {
  const child = spawn(process.execPath, [bundle.path, ...args, '--cwd', box.workspace], {
    cwd: box.workspace,
    env: { PATH: process.env.PATH ?? '', HOME: box.home, USERPROFILE: box.home, CODEX_HOME: box.codexHome, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end(options.stdin ?? '');
  options.onSpawn?.(child, { stdout: () => stdout, stderr: () => stderr });
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
  return new Promise<RunResult>((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      for (const secret of options.secrets ?? []) {
        assert.ok(!stdout.includes(secret) && !stderr.includes(secret), `a secret value was printed:\n${stdout}\n${stderr}`);
      }
      resolvePromise({ code, signal, stdout, stderr });
    });
  });
}

/** Resolves when `read()` satisfies `ready`, polling every 10 ms (rejects after `timeoutMs`). */
export async function waitUntil(ready: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for a condition');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A TOML string literal. */
export function tomlString(value: string): string {
  return JSON.stringify(value);
}
