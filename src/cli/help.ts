/**
 * Help and usage text, generated from the verb registry and the global flag list.
 */
import { GLOBAL_FLAGS } from './args';
import type { CliFlagSpec, CliVerb } from './verbTypes';

function flagLine(flag: CliFlagSpec): [string, string] {
  const value = flag.type === 'string' ? ` <${flag.valueName ?? 'value'}>` : '';
  const names = `${flag.short ? `-${flag.short}, ` : '    '}--${flag.name}${value}`;
  return [names, flag.description];
}

function columns(lines: [string, string][]): string {
  const width = Math.max(...lines.map(([left]) => left.length));
  return lines.map(([left, right]) => `  ${left.padEnd(width)}  ${right}\n`).join('');
}

/** The full help: commands, global flags, exit codes. */
export function generalHelp(verbs: readonly CliVerb[]): string {
  return (
    'usage: switchboard <command> [flags]\n\n' +
    'Commands:\n' +
    columns(verbs.map((v) => [`${v.name}${v.usage ? ` ${v.usage}` : ''}`, v.summary])) +
    '\nGlobal flags (before or after the command):\n' +
    columns(GLOBAL_FLAGS.map(flagLine)) +
    '\nConfig is read like the Codex CLI: $CODEX_HOME/config.toml (default ~/.codex/config.toml), then the\n' +
    "workspace's codex.toml and .codex/config.toml when the workspace is trusted (listed as a trusted\n" +
    'project in the user config, or --trust-workspace).\n' +
    '\nExit codes: 0 success, 1 failure, 2 configuration error or bad command line.\n'
  );
}

/** Help for one verb. */
export function verbHelp(verb: CliVerb): string {
  let out = `usage: switchboard ${verb.name}${verb.usage ? ` ${verb.usage}` : ''} [global flags]\n\n${verb.summary}\n`;
  if (verb.description) out += `\n${verb.description}\n`;
  if (verb.flags?.length) out += `\nFlags:\n${columns(verb.flags.map(flagLine))}`;
  out += `\nGlobal flags:\n${columns(GLOBAL_FLAGS.map(flagLine))}`;
  return out;
}

/** The short usage printed with a command-line error. */
export function shortUsage(verbs: readonly CliVerb[]): string {
  return `usage: switchboard <command> [flags]\ncommands: ${verbs.map((v) => v.name).join(', ')}\nRun \`switchboard --help\` for details.\n`;
}
