// `npm start`: builds and packages Switchboard, then opens VS Code with it on samples/workspace.
// - Desktop VS Code when `code` is on PATH: code --extensionDevelopmentPath=<repo> samples/workspace
// - Otherwise (or with --server) code-server on 127.0.0.1 (port 8080, or a free one), after
//   scripts/e2eSetup.mjs, with the VSIX installed. It runs with YOUR environment and home (so
//   ~/.codex/config.toml, API keys and a local Ollama work at once) but its own user-data and
//   extensions folders under ~/.cache/switchboard/start. Ctrl-C stops it.
//
// Usage: npm start [-- --server] [--port N] [--folder PATH]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheRoot } from './lib/e2ePaths.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const forceServer = args.includes('--server');
const folder = resolve(option('--folder') ?? join(repo, 'samples', 'workspace'));

function say(message) {
  console.log(`[start] ${message}`);
}

function runOrExit(command, commandArgs, what) {
  const started = Date.now();
  const result = spawnSync(command, commandArgs, { cwd: repo, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`[start] ${what} failed (${result.error?.message ?? `exit code ${result.status}`}); fix the error above and run \`npm start\` again.`);
    process.exit(1);
  }
  say(`${what}: done in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function portIsFree(port) {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}

async function choosePort() {
  const wanted = Number(option('--port') ?? 8080);
  if (await portIsFree(wanted)) return wanted;
  return new Promise((done) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

function setupPaths() {
  const result = spawnSync(process.execPath, [join(repo, 'scripts', 'e2eSetup.mjs'), '--json'], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  const line = result.stdout?.trim().split('\n').pop() ?? '';
  if (result.status !== 0 || !line.startsWith('{')) {
    console.error('[start] installing code-server failed (see above); run `node scripts/e2eSetup.mjs` to retry.');
    process.exit(1);
  }
  return JSON.parse(line);
}

/** Settings for the `npm start` window: Switchboard in front, VS Code's own AI chat out of the way. */
const START_SETTINGS = {
  'workbench.startupEditor': 'readme',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  // samples/workspace lives inside this repo: don't offer to open the parent repository.
  'git.openRepositoryInParentFolders': 'never',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
};

/** Adds the START_SETTINGS keys the user has not set; leaves a file with comments (not plain JSON) alone. */
function ensureSettings(file) {
  let current = {};
  if (existsSync(file)) {
    try {
      current = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      return;
    }
  }
  const merged = { ...START_SETTINGS, ...current };
  if (Object.keys(merged).length !== Object.keys(current).length) writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`);
}

function startDesktop() {
  say(`opening desktop VS Code: code --extensionDevelopmentPath=${repo} ${folder}`);
  const child = spawn('code', [`--extensionDevelopmentPath=${repo}`, folder], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

async function startServer() {
  const tools = setupPaths();
  const base = join(cacheRoot(), 'start');
  const userDataDir = join(base, 'user-data');
  const extensionsDir = join(base, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  ensureSettings(join(userDataDir, 'User', 'settings.json'));
  // --config: code-server would otherwise write ~/.config/code-server/config.yaml.
  const common = ['--config', join(base, 'config.yaml'), '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  runOrExit(tools.node, [tools.codeServerEntry, ...common, '--install-extension', join(repo, 'dist', 'switchboard.vsix'), '--force'], 'install dist/switchboard.vsix into code-server');

  const port = await choosePort();
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`;
  const child = spawn(
    tools.node,
    [tools.codeServerEntry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, ...common, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', folder],
    { stdio: ['ignore', 'pipe', 'inherit'], detached: true, env: process.env },
  );
  let announced = false;
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    if (!announced && /HTTP server listening on/.test(String(chunk))) {
      announced = true;
      say(`Switchboard is running in VS Code (code-server ${tools.codeServerVersion}). Open:\n\n    ${url}\n`);
      say('Press Ctrl-C to stop.');
    }
  });
  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    say(`stopping code-server (${signal})`);
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
    setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
      process.exit(0);
    }, 5000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  child.on('exit', (code, signal) => {
    if (!stopping) console.error(`[start] code-server exited unexpectedly (${signal ?? `code ${code}`}).`);
    // Reap anything left in its process group (extension host, pty host).
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Nothing left.
    }
    process.exit(stopping ? 0 : 1);
  });
}

runOrExit('npm', ['run', 'package'], 'build and package (npm run package)');
if (!forceServer && onPath('code')) startDesktop();
else {
  if (!forceServer) say('`code` is not on PATH: using code-server in your browser instead.');
  await startServer();
}
