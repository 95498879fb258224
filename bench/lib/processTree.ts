/**
 * Runs a command to completion and measures its wall time and memory: every 5 ms the process
 * tree under it is walked through /proc (`/proc/<pid>/task/<tid>/children`), summing the live
 * processes' VmRSS (the tree's footprint at that moment) and keeping each process's VmHWM (its
 * own exact peak). `peakRssBytes` = max(largest tree sum seen, largest single VmHWM): exact for
 * one process, and for a launcher plus a native binary living side by side (as `codex` is)
 * their combined footprint, without adding up short-lived helpers that never overlapped.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

export interface TreeRun {
  wallMs: number;
  exitCode: number | null;
  /** Peak footprint of the tree (see above). */
  peakRssBytes: number;
  /** The largest sum of live VmRSS seen in one poll. */
  peakTreeSampleBytes: number;
  /** The largest single process's peak RSS. */
  largestProcessBytes: number;
  processes: number;
  stdout: string;
  stderr: string;
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
      if (text) out.push(...text.split(/\s+/).map(Number));
    }
  } catch {
    // The process is gone.
  }
  return out;
}

function memory(pid: number): { hwm: number; rss: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
    const rss = /VmRSS:\s+(\d+) kB/.exec(status);
    return hwm && rss ? { hwm: Number(hwm[1]) * 1024, rss: Number(rss[1]) * 1024 } : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `command args` and resolves when it exits (killed after `timeoutMs`). */
export function runMeasured(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<TreeRun> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const peaks = new Map<number, number>();
    let peakTree = 0;
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const poll = () => {
      if (child.pid === undefined) return;
      const queue = [child.pid];
      let tree = 0;
      while (queue.length > 0) {
        const pid = queue.pop()!;
        const mem = memory(pid);
        if (mem !== undefined) {
          peaks.set(pid, Math.max(peaks.get(pid) ?? 0, mem.hwm));
          tree += mem.rss;
        }
        queue.push(...childrenOf(pid));
      }
      peakTree = Math.max(peakTree, tree);
    };
    poll();
    const timer = setInterval(poll, 5);
    const killer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', (error) => {
      clearInterval(timer);
      clearTimeout(killer);
      reject(error);
    });
    child.on('exit', (exitCode) => {
      const wallMs = performance.now() - start;
      clearInterval(timer);
      clearTimeout(killer);
      const values = [...peaks.values()];
      child.on('close', () =>
        resolve({
          wallMs,
          exitCode,
          peakRssBytes: Math.max(peakTree, ...values, 0),
          peakTreeSampleBytes: peakTree,
          largestProcessBytes: Math.max(0, ...values),
          processes: values.length,
          stdout,
          stderr,
        }),
      );
    });
  });
}
