/**
 * The only ways `src/core` reaches the outside world. Node adapters live in `src/node`, VS Code
 * adapters in `src/vscode`; tests pass fakes or the Node adapters. Core never imports `vscode`
 * or `child_process`.
 */

/** Environment variables, read-only. `process.env` satisfies it. */
export type Env = Readonly<Record<string, string | undefined>>;

/** Plain text file access for config files (absolute paths). */
export interface ConfigFileSystem {
  /** The file's text, or `undefined` when it does not exist. Throws on other errors. */
  readText(path: string): Promise<string | undefined>;
  /** Real path after resolving symlinks, or `undefined` when it does not exist. */
  realPath?(path: string): Promise<string | undefined>;
  /** Size in bytes and whether it is a regular file, or `undefined` when it does not exist. */
  stat?(path: string): Promise<{ size: number; isFile: boolean } | undefined>;
  /** Names of the entries of a directory, or `undefined` when it does not exist (lists `<name>.config.toml` profiles). */
  readDirectory?(path: string): Promise<string[] | undefined>;
}

export interface ProcessResult {
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** stdout or stderr went past `maxOutputBytes` and was cut. */
  truncated: boolean;
}

export interface RunOptions {
  cwd?: string;
  env?: Env;
  /** Kill the whole process tree after this long. */
  timeoutMs: number;
  /** Cap on captured stdout and stderr, each. */
  maxOutputBytes: number;
  signal?: AbortSignal;
  /** Stream output as it arrives (agent shell tool). */
  onOutput?: (chunk: string, stream: 'stdout' | 'stderr') => void;
}

/** Runs a program. `runCommand` never uses a shell; `runShell` is only for the agent's shell tool. */
export interface ProcessRunner {
  /** Spawn `command` with `args`, no shell, stdin closed. */
  runCommand(command: string, args: readonly string[], options: RunOptions): Promise<ProcessResult>;
  /** Run a command line through the user's shell (agent tool only, after approval rules). */
  runShell(commandLine: string, options: RunOptions): Promise<ProcessResult>;
}

/** Where API keys saved by the user live (VS Code SecretStorage). The CLI has none. */
export interface SecretStore {
  get(providerId: string): Promise<string | undefined>;
  set(providerId: string, value: string): Promise<void>;
  delete(providerId: string): Promise<void>;
}

/** Diagnostics-grade logging. Implementations must never be handed secrets; core redacts first. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** `fetch` as in the WHATWG spec; Node's global fetch and undici's satisfy it. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** A directory entry in the agent's view of the workspace. */
export interface DirEntry {
  name: string;
  kind: 'file' | 'directory' | 'symlink' | 'other';
}

export interface TextSearchMatch {
  /** Path relative to the workspace root, forward slashes. */
  path: string;
  line: number;
  text: string;
}

/**
 * The agent's access to the workspace. Paths are absolute and already checked by the agent's
 * path policy; implementations do the I/O (Node fs for the CLI, `vscode.workspace.fs` and
 * `WorkspaceEdit` in the extension so Undo works).
 */
export interface WorkspaceFiles {
  /** Absolute path of the workspace root. */
  readonly root: string;
  readText(path: string): Promise<string>;
  /** Replace a file's whole text (or create it). The VS Code adapter applies a WorkspaceEdit. */
  writeText(path: string, text: string): Promise<void>;
  exists(path: string): Promise<boolean>;
  listDirectory(path: string): Promise<DirEntry[]>;
  /** Real path after symlinks, for the outside-the-workspace check. */
  realPath(path: string): Promise<string>;
  searchText(
    query: string,
    options: { isRegex: boolean; caseSensitive?: boolean; include?: string; maxResults: number; signal?: AbortSignal },
  ): Promise<TextSearchMatch[]>;
}
