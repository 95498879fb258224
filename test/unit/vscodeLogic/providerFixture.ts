// ProviderInfo / ResolvedConfig values for the VS Code logic tests: built-in-looking providers at
// https://<id>.example.com/v1, on top of the shared fixture.
import type { ResolvedConfig } from '../../../src/core/config/resolvedConfig';
import type { ProviderInfo } from '../../../src/core/providers/providerInfo';
import { provider as baseProvider, resolvedConfig } from '../../helpers/providerFixture';

export function provider(overrides: Partial<ProviderInfo> & { id: string }): ProviderInfo {
  const { file: _file, line: _line, ...base } = baseProvider({ name: overrides.id, baseUrl: `https://${overrides.id}.example.com/v1`, source: 'builtin' });
  return { ...base, ...overrides };
}

export function resolved(overrides: Partial<ResolvedConfig> = {}): ResolvedConfig {
  return resolvedConfig({
    providers: [provider({ id: 'anthropic', wireApi: 'anthropic', envKey: 'ANTHROPIC_API_KEY', defaultModel: 'claude-sonnet-4-5' })],
    ...overrides,
  });
}
