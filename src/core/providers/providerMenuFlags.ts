/**
 * The `contextValue` of a Providers tree item: space-separated flags that the contributed menus
 * match with `viewItem =~ /\bflag\b/` (which actions a provider offers).
 */
import type { AuthStatusKind } from './authStatus';
import { effectiveEnvKey } from './providerAuth';
import type { ProviderInfo } from './providerInfo';

/**
 * Flags: `provider` always; `active`; `hasSecret` (Clear API Key); `command` (Refresh Token Now)
 * or `keyable` (Set API Key in the context menu) plus `needsKey` when it has an env key (the
 * inline key button); `hasFile` (Open Definition); `locked` (untrusted workspace).
 */
export function providerMenuFlags(provider: ProviderInfo, state: { active: boolean; hasSecret: boolean; auth: AuthStatusKind }): string {
  const flags = ['provider'];
  if (state.active) flags.push('active');
  if (state.hasSecret) flags.push('hasSecret');
  flags.push(provider.auth ? 'command' : 'keyable');
  if (!provider.auth && effectiveEnvKey(provider)) flags.push('needsKey');
  if (provider.file) flags.push('hasFile');
  if (state.auth === 'blocked') flags.push('locked');
  return flags.join(' ');
}
