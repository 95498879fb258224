// Runs the real Codex CLI (devDependency @openai/codex, pinned) as a reference implementation:
// `codex exec --skip-git-repo-check "hi"` with CODEX_HOME pointing at a temp config.
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProcessResult } from '../../../src/core/ports';
import { createNodeProcessRunner } from '../../../src/node/processRunner';

const requireFromHere = createRequire(__filename);

/** The pinned version the oracle findings were checked against. */
export const CODEX_VERSION = '0.169.0';

/** Path of Codex's Node launcher (`bin/codex.js`), which finds the platform binary. */
export function codexLauncher(): string {
  return requireFromHere.resolve('@openai/codex/bin/codex.js');
}

/** A scratch Codex home plus an empty work folder, removed by `dispose`. */
export interface CodexSandbox {
  /** CODEX_HOME and HOME for the run. */
  home: string;
  /** Working folder for the run (no workspace config in it). */
  work: string;
  writeConfig(toml: string): void;
  /** Writes `<home>/<name>.config.toml` (Codex 0.169's profile form). */
  writeProfile(name: string, toml: string): void;
  dispose(): void;
}

/** Creates a sandbox under the OS temp folder. */
export function createCodexSandbox(): CodexSandbox {
  const root = mkdtempSync(join(tmpdir(), 'sb-codex-oracle-'));
  const home = join(root, 'home');
  const work = join(root, 'work');
  mkdirSync(home);
  mkdirSync(work);
  return {
    home,
    work,
    writeConfig: (toml) => writeFileSync(join(home, 'config.toml'), toml),
    writeProfile: (name, toml) => writeFileSync(join(home, `${name}.config.toml`), toml),
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** The environment a Codex run gets: PATH, a private HOME/CODEX_HOME, and the case's variables. */
export function codexEnv(sandbox: CodexSandbox, extra: Record<string, string>): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: sandbox.home, CODEX_HOME: sandbox.home, ...extra };
}

/**
 * Runs `codex [globalArgs] exec --skip-git-repo-check hi` in the sandbox. Generous timeout (Codex
 * starts in well under a second here, but CI machines vary); on timeout the whole tree is killed.
 */
export function runCodexExec(sandbox: CodexSandbox, env: Record<string, string>, globalArgs: string[] = []): Promise<ProcessResult> {
  return createNodeProcessRunner().runCommand(
    process.execPath,
    [codexLauncher(), ...globalArgs, 'exec', '--skip-git-repo-check', 'hi'],
    { cwd: sandbox.work, env, timeoutMs: 60_000, maxOutputBytes: 1024 * 1024 },
  );
}

/** The last lines of a run's output, for assertion messages. */
export function describeRun(result: ProcessResult): string {
  return `exit ${result.exitCode} signal ${result.signal} timedOut ${result.timedOut}\n${result.stderr.split('\n').slice(-15).join('\n')}`;
}
