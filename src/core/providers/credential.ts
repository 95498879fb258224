/**
 * Credentials: where a provider's secret comes from, resolved per request. The value is only ever
 * put into a request header; everything shown to the user uses `CredentialSource`.
 */
import type { ProviderInfo } from './providerInfo';

export type CredentialSource =
  /** Local providers (Ollama, LM Studio) and gateways that need no key. */
  | { type: 'none' }
  | { type: 'env'; name: string }
  | { type: 'secret-storage' }
  /** `experimental_bearer_token` in a config file. */
  | { type: 'bearer-token' }
  /** `[model_providers.<id>.auth]` command; times are epoch ms. */
  | { type: 'command'; command: string; fetchedAt: number; refreshesAt?: number }
  /** AWS credential chain for Bedrock (env, AWS_PROFILE, shared credentials file...). */
  | { type: 'aws'; detail: string };

export interface Credential {
  /** The secret; undefined for `none` and `aws`. Never log, display or serialize it. */
  token?: string;
  source: CredentialSource;
}

export interface CredentialRequestOptions {
  /** Ignore any cached command token and run the command again (after a 401). */
  forceRefresh?: boolean;
  signal?: AbortSignal;
}

/** Resolves the credential for a provider. Throws `SwitchboardError` kind `auth` when missing. */
export interface CredentialResolver {
  resolve(provider: ProviderInfo, options?: CredentialRequestOptions): Promise<Credential>;
}

/** Human words for a credential source; never contains the value. */
export function describeCredentialSource(source: CredentialSource): string {
  switch (source.type) {
    case 'none':
      return 'no credential needed';
    case 'env':
      return `environment variable ${source.name}`;
    case 'secret-storage':
      return 'key saved in VS Code SecretStorage';
    case 'bearer-token':
      return 'experimental_bearer_token in config';
    case 'command':
      return `auth command \`${source.command}\``;
    case 'aws':
      return `AWS credentials (${source.detail})`;
  }
}
