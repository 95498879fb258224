/**
 * What the Providers tree shows about a provider's credential, without resolving it: which source
 * would supply it (env var by name, SecretStorage, auth command, bearer token), or why none will be
 * sent. Never looks at or returns a secret value; only whether one is present.
 */
import type { Env } from '../ports';
import type { CredentialSource } from './credential';
import { awsDetail, effectiveEnvKey, isAwsProvider, readEnvValue } from './providerAuth';
import type { ProviderInfo } from './providerInfo';

export type AuthStatusKind =
  | 'none'
  | 'env'
  | 'secret-storage'
  | 'command'
  | 'bearer-token'
  | 'aws'
  | 'missing'
  /** A workspace-defined provider in an untrusted workspace: nothing runs, nothing is sent. */
  | 'blocked';

export interface AuthStatus {
  kind: AuthStatusKind;
  /** A few words for the tree item's description, e.g. "key from env". */
  summary: string;
  /** Sentences for the tooltip (plain text). */
  details: string[];
}

/** One phrase naming the credential source (status bar tooltip), e.g. "environment variable OPENAI_API_KEY". */
export function credentialPhrase(status: AuthStatus): string {
  const first = status.details[0] ?? '';
  return first.replace(/^Credential: /, '').replace(/^Credential missing: /, 'missing — ').replace(/\.$/, '');
}

export interface AuthStatusInput {
  provider: ProviderInfo;
  env: Env;
  /** Whether SecretStorage holds a key for this provider (the value itself is never passed). */
  hasStoredSecret: boolean;
  workspaceTrusted: boolean;
  /** The last credential source seen for this provider (gives auth-command fetch times). */
  lastSource?: CredentialSource;
  now: number;
  /** Formats an epoch-ms time for display (injected so tests are deterministic). */
  formatTime: (epochMs: number) => string;
}

/** Words for a duration relative to now: "2 min ago", "in 5 min", "just now". */
export function relativeTime(epochMs: number, now: number): string {
  const delta = epochMs - now;
  const abs = Math.abs(delta);
  const unit = abs < 60_000 ? `${Math.round(abs / 1000)} s` : abs < 3_600_000 ? `${Math.round(abs / 60_000)} min` : `${Math.round(abs / 3_600_000)} h`;
  if (abs < 1000) return 'just now';
  return delta < 0 ? `${unit} ago` : `in ${unit}`;
}

/**
 * Decides the auth status of one provider for display, in the credential resolver's order
 * (auth command, env var, SecretStorage, bearer token, AWS, none).
 */
export function computeAuthStatus(input: AuthStatusInput): AuthStatus {
  const { provider, env, hasStoredSecret } = input;
  const locked = provider.fromWorkspace && !input.workspaceTrusted;
  const lockNote = 'This provider is defined (or changed) by the workspace, which is not trusted: no auth command from it runs and none of your keys is sent to it until you trust the workspace.';
  const blocked = (what: string): AuthStatus => ({ kind: 'blocked', summary: 'locked (untrusted)', details: [`Credential: ${what}.`, lockNote] });

  if (provider.auth) {
    const command = [provider.auth.command, ...provider.auth.args].join(' ');
    if (locked) return blocked(`auth command \`${command}\` (not run)`);
    const details = [`Credential: auth command \`${command}\`.`];
    const last = input.lastSource;
    if (last?.type === 'command') {
      details.push(`Token last fetched ${input.formatTime(last.fetchedAt)} (${relativeTime(last.fetchedAt, input.now)}).`);
      if (last.refreshesAt !== undefined) {
        details.push(`Next refresh ${input.formatTime(last.refreshesAt)} (${relativeTime(last.refreshesAt, input.now)}).`);
      } else {
        details.push('Refreshed only when the provider rejects the token (refresh_interval_ms = 0).');
      }
    } else {
      details.push('Not run yet: it runs on first use.');
    }
    return { kind: 'command', summary: 'auth command', details };
  }

  const envKey = effectiveEnvKey(provider);
  const envSet = envKey !== undefined && readEnvValue(env, envKey) !== undefined;
  if (envKey && envSet) {
    if (locked) return blocked(`environment variable ${envKey} (not sent)`);
    const details = [`Credential: environment variable ${envKey}.`];
    if (hasStoredSecret) details.push('A key is also saved in SecretStorage; the environment variable wins while it is set.');
    return { kind: 'env', summary: `key from ${envKey}`, details };
  }
  if (hasStoredSecret) {
    if (locked) return blocked('key saved in VS Code SecretStorage (not sent)');
    const why = envKey ? ` (used because ${envKey} is not set; the environment variable wins when set)` : '';
    return { kind: 'secret-storage', summary: 'key saved', details: [`Credential: key saved in VS Code SecretStorage${why}.`] };
  }
  if (provider.experimentalBearerToken?.trim()) {
    if (locked) return blocked('experimental_bearer_token in config (not sent)');
    return { kind: 'bearer-token', summary: 'bearer token', details: ['Credential: experimental_bearer_token in config (value hidden).'] };
  }
  if (isAwsProvider(provider)) {
    if (locked) return blocked('AWS credential chain (not used)');
    return { kind: 'aws', summary: 'AWS credentials', details: [`Credential: AWS credentials (${awsDetail(provider, env)}).`] };
  }
  if (envKey) {
    const details = [`Credential missing: set the environment variable ${envKey} or run "Switchboard: Set API Key".`];
    if (provider.envKeyInstructions) details.push(provider.envKeyInstructions);
    if (locked) details.push(lockNote);
    return { kind: 'missing', summary: 'key missing', details };
  }
  return { kind: 'none', summary: 'no key needed', details: ['No credential is sent (no env_key, auth command or bearer token configured).'] };
}
