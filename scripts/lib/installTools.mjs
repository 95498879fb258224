// Installs Node 24 and code-server (with its native modules built) into the version-keyed cache.
// Each folder gets its completion marker written LAST; a folder without one is wiped and redone.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import {
  CODE_SERVER_VERSION, MARKER_NAME, NODE_MAJOR, SETUP_FORMAT,
  codeServerCacheDir, codeServerEntry, codeServerPackageDir, nodeBinary, nodeCacheDir, nodePackageDir, nodePackageName, readMarker,
} from './e2ePaths.mjs';
import { capture, log, run, step } from './setupSteps.mjs';

const NPM_QUIET = ['--no-audit', '--no-fund', '--loglevel=error'];

function freshPrefix(dir) {
  if (existsSync(dir)) {
    log(`removing incomplete or outdated ${dir}`);
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
  // A package.json of its own so npm never walks up into another project.
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'switchboard-e2e-tools', private: true }, null, 2));
}

function writeMarker(dir, data) {
  writeFileSync(join(dir, MARKER_NAME), JSON.stringify({ format: SETUP_FORMAT, ...data, completedAt: new Date().toISOString() }, null, 2));
}

/** True when the Node cache is complete. */
export function nodeReady(root) {
  const marker = readMarker(nodeCacheDir(root));
  return marker?.format === SETUP_FORMAT && existsSync(nodeBinary(root));
}

/** Installs node-<platform>-<arch>@24 from the npm registry into the cache. Returns its version. */
export async function installNode(root) {
  const dir = nodeCacheDir(root);
  freshPrefix(dir);
  await step(`npm install ${nodePackageName()}@${NODE_MAJOR} (Node ${NODE_MAJOR} binary)`, () =>
    run('npm', ['install', '--prefix', dir, `${nodePackageName()}@${NODE_MAJOR}`, '--ignore-scripts', ...NPM_QUIET]));
  const version = capture(nodeBinary(root), ['--version'])?.trim();
  if (!version?.startsWith(`v${NODE_MAJOR}.`)) throw new Error(`The installed Node binary ${nodeBinary(root)} reports "${version}", expected v${NODE_MAJOR}.x.`);
  writeMarker(dir, { nodeVersion: version });
  log(`Node ${version} ready at ${nodeBinary(root)}`);
  return version;
}

/** True when code-server is complete and was built against this exact Node version. */
export function codeServerReady(root, nodeVersion) {
  const marker = readMarker(codeServerCacheDir(root));
  return marker?.format === SETUP_FORMAT && marker.codeServerVersion === CODE_SERVER_VERSION && marker.nodeVersion === nodeVersion && existsSync(codeServerEntry(root));
}

/** Environment for code-server's install: Node 24 first on PATH, native builds against its headers. */
function buildEnv(root, nodeVersion) {
  return {
    ...process.env,
    PATH: `${dirname(nodeBinary(root))}${delimiter}${process.env.PATH ?? ''}`,
    npm_config_nodedir: nodePackageDir(root),
    npm_config_user_agent: `npm/11 node/${nodeVersion} ${process.platform} ${process.arch}`,
    npm_config_loglevel: 'error',
    // node-gyp: compile with every core (make -jN).
    JOBS: process.env.JOBS ?? 'max',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
  };
}

/** Installs code-server@4.139.1, runs its postinstall, and builds its native modules. */
export async function installCodeServer(root, nodeVersion) {
  const dir = codeServerCacheDir(root);
  const pkg = codeServerPackageDir(root);
  const env = buildEnv(root, nodeVersion);
  freshPrefix(dir);
  await step(`npm install code-server@${CODE_SERVER_VERSION}`, () =>
    run('npm', ['install', '--prefix', dir, `code-server@${CODE_SERVER_VERSION}`, '--omit=dev', '--ignore-scripts', ...NPM_QUIET], { env }));
  await step('code-server postinstall (installs VS Code server dependencies)', () => run('sh', ['postinstall.sh'], { cwd: pkg, env }));
  await step('build VS Code native modules (npm rebuild in lib/vscode)', () =>
    run('npm', ['rebuild', '--dangerously-allow-all-scripts'], { cwd: join(pkg, 'lib', 'vscode'), env }));
  await step('build argon2 (npm rebuild argon2)', () => run('npm', ['rebuild', '--dangerously-allow-all-scripts', 'argon2'], { cwd: pkg, env }));
  await step('check code-server starts', () => verifyCodeServer(root, env));
  writeMarker(dir, { codeServerVersion: CODE_SERVER_VERSION, nodeVersion });
  log(`code-server ${CODE_SERVER_VERSION} ready at ${pkg}`);
}

/** Checks `code-server --version` and that the native modules load under Node 24. */
async function verifyCodeServer(root, env) {
  // code-server writes a config.yaml on any start: keep it out of the user's ~/.config.
  const config = join(codeServerCacheDir(root), 'verify-config.yaml');
  const out = capture(nodeBinary(root), [codeServerEntry(root), '--config', config, '--version'], { env }) ?? '';
  if (!out.includes(CODE_SERVER_VERSION)) throw new Error(`code-server --version printed "${out.trim()}", expected ${CODE_SERVER_VERSION}.`);
  const vscodeModules = join(codeServerPackageDir(root), 'lib', 'vscode', 'node_modules');
  const pkg = JSON.stringify(codeServerPackageDir(root));
  const probes = [
    ...['node-pty', '@vscode/spdlog'].map((mod) => [mod, `require(${JSON.stringify(join(vscodeModules, mod))})`]),
    ['argon2', `require(require.resolve('argon2', { paths: [${pkg}] }))`],
  ];
  for (const [mod, probe] of probes) {
    if (capture(nodeBinary(root), ['-e', probe], { env }) === undefined) {
      throw new Error(`The native module ${mod} does not load under Node ${NODE_MAJOR}; its build failed (see the rebuild output above).`);
    }
  }
}
