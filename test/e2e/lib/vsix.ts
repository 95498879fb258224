/**
 * Packages VSIX files for e2e tests at most once per change: the Switchboard VSIX via
 * `npm run package` (reused while dist/switchboard.vsix is newer than every source that goes
 * into it), and small fixture extensions via vsce.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot, resultsDir, vsixPath } from './paths';

/** Files and folders whose changes make the Switchboard VSIX stale. */
const SWITCHBOARD_INPUTS = ['src', 'media', 'package.json', 'esbuild.mjs', '.vscodeignore', 'README.md', 'LICENSE', 'CHANGELOG.md'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

/** True when `output` exists and is newer than every input under `base`. */
export function isFresh(output: string, base: string, inputs: readonly string[]): boolean {
  if (!existsSync(output)) return false;
  const outputTime = statSync(output).mtimeMs;
  return inputs.every((input) => newestMtime(join(base, input)) <= outputTime);
}

function runQuiet(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`\`${command} ${args.join(' ')}\` failed in ${cwd} (exit ${code}):\n${output.slice(-4000)}`));
    });
  });
}

/**
 * Runs `fn` while holding a lock folder, so test files started in parallel never package into
 * dist/ at the same time. A lock older than `staleMs` is taken over (its holder died).
 */
async function withLock<T>(lockDir: string, fn: () => Promise<T>, staleMs = 180_000): Promise<T> {
  mkdirSync(dirname(lockDir), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch {
      if (existsSync(lockDir) && Date.now() - statSync(lockDir).mtimeMs > staleMs) rmSync(lockDir, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

let switchboard: Promise<string> | undefined;

/** Returns dist/switchboard.vsix, running `npm run package` first unless it is fresh. Once per process. */
export function ensureSwitchboardVsix(): Promise<string> {
  switchboard ??= withLock(join(resultsDir, '.package.lock'), async () => {
    if (!isFresh(vsixPath, repoRoot, SWITCHBOARD_INPUTS)) {
      await runQuiet('npm', ['run', 'package'], repoRoot);
      if (!existsSync(vsixPath)) throw new Error(`\`npm run package\` succeeded but ${vsixPath} does not exist; check the "package" script in package.json.`);
    }
    return vsixPath;
  });
  return switchboard;
}

/** Packages an extension folder (plain JS, no build step) with vsce into `outFile`, unless that is fresh. */
export async function packageFolder(folder: string, outFile: string): Promise<string> {
  if (isFresh(outFile, folder, ['.'])) return outFile;
  mkdirSync(dirname(outFile), { recursive: true });
  const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  await runQuiet(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', outFile], folder);
  return outFile;
}
