/**
 * Benchmark cases run in fresh child processes (`node --import tsx <case> <json args>`), so each
 * side's memory and warm-up are its own. A case reads its input with `caseInput()` and reports
 * with `reportCase(result)` (one `BENCH_CASE <json>` line on stdout); the parent calls `runCase`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const MARKER = 'BENCH_CASE ';

/** Repository root (bench/lib/ is two levels down). */
export const REPO_ROOT = resolve(__dirname, '..', '..');

/** The JSON argument the parent passed to this case. */
export function caseInput<T>(): T {
  const raw = process.argv[2];
  if (raw === undefined) throw new Error('This benchmark case takes one JSON argument; run it through its bench/*.ts entry.');
  return JSON.parse(raw.startsWith('@') ? readFileSync(raw.slice(1), 'utf8') : raw) as T;
}

/** Prints the case's result for the parent. */
export function reportCase(result: unknown): void {
  process.stdout.write(`\n${MARKER}${JSON.stringify(result)}\n`);
}

export interface RunCaseOptions {
  /** Extra node flags (e.g. `--expose-gc`, `--cpu-prof`). */
  nodeFlags?: string[];
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

/** Runs `bench/cases/<file>` with `input` in a fresh Node process and returns what it reported. */
export function runCase<T>(file: string, input: unknown, options: RunCaseOptions = {}): Promise<T> {
  const script = resolve(REPO_ROOT, 'bench', 'cases', file);
  let json = JSON.stringify(input);
  // Large inputs (a generated config) go through a file: argv is limited to ~128 KiB per argument.
  const spill = json.length > 64 * 1024 ? mkdtempSync(join(tmpdir(), 'sb-bench-input-')) : undefined;
  if (spill) {
    writeFileSync(join(spill, 'input.json'), json);
    json = `@${join(spill, 'input.json')}`;
  }
  const args = [...(options.nodeFlags ?? []), '--import', 'tsx', script, json];
  const removeSpill = () => spill && rmSync(spill, { recursive: true, force: true });
  return new Promise<T>((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 180_000);
    child.on('error', fail);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith(MARKER));
      if (code !== 0 || !line) {
        fail(new Error(`Benchmark case ${file} failed (exit ${code}${signal ? `, ${signal}` : ''}):\n${(stderr || stdout).slice(-3000)}`));
        return;
      }
      done(JSON.parse(line.slice(MARKER.length)) as T);
    });
  }).finally(removeSpill);
}
