// Builds ProviderInfo / ResolvedConfig values for the VS Code logic tests.
import type { ResolvedConfig } from '../../../src/core/config/resolvedConfig';
import type { ProviderInfo } from '../../../src/core/providers/providerInfo';

export function provider(overrides: Partial<ProviderInfo> & { id: string }): ProviderInfo {
  return {
    name: overrides.id,
    baseUrl: `https://${overrides.id}.example.com/v1`,
    wireApi: 'responses',
    httpHeaders: {},
    envHttpHeaders: {},
    queryParams: {},
    requestMaxRetries: 4,
    streamMaxRetries: 5,
    streamIdleTimeoutMs: 300_000,
    supportsWebsockets: false,
    requiresOpenaiAuth: false,
    source: 'builtin',
    fromWorkspace: false,
    ...overrides,
  };
}

export function resolved(overrides: Partial<ResolvedConfig> = {}): ResolvedConfig {
  return {
    providers: [provider({ id: 'anthropic', wireApi: 'anthropic', envKey: 'ANTHROPIC_API_KEY', defaultModel: 'claude-sonnet-4-5' })],
    provider: { value: 'anthropic', source: 'builtin' },
    model: { value: 'claude-sonnet-4-5', source: 'builtin' },
    profile: { value: undefined, source: 'builtin' },
    profiles: [],
    fieldSources: {},
    settings: {},
    trustedProjects: [],
    files: [],
    diagnostics: [],
    ...overrides,
  };
}
