/**
 * The built-in providers, before any config file or environment variable touches them.
 *
 * `anthropic`, `openai`, `ollama` and `lmstudio` are reserved: a `[model_providers.<id>]` table
 * with one of these ids is an error (as in Codex, whose built-ins cannot be overridden); use
 * `<id>-custom` for a variant. `azure` and `amazon-bedrock` are configurable built-ins: they need
 * per-user values (resource URL, region, AWS profile), so a table with their id is a partial
 * override merged key by key onto the definition here — as long as it does not change what the
 * provider is (see `BUILTIN_IDENTITY_RULES` in src/core/config/providerTable.ts).
 *
 * Environment knobs (`CODEX_OSS_BASE_URL`, `CODEX_OSS_PORT`, `OPENAI_BASE_URL`, `AWS_REGION`) are
 * applied by the config engine (src/core/config/builtinEnv.ts), not here.
 */
import type { ProviderInfo } from './providerInfo';

/** The provider used when nothing chooses one. */
export const DEFAULT_PROVIDER_ID = 'anthropic';

/** Built-in ids that a config table may not redefine. */
export const RESERVED_PROVIDER_IDS: readonly string[] = Object.freeze(['openai', 'ollama', 'lmstudio', 'anthropic']);

/** Built-in ids whose config tables are merged onto the built-in definition. */
export const CONFIGURABLE_BUILTIN_IDS: readonly string[] = Object.freeze(['azure', 'amazon-bedrock']);

/** `api-version` sent to Azure OpenAI unless the config sets `query_params.api-version`. */
export const AZURE_DEFAULT_API_VERSION = '2025-04-01-preview';

/** Codex's defaults for every provider. */
export const PROVIDER_DEFAULTS = Object.freeze({
  wireApi: 'responses' as const,
  requestMaxRetries: 4,
  streamMaxRetries: 5,
  streamIdleTimeoutMs: 300_000,
  authTimeoutMs: 5_000,
  authRefreshIntervalMs: 300_000,
});

/** Default local ports of the OSS built-ins (Codex's `DEFAULT_OLLAMA_PORT` / `DEFAULT_LMSTUDIO_PORT`). */
export const OSS_DEFAULT_PORTS: Readonly<Record<string, number>> = Object.freeze({ ollama: 11434, lmstudio: 1234 });

function builtin(fields: Partial<ProviderInfo> & Pick<ProviderInfo, 'id' | 'name' | 'wireApi'>): ProviderInfo {
  return {
    httpHeaders: {},
    envHttpHeaders: {},
    queryParams: {},
    requestMaxRetries: PROVIDER_DEFAULTS.requestMaxRetries,
    streamMaxRetries: PROVIDER_DEFAULTS.streamMaxRetries,
    streamIdleTimeoutMs: PROVIDER_DEFAULTS.streamIdleTimeoutMs,
    supportsWebsockets: false,
    requiresOpenaiAuth: false,
    source: 'builtin',
    fromWorkspace: false,
    ...fields,
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** The built-in definitions, in display order. Frozen: copy before changing. */
export const BUILTIN_PROVIDERS: readonly ProviderInfo[] = deepFreeze<ProviderInfo[]>([
  builtin({
    id: 'anthropic',
    name: 'Anthropic',
    baseUrl: 'https://api.anthropic.com/v1',
    wireApi: 'anthropic',
    envKey: 'ANTHROPIC_API_KEY',
    envKeyInstructions: 'Create a key at https://console.anthropic.com/settings/keys and set ANTHROPIC_API_KEY, or save it with "Switchboard: Set API Key".',
    // The x-api-key header itself is added by request building from the resolved credential.
    httpHeaders: { 'anthropic-version': '2023-06-01' },
    defaultModel: 'claude-sonnet-4-5',
  }),
  builtin({
    id: 'openai',
    name: 'OpenAI',
    baseUrl: 'https://api.openai.com/v1',
    wireApi: 'responses',
    envKey: 'OPENAI_API_KEY',
    envKeyInstructions: 'Create a key at https://platform.openai.com/api-keys and set OPENAI_API_KEY, or save it with "Switchboard: Set API Key".',
    // As in Codex: organization and project headers when those variables are set.
    envHttpHeaders: { 'OpenAI-Organization': 'OPENAI_ORGANIZATION', 'OpenAI-Project': 'OPENAI_PROJECT' },
    defaultModel: 'gpt-5',
  }),
  builtin({
    id: 'ollama',
    name: 'Ollama',
    baseUrl: 'http://localhost:11434/v1',
    // As Codex 0.169 (checked against the pinned @openai/codex binary: both OSS built-ins POST
    // <base>/responses). Ollama before the Responses API (v0.13) needs a custom provider:
    // [model_providers.ollama-custom] base_url = "http://localhost:11434/v1", wire_api = "chat".
    wireApi: 'responses',
    defaultModel: 'llama3.2',
  }),
  builtin({
    id: 'lmstudio',
    name: 'LM Studio',
    baseUrl: 'http://localhost:1234/v1',
    wireApi: 'responses',
    defaultModel: 'openai/gpt-oss-20b',
  }),
  builtin({
    id: 'azure',
    name: 'Azure OpenAI',
    // No base_url: it names the user's resource and must come from config.
    wireApi: 'responses',
    envKey: 'AZURE_OPENAI_API_KEY',
    envKeyInstructions: 'Copy a key from your Azure OpenAI resource (Keys and Endpoint) and set AZURE_OPENAI_API_KEY.',
    queryParams: { 'api-version': AZURE_DEFAULT_API_VERSION },
  }),
  builtin({
    id: 'amazon-bedrock',
    name: 'Amazon Bedrock',
    // As Codex 0.169 does it: the OpenAI-compatible Bedrock "Mantle" endpoint speaking the
    // Responses API, https://bedrock-mantle.<region>.api.aws/openai/v1 (derived from the region by
    // the config engine), signed with SigV4 for the service `bedrock-mantle`.
    wireApi: 'responses',
    httpHeaders: { 'x-amzn-mantle-client-agent': 'switchboard' },
    aws: {},
  }),
]);

/** The built-in definition with this id, if any. */
export function findBuiltinProvider(id: string): ProviderInfo | undefined {
  return BUILTIN_PROVIDERS.find((p) => p.id === id);
}

/** Whether a config table may not redefine this id. */
export function isReservedProviderId(id: string): boolean {
  return RESERVED_PROVIDER_IDS.includes(id);
}
