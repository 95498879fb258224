// `npm run test:desktop`: runs test/desktop/suite inside a real desktop VS Code downloaded by
// @vscode/test-electron (cached in ~/.cache/switchboard/vscode-test). Needs internet access to
// download VS Code the first time, and a display (use xvfb-run on a headless Linux).
// Not part of `npm test`: machines without internet use the code-server e2e tests instead.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests, TestRunFailedError } from '@vscode/test-electron';
import { cacheRoot } from '../../scripts/lib/e2ePaths.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const suite = fileURLToPath(new URL('./suite/index.js', import.meta.url));

const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repo, stdio: 'inherit' });
if (build.status !== 0) {
  console.error('[test:desktop] the build failed (see above).');
  process.exit(1);
}

/** Errors that mean the download (not VS Code or the checks) failed. */
const NETWORK_ERROR = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo|socket hang up|timed? ?out|Failed to (get|download)|download/i;

const userDataDir = mkdtempSync(join(tmpdir(), 'switchboard-desktop-'));
try {
  await runTests({
    extensionDevelopmentPath: repo,
    extensionTestsPath: suite,
    cachePath: join(cacheRoot(), 'vscode-test'),
    timeout: 30_000,
    launchArgs: [
      join(repo, 'samples', 'workspace'),
      '--disable-extensions',
      '--disable-workspace-trust',
      `--user-data-dir=${userDataDir}`,
      // Electron refuses to start as root on Linux without this.
      ...(process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  console.log('[test:desktop] the desktop VS Code run passed');
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof TestRunFailedError) {
    console.error(`[test:desktop] the checks inside desktop VS Code failed (${message}); see the output above.`);
  } else if (NETWORK_ERROR.test(message)) {
    console.error(
      `[test:desktop] Could not download desktop VS Code: ${message.split('\n')[0]}\n` +
        `  This test needs internet access to code.visualstudio.com the first time (then it is cached in ${join(cacheRoot(), 'vscode-test')}).\n` +
        '  Without internet, use the code-server end-to-end tests instead: npm run test:e2e',
    );
  } else {
    console.error(`[test:desktop] Could not start desktop VS Code: ${message}\n  On a Linux machine without a display, run it under xvfb-run: xvfb-run -a npm run test:desktop`);
  }
  process.exitCode = 1;
} finally {
  rmSync(userDataDir, { recursive: true, force: true });
}
