/**
 * Last-resort cleanup for e2e resources: everything started by the harness registers a
 * synchronous disposer here, run on process exit or a fatal signal even when a test (or the
 * harness) failed before its own `after` hook could run.
 */
import { rmSync } from 'node:fs';

const disposers = new Set<() => void>();
let installed = false;

function runAll(): void {
  for (const dispose of [...disposers]) {
    disposers.delete(dispose);
    try {
      dispose();
    } catch {
      // Best effort: the process is going away.
    }
  }
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', runAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      runAll();
      process.kill(process.pid, signal);
    });
  }
}

/** Registers a synchronous disposer; returns a function that unregisters it (call after a normal close). */
export function onExit(dispose: () => void): () => void {
  install();
  disposers.add(dispose);
  return () => {
    disposers.delete(dispose);
  };
}

/** Kills a detached child's whole process group right now (SIGKILL); ignores one already gone. */
export function killGroupNow(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Removes a folder tree, ignoring errors (used for temp dirs). */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}
