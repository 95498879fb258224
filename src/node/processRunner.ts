/**
 * The Node `ProcessRunner`: `child_process.spawn` with no shell for `runCommand`, stdin closed,
 * an explicit environment, capped output, and a timeout or abort that kills the whole process
 * tree (grandchildren included), not just the direct child.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Env, ProcessResult, ProcessRunner, RunOptions } from '../core/ports';
import { BoundedOutput } from './boundedOutput';
import { killProcessTree, spawnInOwnProcessGroup } from './killProcessTree';

/** After SIGTERM, how long the tree gets before SIGKILL. */
const KILL_GRACE_MS = 1000;
/**
 * After the direct child exits, how long to wait for its pipes to close. A background
 * grandchild can hold them open forever; we stop waiting rather than hang.
 */
const CLOSE_GRACE_MS = 250;
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Options for `createNodeProcessRunner`. */
export interface NodeProcessRunnerOptions {
  /** Shell for `runShell` on POSIX (default `/bin/sh`). */
  posixShell?: string;
}

/** Creates the Node implementation of `ProcessRunner`. */
export function createNodeProcessRunner(options: NodeProcessRunnerOptions = {}): ProcessRunner {
  const posixShell = options.posixShell ?? '/bin/sh';
  return {
    runCommand(command, args, runOptions) {
      return run(command, [...args], runOptions, false);
    },
    runShell(commandLine, runOptions) {
      if (process.platform === 'win32') {
        const comspec = process.env.ComSpec ?? 'cmd.exe';
        return run(comspec, ['/d', '/s', '/c', `"${commandLine}"`], runOptions, true);
      }
      return run(posixShell, ['-c', commandLine], runOptions, false);
    },
  };
}

/** Drops `undefined` values: `spawn` wants `Record<string, string>`. */
function toSpawnEnv(env: Env | undefined): NodeJS.ProcessEnv {
  const source = env ?? process.env;
  const out: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(source)) if (value !== undefined) out[key] = value;
  return out;
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  const error = new Error('The process was cancelled.');
  error.name = 'AbortError';
  return error;
}

function run(
  file: string,
  args: string[],
  options: RunOptions,
  windowsVerbatimArguments: boolean,
): Promise<ProcessResult> {
  return new Promise<ProcessResult>((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(abortError(options.signal));
      return;
    }
    let child: ChildProcess;
    try {
      child = spawn(file, args, {
        cwd: options.cwd,
        env: toSpawnEnv(options.env),
        stdio: ['ignore', 'pipe', 'pipe'],
        shell: false,
        detached: spawnInOwnProcessGroup,
        windowsHide: true,
        windowsVerbatimArguments,
      });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }

    const stdout = new BoundedOutput(options.maxOutputBytes, options.onOutput && ((t) => options.onOutput?.(t, 'stdout')));
    const stderr = new BoundedOutput(options.maxOutputBytes, options.onOutput && ((t) => options.onOutput?.(t, 'stderr')));
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));

    let timedOut = false;
    let aborted = false;
    let settled = false;
    let exitCode: number | null = null;
    let exitSignal: string | null = null;
    const timers: NodeJS.Timeout[] = [];

    const killTree = () => {
      killProcessTree(child.pid, 'SIGTERM');
      const hard = setTimeout(() => killProcessTree(child.pid, 'SIGKILL'), KILL_GRACE_MS);
      hard.unref();
      // Not tracked in `timers`: the SIGKILL must still go out after the child itself exits,
      // in case grandchildren ignored SIGTERM.
    };

    const onAbort = () => {
      if (settled) return;
      aborted = true;
      killTree();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });

    // setTimeout overflows past 2^31-1 ms (it would fire at once); treat that as "no timeout".
    if (Number.isFinite(options.timeoutMs) && options.timeoutMs <= MAX_TIMER_MS) {
      const timeout = setTimeout(() => {
        if (settled) return;
        timedOut = true;
        killTree();
      }, Math.max(0, options.timeoutMs));
      timers.push(timeout);
    }

    const finish = () => {
      if (settled) return;
      settled = true;
      for (const timer of timers) clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      child.stdout?.destroy();
      child.stderr?.destroy();
      if (aborted && options.signal) {
        reject(abortError(options.signal));
        return;
      }
      resolve({
        exitCode,
        signal: exitSignal,
        stdout: stdout.text(),
        stderr: stderr.text(),
        timedOut,
        truncated: stdout.truncated || stderr.truncated,
      });
    };

    child.on('error', (error) => {
      if (settled) return;
      // Spawn failed (ENOENT, EACCES...): there is no process to wait for.
      if (child.pid === undefined) {
        settled = true;
        for (const timer of timers) clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        reject(error);
      }
    });
    child.on('exit', (code, signal) => {
      exitCode = code;
      exitSignal = signal;
      const grace = setTimeout(finish, CLOSE_GRACE_MS);
      timers.push(grace);
    });
    child.on('close', (code, signal) => {
      exitCode = exitCode ?? code;
      exitSignal = exitSignal ?? signal;
      finish();
    });
  });
}
