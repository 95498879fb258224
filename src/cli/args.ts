/**
 * Command-line parsing: global flags (accepted before or after the verb), the verb (one or two
 * words, looked up in the verb registry), and the verb's own flags. Built on `node:util`
 * `parseArgs` in strict mode, so an unknown flag is a usage error.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CliFlagSpec, CliVerb, GlobalOptions } from './verbTypes';

/** Flags every verb accepts. */
export const GLOBAL_FLAGS: readonly CliFlagSpec[] = [
  { name: 'provider', type: 'string', valueName: 'id', description: 'Use this provider (overrides config).' },
  { name: 'model', type: 'string', short: 'm', valueName: 'name', description: 'Use this model (overrides config).' },
  { name: 'profile', type: 'string', short: 'p', valueName: 'name', description: 'Use this profile.' },
  {
    name: 'config',
    type: 'string',
    short: 'c',
    multiple: true,
    valueName: 'key=value',
    description: 'Override a config value (dotted key, TOML value); repeatable.',
  },
  { name: 'cwd', type: 'string', valueName: 'dir', description: 'Workspace folder (default: the current directory).' },
  {
    name: 'trust-workspace',
    type: 'boolean',
    description: 'Apply this workspace\'s codex.toml / .codex/config.toml even if the user config does not trust it.',
  },
  { name: 'json', type: 'boolean', description: 'Print machine-readable JSON.' },
  { name: 'help', type: 'boolean', short: 'h', description: 'Show help.' },
  { name: 'version', type: 'boolean', short: 'V', description: 'Print the version.' },
];

/** A parsed command line. */
export interface ParsedCommandLine {
  /** The matched verb, or undefined when none was given (or with `--help`/`--version` alone). */
  verb?: CliVerb;
  /** Words that looked like a verb but matched none (for "unknown command" errors). */
  unknownWords: string[];
  global: GlobalOptions;
  /** The verb's own flags by name. */
  values: Record<string, string | boolean | string[] | undefined>;
  /** Positionals after the verb words. */
  positionals: string[];
}

/** A command line that cannot be understood; the CLI prints the message and usage, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

function toParseArgsOptions(specs: readonly CliFlagSpec[]): NonNullable<ParseArgsConfig['options']> {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const spec of specs) {
    options[spec.name] = {
      type: spec.type,
      ...(spec.short !== undefined && { short: spec.short }),
      ...(spec.multiple !== undefined && { multiple: spec.multiple }),
    };
  }
  return options;
}

/** Positional words in `argv`, skipping global flags and their values (to find the verb). */
function leadingWords(argv: readonly string[]): string[] {
  const valued = new Set<string>();
  for (const spec of GLOBAL_FLAGS) {
    if (spec.type !== 'string') continue;
    valued.add(`--${spec.name}`);
    if (spec.short) valued.add(`-${spec.short}`);
  }
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') break;
    if (arg.startsWith('-')) {
      if (valued.has(arg)) i++;
      continue;
    }
    words.push(arg);
  }
  return words;
}

/** Finds the verb whose words start the positional words; the longest match wins. */
export function matchVerb(words: readonly string[], verbs: readonly CliVerb[]): CliVerb | undefined {
  let best: CliVerb | undefined;
  for (const verb of verbs) {
    const parts = verb.name.split(' ');
    if (parts.every((part, i) => words[i] === part) && parts.length > (best?.name.split(' ').length ?? 0)) best = verb;
  }
  return best;
}

/** Parses `argv` (without `node` and the script path) against the global flags and the verbs. */
export function parseCommandLine(argv: readonly string[], verbs: readonly CliVerb[]): ParsedCommandLine {
  const words = leadingWords(argv);
  const verb = matchVerb(words, verbs);
  const verbFlags = verb?.flags ?? [];
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: toParseArgsOptions([...GLOBAL_FLAGS, ...verbFlags]),
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.replace(/\. To specify a positional.*$/s, '.') : String(error));
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
  const verbWordCount = verb ? verb.name.split(' ').length : 0;
  const global: GlobalOptions = {
    provider: values.provider as string | undefined,
    model: values.model as string | undefined,
    profile: values.profile as string | undefined,
    overrides: (values.config as string[] | undefined) ?? [],
    cwd: values.cwd as string | undefined,
    trustWorkspace: values['trust-workspace'] === true,
    json: values.json === true,
    help: values.help === true,
    version: values.version === true,
  };
  const own: ParsedCommandLine['values'] = {};
  for (const spec of verbFlags) own[spec.name] = values[spec.name];
  return {
    verb,
    unknownWords: verb ? [] : words.slice(0, 2),
    global,
    values: own,
    positionals: parsed.positionals.slice(verbWordCount),
  };
}
