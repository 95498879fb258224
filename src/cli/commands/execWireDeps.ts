/**
 * The wire deps of CLI commands that talk to providers (`exec`, `providers test`): the
 * credential resolver (auth commands may run: the CLI applies only workspace config the user
 * trusted), the process environment (proxies, CA variables), a CA file reader for the wire's
 * transport, and a logger that writes warnings and errors to stderr — never stdout.
 */
import { readFile } from 'node:fs/promises';
import type { Logger } from '../../core/ports';
import { createCredentialResolver } from '../../core/providers/credentialResolver';
import { redactSecrets } from '../../core/providers/redact';
import type { WireDeps } from '../../core/wire/wireDeps';
import type { CliContext } from '../verbTypes';

/** A logger for stderr: warnings and errors only, prefixed, redacted once more. */
export function stderrLogger(io: CliContext['io']): Logger {
  const write = (level: string, message: string) => io.stderr(`switchboard: ${level}: ${redactSecrets(message)}\n`);
  return {
    debug() {},
    info() {},
    warn: (message) => write('warning', message),
    error: (message) => write('error', message),
  };
}

/** Wire deps for one CLI command. */
export function createCliWireDeps(context: Pick<CliContext, 'env' | 'io' | 'processRunner'>): WireDeps {
  return {
    credentials: createCredentialResolver({ env: context.env, processRunner: context.processRunner, allowWorkspaceCommands: true }),
    env: context.env,
    logger: stderrLogger(context.io),
    readFile: (path) => readFile(path, 'utf8'),
  };
}
