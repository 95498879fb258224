/**
 * The zod schema of one `[model_providers.<id>]` table: every key Codex reads, plus our
 * `default_model`, `ca_certificate` and the Bedrock `aws` sub-table. Every key is optional here
 * because a table in one layer may set only some keys (tables merge key by key across layers);
 * defaults are applied after merging (see `providerDefaults.ts`). The descriptions end up in
 * schemas/config.schema.json, which editors use for completion and hover.
 */
import { z } from 'zod';
import type { ProviderInfo, WireApi } from '../providers/providerInfo';

/** Wire protocols a provider may speak. */
export const WIRE_APIS: readonly WireApi[] = ['responses', 'chat', 'anthropic'];

const stringMap = z.record(z.string(), z.string());

/** `[model_providers.<id>.auth]`: a command that prints a bearer token. */
export const authTableSchema = z
  .object({
    command: z
      .string()
      .min(1)
      .describe('Program that prints a bearer token on stdout. Run without a shell, in the directory of the config file that set it.'),
    args: z.array(z.string()).optional().describe('Arguments passed to `command`.'),
    timeout_ms: z
      .number()
      .int()
      .min(1)
      .optional()
      .meta({ description: 'Kill the command after this many milliseconds.', default: 5000 }),
    refresh_interval_ms: z
      .number()
      .int()
      .min(0)
      .optional()
      .meta({ description: 'Run the command again after this many milliseconds; 0 means only after a 401.', default: 300000 }),
  })
  .describe('Command-based authentication. Cannot be combined with env_key, experimental_bearer_token or requires_openai_auth.');

/** `[model_providers.amazon-bedrock.aws]`. */
export const awsTableSchema = z
  .object({
    profile: z.string().min(1).optional().describe('AWS profile from ~/.aws/config and ~/.aws/credentials (default: AWS_PROFILE or "default").'),
    region: z.string().min(1).optional().describe('AWS region of the Bedrock endpoint (default: AWS_REGION or AWS_DEFAULT_REGION).'),
  })
  .describe('AWS settings for the amazon-bedrock provider.');

/** One `[model_providers.<id>]` table. */
export const providerTableSchema = z
  .object({
    name: z.string().min(1).optional().describe('Display name (default: the provider id).'),
    base_url: z
      .string()
      .min(1)
      .optional()
      .describe('Base URL of the API, e.g. "https://api.openai.com/v1". One trailing slash is removed. The wire path (/responses, /chat/completions, /messages) is appended.'),
    env_key: z.string().min(1).optional().describe('Name of the environment variable that holds the API key (sent as a bearer token).'),
    env_key_instructions: z.string().optional().describe('Shown when the env_key variable is missing: how to get a key.'),
    wire_api: z
      .enum(['responses', 'chat', 'anthropic'])
      .optional()
      .meta({ description: 'Protocol: "responses" (OpenAI Responses), "chat" (Chat Completions) or "anthropic" (Messages).', default: 'responses' }),
    http_headers: stringMap.optional().describe('Extra HTTP headers: header name -> value.'),
    env_http_headers: stringMap
      .optional()
      .describe('HTTP headers from environment variables: header name -> variable name. Sent only when the variable is set and non-empty.'),
    query_params: stringMap.optional().describe('Query parameters added to every request URL, e.g. { api-version = "2025-04-01-preview" }.'),
    request_max_retries: z
      .number()
      .int()
      .min(0)
      .optional()
      .meta({ description: 'How many times to retry a failed HTTP request (capped at 100).', default: 4 }),
    stream_max_retries: z
      .number()
      .int()
      .min(0)
      .optional()
      .meta({ description: 'How many times to reconnect a dropped stream (capped at 100).', default: 5 }),
    stream_idle_timeout_ms: z
      .number()
      .int()
      .min(1)
      .optional()
      .meta({ description: 'Treat a stream as lost after this many milliseconds without data.', default: 300000 }),
    supports_websockets: z.boolean().optional().meta({ description: 'Whether the provider supports the Responses API over WebSocket.', default: false }),
    requires_openai_auth: z
      .boolean()
      .optional()
      .meta({ description: 'Use the OpenAI API key (OPENAI_API_KEY) for this provider when it has no env_key.', default: false }),
    experimental_bearer_token: z
      .string()
      .min(1)
      .optional()
      .describe('A bearer token written in the file. Discouraged: prefer env_key or a key saved in VS Code SecretStorage.'),
    auth: authTableSchema.optional(),
    default_model: z.string().min(1).optional().describe('Model used with this provider when no model is chosen elsewhere (Switchboard addition).'),
    ca_certificate: z
      .string()
      .min(1)
      .optional()
      .describe('Path to a PEM file of extra CA certificates for this provider; relative paths are resolved against the config file (Switchboard addition).'),
    aws: awsTableSchema.optional(),
  })
  .describe('A model provider. Built-in ids: anthropic, openai, ollama, lmstudio (not redefinable), azure and amazon-bedrock (partial overrides allowed).');

