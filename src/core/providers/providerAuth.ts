/**
 * How a provider authenticates, read from its config alone: which env variable, whether it is an
 * AWS (Bedrock) provider, and a no-side-effect status for listings (`providers list`, the
 * provider picker). Nothing here runs a command or returns a secret.
 */
import type { Env } from '../ports';
import type { CommandAuth, ProviderInfo } from './providerInfo';

/** The built-in id of Amazon Bedrock, which signs requests with AWS credentials. */
export const AMAZON_BEDROCK_ID = 'amazon-bedrock';

/**
 * The environment variable holding the provider's key: `env_key`, or `OPENAI_API_KEY` for a
 * provider with `requires_openai_auth = true` and no `env_key` (Codex reads OpenAI's key then).
 */
export function effectiveEnvKey(provider: ProviderInfo): string | undefined {
  const key = provider.envKey?.trim();
  if (key) return key;
  return provider.requiresOpenaiAuth ? 'OPENAI_API_KEY' : undefined;
}

/** The variable's value with surrounding whitespace removed; undefined when unset or blank. */
export function readEnvValue(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** Whether the provider authenticates with the AWS credential chain (SigV4). */
export function isAwsProvider(provider: ProviderInfo): boolean {
  return provider.id === AMAZON_BEDROCK_ID || provider.aws !== undefined;
}

/** Words for the AWS credentials in use, e.g. "profile codex-dev, region eu-central-1". */
export function awsDetail(provider: ProviderInfo, env: Env): string {
  const profile = provider.aws?.profile ?? readEnvValue(env, 'AWS_PROFILE');
  const region = provider.aws?.region ?? readEnvValue(env, 'AWS_REGION') ?? readEnvValue(env, 'AWS_DEFAULT_REGION');
  const parts = [profile ? `profile ${profile}` : 'default credential chain'];
  if (region) parts.push(`region ${region}`);
  return parts.join(', ');
}

/** Auth kinds shown in listings; `secret-storage` only appears in VS Code. */
export type ProviderAuthKind = 'none' | 'env' | 'command' | 'bearer-token' | 'aws' | 'secret-storage';

/** What `providers list` shows about a provider's credential. Never the credential itself. */
export interface ProviderAuthStatus {
  kind: ProviderAuthKind;
  /** Whether a credential can be had right now (for commands: the program exists). */
  available: boolean;
  /** Where it comes from, e.g. "env OPENAI_API_KEY", "command gcloud"; null when none is needed. */
  source: string | null;
}

/** Facts about the machine the status needs and core cannot look up itself. */
export interface ProviderAuthProbe {
  env: Env;
  /** Whether a key is saved in SecretStorage for this provider. */
  hasSavedKey?: boolean;
  /** Whether the auth command's program can be found (the command is not run). Default true. */
  commandExists?: (auth: CommandAuth) => boolean;
  /** Whether any AWS credentials are configured (env vars or shared files). Default false. */
  awsCredentialsFound?: boolean;
}

/**
 * The auth status of `provider`, following the resolver's order, without running anything:
 * the first source that can supply a credential now, or else the configured one, unavailable.
 */
export function describeProviderAuth(provider: ProviderInfo, probe: ProviderAuthProbe): ProviderAuthStatus {
  if (provider.auth) {
    const exists = probe.commandExists ? probe.commandExists(provider.auth) : true;
    return { kind: 'command', available: exists, source: `command ${provider.auth.command}` };
  }
  const envKey = effectiveEnvKey(provider);
  if (envKey && readEnvValue(probe.env, envKey)) return { kind: 'env', available: true, source: `env ${envKey}` };
  if (probe.hasSavedKey) return { kind: 'secret-storage', available: true, source: 'saved API key' };
  if (provider.experimentalBearerToken?.trim()) {
    return { kind: 'bearer-token', available: true, source: 'experimental_bearer_token' };
  }
  if (isAwsProvider(provider)) {
    return { kind: 'aws', available: probe.awsCredentialsFound ?? false, source: `aws ${awsDetail(provider, probe.env)}` };
  }
  if (envKey) return { kind: 'env', available: false, source: `env ${envKey}` };
  return { kind: 'none', available: true, source: null };
}
