/**
 * What error messages may mention about the request that failed. Secrets are listed only so they
 * can be removed from echoed response bodies; URLs are shown without their query string.
 */
import type { CredentialSource } from '../../providers/credential';
import type { ProviderInfo } from '../../providers/providerInfo';

export interface ErrorContext {
  provider: ProviderInfo;
  model?: string;
  /** Where the credential came from (for 401/403 messages). */
  credentialSource?: CredentialSource;
  /** Values to scrub from anything echoed (the token, header values). Never displayed. */
  secrets: string[];
}

/** The provider's display name. */
export function providerLabel(provider: ProviderInfo): string {
  return provider.name && provider.name !== provider.id ? `${provider.name} (${provider.id})` : provider.id;
}

/** `scheme://host[:port]/path` without query or credentials, for messages. */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return url.split('?')[0];
  }
}

/** `scheme://host[:port]` only. */
export function displayOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url.split('?')[0];
  }
}
