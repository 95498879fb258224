// Small helpers for scripts/e2eSetup.mjs: timed steps, running commands, a cross-process lock.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

let logStream = process.stdout;

/** Sends progress to stderr (used with --json so stdout carries only the result). */
export function logToStderr() {
  logStream = process.stderr;
}

/** Prints one progress line prefixed with [e2e-setup]. */
export function log(message) {
  logStream.write(`[e2e-setup] ${message}\n`);
}

/** Runs `fn` as a named step and prints how long it took. */
export async function step(name, fn) {
  log(`${name} ...`);
  const started = Date.now();
  const result = await fn();
  log(`${name}: done in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  return result;
}

/**
 * Runs a command with inherited output (child output goes to stderr so --json stays clean);
 * rejects with a sentence naming the command, folder and exit code.
 */
export function run(command, args, { cwd, env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: env ?? process.env, stdio: ['ignore', process.stderr, process.stderr] });
    child.on('error', (error) => reject(new Error(`Could not start \`${command}\`: ${error.message}`)));
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`\`${command} ${args.join(' ')}\` failed in ${cwd ?? process.cwd()} (${signal ? `signal ${signal}` : `exit code ${code}`}); see its output above.`));
    });
  });
}

/** Runs a command quietly and returns its stdout, or undefined when it fails or is absent. */
export function capture(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  return result.status === 0 ? result.stdout : undefined;
}

/** True when `command` is on PATH. */
export function onPath(command) {
  return capture('sh', ['-c', `command -v ${command}`]) !== undefined;
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/**
 * Takes a lock folder so two setups (say CI and an e2e test) never install into the same cache
 * at once; waits while its holder is alive, takes over a lock whose holder died.
 * Returns a release function (also run on process exit).
 */
export async function acquireLock(dir, { timeoutMs = 30 * 60_000 } = {}) {
  const pidFile = join(dir, 'pid');
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    try {
      mkdirSync(dir);
      writeFileSync(pidFile, String(process.pid));
      const release = () => rmSync(dir, { recursive: true, force: true });
      process.once('exit', release);
      return release;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    let holder = NaN;
    try {
      holder = Number(readFileSync(pidFile, 'utf8'));
    } catch {
      // The holder may be between mkdir and writing its pid: wait a moment.
    }
    if (Number.isInteger(holder) && holder > 0 && !pidAlive(holder)) {
      log(`removing a stale lock left by process ${holder}`);
      rmSync(dir, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for another e2e setup (lock ${dir}, pid ${holder}). If none is running, delete that folder.`);
    if (!told) log(`another e2e setup (pid ${holder}) is installing; waiting for it to finish`);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}
