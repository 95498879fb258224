// ProviderInfo and ResolvedConfig literals with Codex's defaults, for tests that do not go through
// loadConfig. The one place these shapes are spelled out for tests.
import type { ResolvedConfig } from '../../src/core/config/resolvedConfig';
import type { ProviderInfo } from '../../src/core/providers/providerInfo';

/** A user-file provider `p` at http://127.0.0.1:1/v1 with every field at its default. */
export function provider(overrides: Partial<ProviderInfo> = {}): ProviderInfo {
  return {
    id: 'p',
    name: 'P',
    baseUrl: 'http://127.0.0.1:1/v1',
    wireApi: 'responses',
    httpHeaders: {},
    envHttpHeaders: {},
    queryParams: {},
    requestMaxRetries: 4,
    streamMaxRetries: 5,
    streamIdleTimeoutMs: 300_000,
    supportsWebsockets: false,
    requiresOpenaiAuth: false,
    source: 'user',
    file: '/home/u/.codex/config.toml',
    line: 3,
    fromWorkspace: false,
    ...overrides,
  };
}

/** A ResolvedConfig with the built-in default selection (anthropic) unless overridden. */
export function resolvedConfig(overrides: Partial<ResolvedConfig> = {}): ResolvedConfig {
  return {
    providers: [],
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
