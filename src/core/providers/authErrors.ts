/**
 * The auth errors a user can meet, worded once: a missing key, a failing auth command, and a
 * credential withheld because the workspace is not trusted. None of them ever contains a secret.
 */
import { SwitchboardError } from '../../shared/errors';
import type { ProviderInfo } from './providerInfo';

/** Where a provider is defined, for "fix it in ..." sentences. */
function where(provider: ProviderInfo): string {
  if (!provider.file) return `\`[model_providers.${provider.id}]\``;
  return `\`[model_providers.${provider.id}]\` in ${provider.file}${provider.line ? `:${provider.line}` : ''}`;
}

/**
 * The env key is not set. The message is Codex's own text (`Missing environment variable: \`K\`.`
 * followed by `env_key_instructions`), so users who know Codex recognize it.
 */
export function missingEnvKeyError(provider: ProviderInfo, envKey: string): SwitchboardError {
  const instructions = provider.envKeyInstructions?.trim();
  return new SwitchboardError({
    kind: 'auth',
    message: `Missing environment variable: \`${envKey}\`.${instructions ? ` ${instructions}` : ''}`,
    fix:
      `Set ${envKey} in the environment Switchboard is started from (for example \`export ${envKey}=...\` ` +
      `in your shell profile), or save an API key for provider \`${provider.id}\`.`,
    providerId: provider.id,
    actions: ['setApiKey', 'openConfig'],
    retryable: false,
  });
}

/** A workspace-defined credential source was refused because the workspace is not trusted. */
export function untrustedWorkspaceError(provider: ProviderInfo, what: string): SwitchboardError {
  return new SwitchboardError({
    kind: 'auth',
    message:
      `Provider \`${provider.id}\` is defined by workspace configuration and the workspace is not trusted, ` +
      `so Switchboard will not ${what} for it.`,
    fix: 'Trust this workspace if you trust its configuration files, or define the provider in your user config instead.',
    providerId: provider.id,
    actions: ['trustWorkspace', 'openConfig'],
    retryable: false,
  });
}

/** Why an auth command produced no token, in words (never the command's stdout). */
export type CommandFailure =
  | { type: 'not-started'; detail: string }
  | { type: 'timeout'; timeoutMs: number }
  | { type: 'exit'; exitCode: number }
  | { type: 'signal'; signal: string }
  | { type: 'empty' }
  | { type: 'too-long'; maxBytes: number };

function describeFailure(failure: CommandFailure): string {
  switch (failure.type) {
    case 'not-started':
      return `could not be started (${failure.detail})`;
    case 'timeout':
      return `did not finish within ${failure.timeoutMs} ms (timeout_ms) and was stopped`;
    case 'exit':
      return `failed with exit code ${failure.exitCode}`;
    case 'signal':
      return `was killed by signal ${failure.signal}`;
    case 'empty':
      return 'printed no token on stdout';
    case 'too-long':
      return `printed more than ${failure.maxBytes} bytes on stdout, which is not a token`;
  }
}

function fixFor(provider: ProviderInfo, failure: CommandFailure): string {
  const table = `[model_providers.${provider.id}.auth]`;
  switch (failure.type) {
    case 'not-started':
      return `Check that \`command\` in \`${table}\` names an installed program (an absolute path is safest).`;
    case 'timeout':
      return `Run the command yourself to see why it is slow, or raise \`timeout_ms\` in \`${table}\`.`;
    case 'empty':
    case 'too-long':
      return `The command must print only the token on stdout. Run it yourself to check, then fix \`${table}\`.`;
    default:
      return `Run the command yourself to see what is wrong (it may need a login first), then fix \`${table}\` if needed.`;
  }
}

/**
 * The auth command failed. `stderr` must already be redacted; it is cut to a few hundred
 * characters. The command's stdout is never included.
 */
export function authCommandError(
  provider: ProviderInfo,
  command: string,
  failure: CommandFailure,
  redactedStderr?: string,
): SwitchboardError {
  const stderr = redactedStderr?.trim();
  const shown = stderr && stderr.length > 400 ? `${stderr.slice(0, 400)}…` : stderr;
  return new SwitchboardError({
    kind: 'auth',
    message:
      `The auth command \`${command}\` for provider \`${provider.id}\` (${where(provider)}) ${describeFailure(failure)}.` +
      (shown ? ` Its stderr: ${shown}` : ''),
    fix: fixFor(provider, failure),
    providerId: provider.id,
    actions: ['openConfig', 'retry'],
    retryable: failure.type === 'timeout',
  });
}
