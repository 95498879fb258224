/**
 * The CLI's verb registry. To add a command, write its handler (usually in `commands/`) and add
 * one entry here: `name` is the words that invoke it (`providers test`, `exec`), `flags` its own
 * flags (global flags such as --provider, --json come for free), `acceptsPositionals` if it takes
 * arguments (e.g. a prompt). `runCli` finds the longest matching name, parses, and calls `run`.
 */
import { runConfigExplain } from './commands/configExplain';
import { runProvidersList } from './commands/providersList';
import type { CliVerb } from './verbTypes';

/** Every verb, in the order help lists them. */
export const VERBS: CliVerb[] = [
  {
    name: 'providers list',
    summary: 'List providers, where each is defined, and whether its credential is available.',
    usage: '[--json]',
    description:
      'Shows built-in, user and workspace providers with their base URL, wire API and credential source. ' +
      'Credentials are never printed, and auth commands are not run (only checked to exist).',
    run: runProvidersList,
  },
  {
    name: 'config explain',
    summary: 'Show the effective provider, model and profile, who set each, and all config problems.',
    usage: '[--json]',
    description: 'Sources are flag, env, workspace, user, profile or builtin. Exits with 2 when the config has errors.',
    run: runConfigExplain,
  },
];
