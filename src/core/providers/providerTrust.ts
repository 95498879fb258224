/**
 * Consent rules for sending credentials to providers a workspace defines. A repository can ship a
 * `codex.toml` pointing a provider at any server; these rules keep the user's keys and commands
 * from reaching it without the user's say-so. The VS Code layer only asks and stores answers.
 *
 * - Untrusted workspace: a workspace-defined provider gets no credential at all, and its auth
 *   command does not run (checked before resolving).
 * - Trusted workspace: the first time a workspace-defined provider would receive a credential that
 *   the user owns (env var, SecretStorage, the user's own auth command or bearer token), ask once;
 *   the answer is remembered per base URL and credential.
 */
import type { Sourced } from '../config/resolvedConfig';
import type { CredentialSource } from './credential';
import { effectiveEnvKey, isAwsProvider } from './providerAuth';
import type { ProviderInfo } from './providerInfo';

/** A remembered answer, keyed by `consentKey`. */
export type ConsentAnswer = 'allow' | 'deny';

export type CredentialDecision =
  | { action: 'allow' }
  /** Untrusted workspace: do not resolve or send; `reason` says why and how to fix. */
  | { action: 'block'; reason: string }
  /** Ask the user once; store the answer under `consentKey`. */
  | { action: 'ask'; consentKey: string; question: string; detail: string }
  /** The user said no before. */
  | { action: 'deny'; reason: string };

/** Per-field provenance of one provider (`ResolvedConfig.fieldSources[id]`). */
export type ProviderFieldSources = Record<string, Sourced<unknown>> | undefined;

/** Whether `field` (camelCase, e.g. `auth`, `baseUrl`) of the provider was set by a workspace file. */
export function fieldFromWorkspace(provider: ProviderInfo, fields: ProviderFieldSources, field: string): boolean {
  if (!provider.fromWorkspace) return false;
  if (!fields || Object.keys(fields).length === 0) return true; // no detail: assume the worst
  return Object.entries(fields).some(([key, sourced]) => (key === field || key.startsWith(`${field}.`)) && sourced.source === 'workspace');
}

/** Host (and port) of a base URL for questions; the raw text when it does not parse. */
export function hostOf(baseUrl: string | undefined): string {
  if (!baseUrl) return '(no base_url)';
  try {
    return new URL(baseUrl).host || baseUrl;
  } catch {
    return baseUrl;
  }
}

/** Whether the provider is configured to send any credential at all. */
export function wantsCredential(provider: ProviderInfo): boolean {
  return Boolean(provider.experimentalBearerToken?.trim() || provider.auth || effectiveEnvKey(provider) || isAwsProvider(provider));
}

const TRUST_FIX = 'Trust the workspace (Manage Workspace Trust) to use the providers it defines.';

/**
 * Checked BEFORE the credential is resolved: in an untrusted workspace, a workspace-defined
 * provider's auth command must not run and no stored key may be read for it.
 */
export function decideBeforeResolve(provider: ProviderInfo, workspaceTrusted: boolean): CredentialDecision {
  if (workspaceTrusted || !provider.fromWorkspace || !wantsCredential(provider)) return { action: 'allow' };
  const what = provider.auth ? `its auth command (\`${provider.auth.command}\`) was not run` : 'no credential was sent';
  return {
    action: 'block',
    reason: `Provider "${provider.id}" is defined by this workspace, which is not trusted, so ${what}. ${TRUST_FIX}`,
  };
}

/** Words naming a credential for the consent question; never contains the value. */
export function credentialLabel(source: CredentialSource, provider: ProviderInfo): string {
  switch (source.type) {
    case 'env':
      return `${source.name} key`;
    case 'secret-storage':
      return `saved API key for "${provider.id}"`;
    case 'command':
      return `token from \`${source.command}\``;
    case 'bearer-token':
      return 'bearer token';
    case 'aws':
      return 'AWS credentials';
    case 'none':
      return 'no credential';
  }
}

/** The key an answer is remembered under: the base URL plus which credential. */
export function consentKey(provider: ProviderInfo, source: CredentialSource): string {
  const which = source.type === 'env' ? `env:${source.name}` : source.type === 'command' ? `command:${source.command}` : source.type;
  return `${provider.baseUrl ?? ''}\n${which}`;
}

export interface CredentialUseInput {
  provider: ProviderInfo;
  fields?: ProviderFieldSources;
  /** What is about to be sent (already resolved). */
  source: CredentialSource;
  workspaceTrusted: boolean;
  /** Answers remembered for this workspace, by `consentKey`. */
  consents: Readonly<Record<string, ConsentAnswer>>;
}

/** Checked AFTER resolving, before sending: may this credential go to this provider? */
export function decideCredentialUse(input: CredentialUseInput): CredentialDecision {
  const { provider, source, fields } = input;
  if (source.type === 'none' || !provider.fromWorkspace) return { action: 'allow' };
  const before = decideBeforeResolve(provider, input.workspaceTrusted);
  if (before.action !== 'allow') return before;
  if (!input.workspaceTrusted) {
    return { action: 'block', reason: `Provider "${provider.id}" is defined by this workspace, which is not trusted, so no credential was sent. ${TRUST_FIX}` };
  }
  // A credential the workspace itself supplies (its own bearer token or auth command) may go to
  // the server it names: the workspace is trusted and the secret is not the user's.
  if (source.type === 'bearer-token' && fieldFromWorkspace(provider, fields, 'experimentalBearerToken')) return { action: 'allow' };
  if (source.type === 'command' && fieldFromWorkspace(provider, fields, 'auth')) return { action: 'allow' };

  const key = consentKey(provider, source);
  const answer = input.consents[key];
  const label = credentialLabel(source, provider);
  const host = hostOf(provider.baseUrl);
  if (answer === 'allow') return { action: 'allow' };
  if (answer === 'deny') {
    return {
      action: 'deny',
      reason: `You chose not to send your ${label} to ${host} (provider "${provider.id}" from this workspace). Run "Switchboard: Reset Credential Consent" to be asked again.`,
    };
  }
  return {
    action: 'ask',
    consentKey: key,
    question: `Send your ${label} to ${host}?`,
    detail: `Provider "${provider.id}" is defined or changed by this workspace's config file, and would send your ${label} to ${provider.baseUrl ?? host}. Allow only if you trust that server.`,
  };
}
