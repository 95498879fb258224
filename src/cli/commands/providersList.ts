/**
 * `switchboard providers list [--json]`: every provider with where it is defined, its endpoint,
 * wire API and whether a credential is available now. Never prints a credential, and never runs
 * an auth command (it only checks that the program exists).
 */
import type { ResolvedConfig } from '../../core/config/resolvedConfig';
import { describeProviderAuth, type ProviderAuthStatus } from '../../core/providers/providerAuth';
import type { ProviderInfo } from '../../core/providers/providerInfo';
import { awsCredentialsConfigured } from '../../node/awsCredentialHints';
import { findExecutable } from '../../node/findExecutable';
import { reportDiagnostics } from '../diagnosticText';
import { renderTable } from '../textTable';
import { EXIT_CONFIG_ERROR, EXIT_OK, type CliContext } from '../verbTypes';
import { displayUrl } from '../../core/config/displaySafe';

/** One provider in `providers list --json`. */
export interface ProviderListEntry {
  id: string;
  name: string;
  /** The layer that defined it: builtin, user, workspace (or profile, env, flag). */
  source: ProviderInfo['source'];
  /** The file whose table defined it, or null (built-ins). */
  file: string | null;
  baseUrl: string | null;
  wireApi: ProviderInfo['wireApi'];
  defaultModel: string | null;
  auth: ProviderAuthStatus;
}

/** Builds the list entries; `context` supplies env and the file-system probes. */
export function providerListEntries(config: ResolvedConfig, context: Pick<CliContext, 'env' | 'homeDir' | 'cwd'>): ProviderListEntry[] {
  const { env } = context;
  const aws = awsCredentialsConfigured(env, context.homeDir);
  return config.providers.map((provider) => ({
    id: provider.id,
    name: provider.name,
    source: provider.source,
    file: provider.file ?? null,
    baseUrl: provider.baseUrl ? displayUrl(provider.baseUrl) : null,
    wireApi: provider.wireApi,
    defaultModel: provider.defaultModel ?? null,
    auth: describeProviderAuth(provider, {
      env,
      commandExists: (auth) => findExecutable(auth.command, { cwd: auth.cwd ?? context.cwd, env }) !== undefined,
      awsCredentialsFound: aws,
    }),
  }));
}

function authText(auth: ProviderAuthStatus): string {
  if (auth.kind === 'none') return 'none needed';
  const source = auth.source ?? auth.kind;
  return auth.available ? source : `${source} (missing)`;
}

function sourceText(entry: ProviderListEntry, homeDir: string): string {
  if (!entry.file) return entry.source;
  const file = homeDir && entry.file.startsWith(`${homeDir}/`) ? `~${entry.file.slice(homeDir.length)}` : entry.file;
  return `${entry.source} ${file}`;
}

/** Runs the verb. */
export async function runProvidersList(context: CliContext): Promise<number> {
  const config = await context.loadConfig();
  const entries = providerListEntries(config, context);
  if (context.global.json) {
    context.io.stdout(`${JSON.stringify(entries, null, 2)}\n`);
  } else {
    const active = config.provider.value;
    const rows = entries.map((e) => [
      `${e.id === active ? '*' : ' '} ${e.id}`,
      e.name,
      e.wireApi,
      e.baseUrl ?? '(no base_url)',
      authText(e.auth),
      sourceText(e, context.homeDir),
    ]);
    context.io.stdout(renderTable(['  ID', 'NAME', 'WIRE', 'BASE URL', 'CREDENTIAL', 'DEFINED IN'], rows));
    context.io.stdout(`\n* active provider (${active})\n`);
  }
  const hasErrors = reportDiagnostics(config, context.io, !context.global.json);
  return hasErrors ? EXIT_CONFIG_ERROR : EXIT_OK;
}
