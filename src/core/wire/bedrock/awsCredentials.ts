/**
 * AWS credentials for SigV4 signing, reading variables only from the given environment:
 * - a profile (`aws.profile` in the config, which overrides AWS_PROFILE): that profile from the
 *   shared credentials/config files (AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE), including
 *   SSO, credential_process and role profiles (`fromIni`); a missing profile is a clear error,
 *   not a silent fall-through to instance metadata;
 * - else static keys AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (/ AWS_SESSION_TOKEN);
 * - else the SDK's default chain (default profile, web identity, container, instance metadata).
 * Providers are cached per profile and file paths (they cache and refresh credentials).
 */
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { Env } from '../../ports';
import type { ProviderInfo } from '../../providers/providerInfo';

function clean(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

const chains = new Map<string, AwsCredentialIdentityProvider>();

/** Lazily loads the AWS SDK provider (it is large and only Bedrock users need it). */
function lazy(load: () => Promise<AwsCredentialIdentityProvider>): AwsCredentialIdentityProvider {
  let loaded: Promise<AwsCredentialIdentityProvider> | undefined;
  return async (options) => {
    loaded ??= load();
    return (await loaded)(options);
  };
}

/** A credentials provider for `provider`. */
export function awsCredentialsFor(provider: ProviderInfo, env: Env): AwsCredentialIdentityProvider {
  const profile = clean(provider.aws?.profile) ?? clean(env.AWS_PROFILE);
  const accessKeyId = clean(env.AWS_ACCESS_KEY_ID);
  const secretAccessKey = clean(env.AWS_SECRET_ACCESS_KEY);
  if (!profile && accessKeyId && secretAccessKey) {
    const sessionToken = clean(env.AWS_SESSION_TOKEN);
    const identity: AwsCredentialIdentity = { accessKeyId, secretAccessKey, ...(sessionToken && { sessionToken }) };
    return async () => identity;
  }
  const files = {
    ...(clean(env.AWS_SHARED_CREDENTIALS_FILE) && { filepath: clean(env.AWS_SHARED_CREDENTIALS_FILE) }),
    ...(clean(env.AWS_CONFIG_FILE) && { configFilepath: clean(env.AWS_CONFIG_FILE) }),
  };
  const key = JSON.stringify([profile, files]);
  let chain = chains.get(key);
  if (!chain) {
    chain = profile
      ? lazy(async () => (await import('@aws-sdk/credential-provider-ini')).fromIni({ profile, ...files }))
      : lazy(async () => (await import('@aws-sdk/credential-provider-node')).defaultProvider(files));
    chains.set(key, chain);
  }
  return chain;
}
