/**
 * The shape of a CLI verb and what it gets when it runs. A verb is one entry in
 * `src/cli/verbs.ts`; adding a command means adding an entry there.
 */
import type { ResolvedConfig } from '../core/config/resolvedConfig';
import type { Env, ProcessRunner } from '../core/ports';

/** The global flags after parsing. */
export interface GlobalOptions {
  provider?: string;
  model?: string;
  profile?: string;
  overrides: string[];
  cwd?: string;
  trustWorkspace: boolean;
  json: boolean;
  help: boolean;
  version: boolean;
}

/** A flag a verb accepts besides the global ones. */
export interface CliFlagSpec {
  /** Long name without dashes, e.g. `json`. */
  name: string;
  type: 'string' | 'boolean';
  /** One-letter alias without the dash. */
  short?: string;
  multiple?: boolean;
  /** Placeholder in help, e.g. `id`. */
  valueName?: string;
  description: string;
}

/** Where a verb writes. Tests capture these; `main.ts` binds them to the process streams. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Everything a verb needs: parsed options, environment, I/O and the config loader. */
export interface CliContext {
  global: GlobalOptions;
  /** The verb's own flags by name. */
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  /** Absolute workspace folder (`--cwd` or the process's). */
  cwd: string;
  env: Env;
  homeDir: string;
  io: CliIo;
  processRunner: ProcessRunner;
  /** Loads the configuration for this command line (global flags applied). */
  loadConfig(): Promise<ResolvedConfig>;
}

/** Exit codes: 0 success, 1 failure, 2 config or usage error. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_CONFIG_ERROR = 2;

/** One command, e.g. `providers list`. */
export interface CliVerb {
  /** The words that invoke it, space-separated (`providers list`, `exec`). */
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Arguments after the verb words for the usage line, e.g. `[--json]` or `<prompt>`. */
  usage?: string;
  /** Paragraphs shown by `switchboard <verb> --help`. */
  description?: string;
  flags?: CliFlagSpec[];
  /** Whether positionals after the verb words are allowed (default false: extra words are a usage error). */
  acceptsPositionals?: boolean;
  /** Runs the command and returns the exit code. */
  run(context: CliContext): Promise<number>;
}
