/**
 * The CLI's verb registry. To add a command, write its handler (usually in `commands/`) and add
 * one entry here: `name` is the words that invoke it (`providers test`, `exec`), `flags` its own
 * flags (global flags such as --provider, --json come for free), `acceptsPositionals` if it takes
 * arguments (e.g. a prompt). `runCli` finds the longest matching name, parses, and calls `run`.
 */
import { runConfigExplain } from './commands/configExplain';
import { runExec } from './commands/exec';
import { runProvidersList } from './commands/providersList';
import { runProvidersTest } from './commands/providersTest';
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
  {
    name: 'providers test',
    summary: 'Test a provider end to end: config, credential, model list, one small streamed request.',
    usage: '[<id>] [--model <name>] [--json]',
    description:
      'Tests <id> (default: the active provider) with --model, or its default model. Each step prints ✓ ok, ! warning, ' +
      '✗ failure or - skipped, with its time and what it found; the first failure comes with a fix (wire_api, base_url and /v1, ' +
      'the key and where it comes from, streaming, the model name). Runs the auth command if the provider has one; never prints ' +
      'a credential. --json prints {provider, model, ok, steps: [{id, title, status, durationMs, detail, fix?, area?, error?, models?}]}. ' +
      'Exit codes: 0 no failure, 1 a step failed, 2 configuration error.',
    acceptsPositionals: true,
    run: runProvidersTest,
  },
  {
    name: 'exec',
    summary: 'Run one agent turn on a prompt and stream the answer to stdout.',
    usage: '[--approval read-only|auto] [--no-tools] [--json] <prompt | ->',
    description:
      'The prompt is the arguments, or stdin when it is "-" or missing and stdin is not a terminal. The workspace is --cwd. ' +
      '--approval read-only (default): the agent may read files in the workspace; edits and commands are refused. ' +
      '--approval auto: edits and commands inside the workspace run too. Paths outside the workspace are always refused; ' +
      'nothing is asked interactively. --no-tools sends the prompt with no tools.\n\n' +
      'stdout gets only the answer text, as it streams (plus a final newline); reasoning, tool activity, retries, warnings ' +
      'and errors go to stderr. With --json, stdout gets one JSON object per line instead: each stream event ' +
      '({"type":"text-delta","text"}, reasoning-delta, tool-call-start/-delta/-end, usage, retry, done {stopReason}, ' +
      'error {error: {kind, message, fix?}}), the agent\'s {"type":"tool-call","call":{callId, name, status, title, result?}} ' +
      'and {"type":"tool-output","callId","stream","chunk"}, and last {"type":"turn-ended","reason","usage","error"?}.\n\n' +
      'Exit codes: 0 done, 1 provider or tool failure (also an error event inside a 200 stream, or a missing key), ' +
      '2 configuration or command-line error, 130 interrupted (Ctrl-C aborts the request; a second Ctrl-C quits at once).',
    flags: [
      {
        name: 'approval',
        type: 'string',
        valueName: 'mode',
        description: 'read-only (default): reads only; auto: edits and commands inside the workspace run.',
      },
      { name: 'no-tools', type: 'boolean', description: 'Offer the model no tools.' },
    ],
    acceptsPositionals: true,
    run: (context) => runExec(context),
  },
];
