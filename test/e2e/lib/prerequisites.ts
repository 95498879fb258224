/**
 * Finds (installing on first use) the e2e prerequisites via scripts/e2eSetup.mjs --json:
 * Node 24, code-server, and a Chrome/Chromium. A cached install answers in well under a second.
 */
import { spawn } from 'node:child_process';
import { repoRoot } from './paths';
import { join } from 'node:path';

/** Absolute paths of the tools an e2e session runs. */
export interface Prerequisites {
  /** Node 24 binary that runs code-server. */
  node: string;
  nodeVersion: string;
  /** code-server's out/node/entry.js. */
  codeServerEntry: string;
  codeServerVersion: string;
  /** Chrome/Chromium executable for playwright-core. */
  chrome: string;
}

let cached: Promise<Prerequisites> | undefined;

function runSetup(): Promise<Prerequisites> {
  return new Promise((resolve, reject) => {
    const script = join(repoRoot, 'scripts', 'e2eSetup.mjs');
    const child = spawn(process.execPath, [script, '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) {
        reject(new Error(`The e2e prerequisites are missing and \`node scripts/e2eSetup.mjs\` failed (exit ${code}); see its output above.`));
        return;
      }
      resolve(JSON.parse(line) as Prerequisites);
    });
  });
}

/** Resolves the tool paths once per process, installing them first if needed. */
export function ensurePrerequisites(): Promise<Prerequisites> {
  cached ??= runSetup();
  return cached;
}
