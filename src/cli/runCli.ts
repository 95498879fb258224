/**
 * The CLI without the process: parses the command line, handles --help/--version and usage
 * errors, builds the verb's context and runs it. `main.ts` binds it to the real process; tests
 * can call it with captured I/O.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LoadConfigOptions, ResolvedConfig } from '../core/config/resolvedConfig';
import type { ConfigFileSystem, Env, ProcessRunner } from '../core/ports';
import { redactSecrets } from '../core/providers/redact';
import { SwitchboardError } from '../shared/errors';
import { parseCommandLine, UsageError, type ParsedCommandLine } from './args';
import { generalHelp, shortUsage, verbHelp } from './help';
import { CLI_VERSION } from './version';
import { EXIT_CONFIG_ERROR, EXIT_FAILURE, EXIT_OK, type CliIo, type CliVerb } from './verbTypes';

/** What the CLI needs from the outside world. */
export interface CliDependencies {
  env: Env;
  homeDir: string;
  /** The process's working directory (default for `--cwd`). */
  processCwd: string;
  io: CliIo;
  processRunner: ProcessRunner;
  configFs: ConfigFileSystem;
  loadConfig: (options: LoadConfigOptions) => Promise<ResolvedConfig>;
  verbs: readonly CliVerb[];
}

function usageError(io: CliIo, verbs: readonly CliVerb[], message: string): number {
  io.stderr(`switchboard: ${message}\n${shortUsage(verbs)}`);
  return EXIT_CONFIG_ERROR;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Words that start some verb, for "did you mean" hints. */
function suggestions(words: readonly string[], verbs: readonly CliVerb[]): string[] {
  const first = words[0];
  return first ? verbs.filter((v) => v.name.split(' ')[0] === first).map((v) => v.name) : [];
}

/** Runs one command line and returns the exit code (0 ok, 1 failure, 2 config or usage error). */
export async function runCli(argv: readonly string[], deps: CliDependencies): Promise<number> {
  const { io, verbs } = deps;
  let parsed: ParsedCommandLine;
  try {
    parsed = parseCommandLine(argv, verbs);
  } catch (error) {
    if (error instanceof UsageError) return usageError(io, verbs, error.message);
    throw error;
  }
  const { verb, global } = parsed;
  if (global.version) {
    io.stdout(`switchboard ${CLI_VERSION}\n`);
    return EXIT_OK;
  }
  if (global.help) {
    io.stdout(verb ? verbHelp(verb) : generalHelp(verbs));
    return EXIT_OK;
  }
  if (!verb) {
    if (parsed.unknownWords.length === 0) return usageError(io, verbs, 'no command given.');
    const hint = suggestions(parsed.unknownWords, verbs);
    const words = parsed.unknownWords.join(' ');
    return usageError(io, verbs, `unknown command '${words}'.${hint.length ? ` Did you mean: ${hint.join(', ')}?` : ''}`);
  }
  if (!verb.acceptsPositionals && parsed.positionals.length > 0) {
    return usageError(io, verbs, `unexpected argument '${parsed.positionals[0]}' for '${verb.name}'.`);
  }
  const cwd = resolve(deps.processCwd, global.cwd ?? '.');
  if (!isDirectory(cwd)) return usageError(io, verbs, `--cwd: no such folder: ${cwd}`);

  const loadOptions: LoadConfigOptions = {
    cwd,
    env: deps.env,
    fs: deps.configFs,
    homeDir: deps.homeDir,
    explicit: { provider: global.provider, model: global.model, profile: global.profile, overrides: global.overrides },
    // The user file's `[projects."<path>"] trust_level = "trusted"` decides unless the flag says so.
    trustWorkspace: global.trustWorkspace ? true : 'user-file',
  };
  try {
    return await verb.run({
      global,
      values: parsed.values,
      positionals: parsed.positionals,
      cwd,
      env: deps.env,
      homeDir: deps.homeDir,
      io,
      processRunner: deps.processRunner,
      loadConfig: () => deps.loadConfig(loadOptions),
    });
  } catch (error) {
    const info = error instanceof SwitchboardError ? error : undefined;
    const message = redactSecrets(error instanceof Error ? error.message : String(error));
    io.stderr(`switchboard: ${message}${info?.fix ? `\n${info.fix}` : ''}\n`);
    return info?.kind === 'config' ? EXIT_CONFIG_ERROR : EXIT_FAILURE;
  }
}
