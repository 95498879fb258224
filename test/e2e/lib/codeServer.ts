/**
 * Starts a throw-away code-server (VS Code in the browser, real Node extension host) on
 * 127.0.0.1 with its own temp HOME, user-data dir, extensions dir, workspace folder and a
 * minimal environment, after installing the given VSIX files. `stop()` ends the whole process
 * tree and removes the temp folders; a process exit handler does the same if a test dies first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync, cpSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { killGroupNow, onExit, removeDir } from './cleanup';
import { ensurePrerequisites, type Prerequisites } from './prerequisites';
import { defaultUserSettings } from './userSettings';

/** How to start code-server. */
export interface CodeServerOptions {
  /** Files to create in the workspace folder: relative path -> content. */
  workspaceFiles?: Record<string, string>;
  /** Files to create in the temp HOME (e.g. `.codex/config.toml`): relative path -> content. */
  homeFiles?: Record<string, string>;
  /** Extra environment variables for code-server and so for the extension host (API keys, CODEX_HOME, ...). */
  env?: Record<string, string>;
  /** VSIX files to install before starting. */
  extensions?: readonly string[];
  /** Keep workspace trust ENABLED (for untrusted-workspace tests). Default false: `--disable-workspace-trust`. */
  workspaceTrust?: boolean;
  /** User settings merged over the harness defaults. */
  settings?: Record<string, unknown>;
  /** How long to wait for the server to listen (ms). Default 60 000. */
  startTimeoutMs?: number;
}

/** A running code-server. */
export interface CodeServer {
  /** Base URL, e.g. http://127.0.0.1:41234/ */
  url: string;
  /** URL that opens the workbench on the workspace folder. */
  workspaceUrl: string;
  /** Absolute path of the workspace folder. */
  workspace: string;
  /** The temp HOME the extension host sees. */
  home: string;
  userDataDir: string;
  extensionsDir: string;
  /** Everything code-server printed so far. */
  output(): string;
  /** Copies code-server's own logs (incl. the extension host log) into `dir`. */
  saveLogs(dir: string): void;
  /** Stops the process tree and removes the temp folders. Safe to call twice. */
  stop(): Promise<void>;
}

function writeFiles(base: string, files: Record<string, string> | undefined): void {
  for (const [relative, content] of Object.entries(files ?? {})) {
    const file = join(base, relative);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

/** Asks the OS for a free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function runToEnd(tools: Prerequisites, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tools.node, [tools.codeServerEntry, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`code-server ${args.join(' ')} failed (exit ${code}):\n${output}`))));
  });
}

function waitForListening(child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`code-server did not report "HTTP server listening" within ${timeoutMs} ms. Output:\n${output()}`)), timeoutMs);
    const onData = () => {
      if (/HTTP server listening on/.test(output())) finish();
    };
    const onExitEarly = (code: number | null) => finish(new Error(`code-server exited (code ${code}) before it was ready. Output:\n${output()}`));
    function finish(error?: Error) {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExitEarly);
      if (error) reject(error);
      else resolve();
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', onExitEarly);
    onData();
  });
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Starts code-server; see {@link CodeServerOptions}. */
export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  const tools = await ensurePrerequisites();
  const root = mkdtempSync(join(tmpdir(), 'switchboard-e2e-'));
  let child: ChildProcess | undefined;
  const unregister = onExit(() => {
    killGroupNow(child?.pid);
    removeDir(root);
  });
  try {
    const dirs = { home: join(root, 'home'), userDataDir: join(root, 'user-data'), extensionsDir: join(root, 'extensions'), workspace: join(root, 'workspace') };
    for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
    writeFiles(dirs.workspace, options.workspaceFiles);
    writeFiles(dirs.home, options.homeFiles);
    writeFiles(dirs.userDataDir, { 'User/settings.json': JSON.stringify({ ...defaultUserSettings, ...options.settings }, null, 2) });

    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: dirs.home,
      USER: process.env.USER ?? 'e2e',
      LANG: 'C.UTF-8',
      TMPDIR: join(root, 'tmp'),
      XDG_CONFIG_HOME: join(dirs.home, '.config'),
      XDG_DATA_HOME: join(dirs.home, '.local', 'share'),
      XDG_CACHE_HOME: join(dirs.home, '.cache'),
      // No extension gallery: VS Code would otherwise query open-vsx.org for updates.
      EXTENSIONS_GALLERY: '{}',
      ...options.env,
    };
    mkdirSync(env.TMPDIR as string, { recursive: true });
    const common = ['--user-data-dir', dirs.userDataDir, '--extensions-dir', dirs.extensionsDir];
    if (options.extensions?.length) {
      await runToEnd(tools, [...common, ...options.extensions.flatMap((vsix) => ['--install-extension', vsix]), '--force'], env);
    }

    const port = await freePort();
    const args = [
      tools.codeServerEntry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, ...common,
      '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override',
      ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
      dirs.workspace,
    ];
    let output = '';
    child = spawn(tools.node, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    await waitForListening(child, () => output, options.startTimeoutMs ?? 60_000);

    const url = `http://127.0.0.1:${port}/`;
    const running = child;
    let stopped = false;
    return {
      url,
      workspaceUrl: `${url}?folder=${encodeURIComponent(dirs.workspace)}`,
      ...dirs,
      output: () => output,
      saveLogs(dir) {
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, 'code-server.log'), output);
        const logs = join(dirs.userDataDir, 'logs');
        if (existsSync(logs)) cpSync(logs, join(dir, 'vscode-logs'), { recursive: true });
      },
      async stop() {
        if (stopped) return;
        stopped = true;
        try {
          process.kill(-(running.pid as number), 'SIGTERM');
        } catch {
          // Already gone.
        }
        if (!(await waitForExit(running, 5000))) killGroupNow(running.pid);
        // Stragglers in the group (extension host, pty host) get no second chance.
        killGroupNow(running.pid);
        removeDir(root);
        unregister();
      },
    };
  } catch (error) {
    killGroupNow(child?.pid);
    removeDir(root);
    unregister();
    throw error;
  }
}
