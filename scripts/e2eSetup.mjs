// Installs what the end-to-end tests and `npm start` need, idempotently, into a cache outside
// the repo (~/.cache/switchboard, keyed by version): Node 24, code-server 4.139.1 with its
// native modules built, and a Chrome/Chromium (Debian's chromium via apt-get when root).
// A second run with everything present is a no-op that takes well under a second.
//
// Usage: node scripts/e2eSetup.mjs [--json]
//   --json  progress goes to stderr; stdout gets one JSON line with the paths:
//           { node, nodeVersion, codeServerEntry, codeServerVersion, chrome }
import { accessSync, constants, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { cacheRoot, installedPrerequisites, nodeCacheDir, readMarker, CODE_SERVER_VERSION, NODE_MAJOR } from './lib/e2ePaths.mjs';
import { acquireLock, log, logToStderr } from './lib/setupSteps.mjs';
import { ensureSystemPackages } from './lib/systemPackages.mjs';
import { codeServerReady, installCodeServer, installNode, nodeReady } from './lib/installTools.mjs';

const json = process.argv.includes('--json');
if (json) logToStderr();

function finish(result, started) {
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)}s: Node ${result.nodeVersion}, code-server ${result.codeServerVersion}, browser ${result.chrome}`);
  if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
}

function checkChromePathVariable() {
  const value = process.env.CHROME_PATH;
  if (!value) return;
  try {
    accessSync(value, constants.X_OK);
  } catch {
    throw new Error(`CHROME_PATH is set to "${value}", which is not an executable file. Point it at a Chrome/Chromium binary or unset it.`);
  }
}

async function main() {
  const started = Date.now();
  const root = cacheRoot();
  checkChromePathVariable();
  const cached = installedPrerequisites(root);
  if (cached) {
    log(`everything is already installed in ${root} (nothing to do)`);
    finish(cached, started);
    return;
  }
  log(`installing e2e prerequisites into ${root} (Node ${NODE_MAJOR}, code-server ${CODE_SERVER_VERSION}, Chromium)`);
  mkdirSync(root, { recursive: true });
  const release = await acquireLock(join(root, '.setup.lock'));
  try {
    // Another setup may have finished while we waited for the lock.
    const afterWait = installedPrerequisites(root);
    if (afterWait) return finish(afterWait, started);

    const nodeOk = nodeReady(root);
    const nodeVersion = nodeOk ? readMarker(nodeCacheDir(root)).nodeVersion : undefined;
    const codeServerOk = nodeOk && codeServerReady(root, nodeVersion);
    await ensureSystemPackages({ needBuildTools: !codeServerOk });
    const version = nodeOk ? nodeVersion : await installNode(root);
    if (nodeOk) log(`Node ${version}: cached`);
    if (codeServerReady(root, version)) log(`code-server ${CODE_SERVER_VERSION}: cached`);
    else await installCodeServer(root, version);

    const result = installedPrerequisites(root);
    if (!result) throw new Error(`Setup finished but the cache in ${root} is still incomplete; delete it and run again.`);
    finish(result, started);
  } finally {
    release();
  }
}

main().catch((error) => {
  log(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
