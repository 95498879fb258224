/**
 * Killing a child together with everything it started. On POSIX the child is spawned as the
 * leader of its own process group (`detached: true`), so signalling `-pid` reaches grandchildren
 * too; on Windows `taskkill /T` walks the tree.
 */
import { spawn } from 'node:child_process';

/** Whether children should be spawned `detached` so their group can be signalled as a whole. */
export const spawnInOwnProcessGroup = process.platform !== 'win32';

/**
 * Sends `signal` to the process group led by `pid` (POSIX) or kills the tree (Windows, where the
 * signal is ignored: `taskkill /T /F` is the only reliable way). Never throws: a tree that is
 * already gone is fine.
 */
export function killProcessTree(pid: number | undefined, signal: NodeJS.Signals = 'SIGKILL'): void {
  if (pid === undefined || !Number.isInteger(pid) || pid <= 0) return;
  if (process.platform === 'win32') {
    try {
      const killer = spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
      killer.on('error', () => {});
    } catch {
      // taskkill missing or the process already exited.
    }
    return;
  }
  try {
    process.kill(-pid, signal);
  } catch {
    // No such group (already exited) — fall back to the single process, which may also be gone.
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
}