/** Config keys of a provider table, in schema order. */
export const PROVIDER_TABLE_KEYS = Object.keys(providerTableSchema.shape) as (keyof typeof providerTableSchema.shape)[];

export type ProviderTableKey = (typeof PROVIDER_TABLE_KEYS)[number];

/** The ProviderInfo fields a config key maps to (snake_case -> camelCase). */
export const PROVIDER_FIELD_OF: Record<ProviderTableKey, keyof ProviderInfo> = {
  name: 'name',
  base_url: 'baseUrl',
  env_key: 'envKey',
  env_key_instructions: 'envKeyInstructions',
  wire_api: 'wireApi',
  http_headers: 'httpHeaders',
  env_http_headers: 'envHttpHeaders',
  query_params: 'queryParams',
  request_max_retries: 'requestMaxRetries',
  stream_max_retries: 'streamMaxRetries',
  stream_idle_timeout_ms: 'streamIdleTimeoutMs',
  supports_websockets: 'supportsWebsockets',
  requires_openai_auth: 'requiresOpenaiAuth',
  experimental_bearer_token: 'experimentalBearerToken',
  auth: 'auth',
  default_model: 'defaultModel',
  ca_certificate: 'caCertificate',
  aws: 'aws',
};

/** Upper bounds: Codex caps the retry counts at 100; timers cannot exceed Node's 2^31-1 ms. */
export const VALUE_CAPS: Record<string, number> = {
  request_max_retries: 100,
  stream_max_retries: 100,
  stream_idle_timeout_ms: 2_147_483_647,
  'auth.timeout_ms': 2_147_483_647,
  'auth.refresh_interval_ms': 2_147_483_647,
};

/** Keys people write in provider tables that Codex does not read, with what to do instead. */
export const PROVIDER_KEY_HINTS: Record<string, string> = {
  api_base: 'Use `base_url` instead.',
  api_url: 'Use `base_url` instead.',
  base: 'Use `base_url` instead.',
  url: 'Use `base_url` instead.',
  endpoint: 'Use `base_url` instead.',
  baseurl: 'Use `base_url` instead.',
  baseUrl: 'Use `base_url` instead.',
  api_key: 'Keys do not belong in config files: set `env_key` to the name of an environment variable holding the key, or save the key in VS Code SecretStorage (Switchboard: Set API Key).',
  apikey: 'Keys do not belong in config files: set `env_key` to the name of an environment variable holding the key, or save the key in VS Code SecretStorage (Switchboard: Set API Key).',
  model: 'A provider table does not choose the model: use `default_model` here, or `model` at the top level or in a profile.',
  headers: 'Use `http_headers` (fixed values) or `env_http_headers` (values from environment variables).',
  provider: 'A provider table has no `provider` key; the table name is the provider id.',
};
