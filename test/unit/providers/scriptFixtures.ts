// Small Node scripts written to a temp folder, run as real child processes by the process runner
// and auth-command tests.
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';

/** A fresh temp directory removed after the test file finishes. */
export function tempDir(prefix = 'sb-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes `source` as `<dir>/<name>.cjs` and returns its path (run it with `process.execPath`). */
export function writeScript(dir: string, name: string, source: string): string {
  const path = join(dir, `${name}.cjs`);
  writeFileSync(path, source);
  return path;
}

/**
 * A script that starts a grandchild (same process group) which writes `<started>` at once and
 * `<late>` after `lateMs`, then idles forever. Killing only the direct child would let `late` appear.
 */
export function grandchildScript(dir: string, lateMs: number): { script: string; started: string; late: string } {
  const started = join(dir, 'grandchild-started');
  const late = join(dir, 'grandchild-late');
  const grandchild = `const fs=require('fs');fs.writeFileSync(${JSON.stringify(started)},'1');setTimeout(()=>fs.writeFileSync(${JSON.stringify(late)},'1'),${lateMs});`;
  const script = writeScript(
    dir,
    'spawns-grandchild',
    `const { spawn } = require('child_process');
spawn(process.execPath, ['-e', ${JSON.stringify(grandchild)}], { stdio: 'ignore' });
setInterval(() => {}, 1000);
`,
  );
  return { script, started, late };
}

/** Resolves once `path` exists (polling), or rejects after `timeoutMs`. */
export async function waitForFile(path: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(path)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${path}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Sleeps for `ms`. */
export function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
