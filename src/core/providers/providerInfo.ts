/**
 * The effective definition of one provider after the config layers are merged: what the auth,
 * request-building and wire code consume. Field names follow Codex's `config.toml` keys in camelCase.
 */

export type WireApi = 'responses' | 'chat' | 'anthropic';

/** Where a provider (or a value) came from, highest precedence first. */
export type ConfigSource = 'flag' | 'env' | 'workspace' | 'user' | 'profile' | 'builtin';

export interface CommandAuth {
  command: string;
  args: string[];
  /** Kill the command after this long (default 5000). */
  timeoutMs: number;
  /** Fetch a fresh token this often (default 300000); 0 means only on 401. */
  refreshIntervalMs: number;
  /** Working directory for the command (the directory of the config file that defined it). */
  cwd?: string;
}

/** AWS settings for the `amazon-bedrock` built-in: `[model_providers.amazon-bedrock.aws]`. */
export interface AwsSettings {
  profile?: string;
  region?: string;
}

export interface ProviderInfo {
  id: string;
  name: string;
  /** Base URL without trailing slash; may be undefined when config leaves it out (an error at use). */
  baseUrl?: string;
  wireApi: WireApi;
  envKey?: string;
  envKeyInstructions?: string;
  httpHeaders: Record<string, string>;
  /** Header name -> environment variable name; sent only when the variable is set. */
  envHttpHeaders: Record<string, string>;
  queryParams: Record<string, string>;
  requestMaxRetries: number;
  streamMaxRetries: number;
  streamIdleTimeoutMs: number;
  supportsWebsockets: boolean;
  requiresOpenaiAuth: boolean;
  experimentalBearerToken?: string;
  auth?: CommandAuth;
  defaultModel?: string;
  /** Path to a PEM file of extra CA certificates for this provider (our addition). */
  caCertificate?: string;
  aws?: AwsSettings;
  /** Layer that defined this provider (the highest layer that touched it). */
  source: ConfigSource;
  /** Absolute path of the file whose table defined it, when from a file. */
  file?: string;
  /** 1-based line of its `[model_providers.<id>]` table in `file`. */
  line?: number;
  /** True when any part of the definition came from a workspace file (a security boundary). */
  fromWorkspace: boolean;
}
