/**
 * Turns a provider config plus a credential into the URL and headers of one HTTP request, the
 * way Codex does (checked against the real Codex CLI in test/integration/codexOracle):
 *
 * - URL: `base_url` without trailing slashes + the endpoint path, then `query_params`;
 * - `http_headers` as given; `env_http_headers` only when the variable is set and not blank;
 * - the credential as `Authorization: Bearer <token>`, except: `x-api-key` for Anthropic's
 *   Messages API and `api-key` for Azure OpenAI keys (see `authHeaderFor`). Like Codex, the
 *   credential replaces a configured header of the same name; for Azure, a configured `api-key`
 *   or `Authorization` header is kept and no credential header is added.
 *
 * One deliberate divergence: Codex 0.169 does not escape `&` in query values (`a b&c` becomes
 * two parameters); we encode every value with `encodeURIComponent` (`&` -> `%26`, space -> `%20`).
 */
import { SwitchboardError } from '../../shared/errors';
import type { Env } from '../ports';
import type { Credential } from './credential';
import { readEnvValue } from './providerAuth';
import type { ProviderInfo } from './providerInfo';

/** What `buildProviderRequest` needs. */
export interface ProviderRequestInput {
  provider: ProviderInfo;
  /** Endpoint path such as `/responses`, `/chat/completions`, `/messages`, `/models`. */
  path: string;
  credential: Credential;
  env: Env;
}

/** The URL and headers of one request. `headers` contains the credential: never log it raw. */
export interface ProviderRequest {
  url: string;
  headers: Record<string, string>;
}

/** The Anthropic API version sent when the config sets none (required by the Messages API). */
export const ANTHROPIC_VERSION = '2023-06-01';

const AZURE_HOST_SUFFIXES = ['.openai.azure.com', '.cognitiveservices.azure.com'];

/** Whether the provider is Azure OpenAI: the `azure` built-in or an Azure OpenAI host. */
export function isAzureProvider(provider: ProviderInfo): boolean {
  if (provider.id === 'azure') return true;
  if (!provider.baseUrl) return false;
  try {
    const host = new URL(provider.baseUrl).hostname.toLowerCase();
    return AZURE_HOST_SUFFIXES.some((suffix) => host.endsWith(suffix));
  } catch {
    return false;
  }
}

/** Builds the request URL: base URL (query kept) + path + `query_params`, properly encoded. */
export function buildProviderUrl(provider: ProviderInfo, path: string): string {
  const base = provider.baseUrl?.trim();
  if (!base) {
    throw new SwitchboardError({
      kind: 'config',
      message: `Provider \`${provider.id}\` has no base_url${provider.file ? ` (${provider.file}${provider.line ? `:${provider.line}` : ''})` : ''}.`,
      fix: `Add \`base_url = "https://..."\` to \`[model_providers.${provider.id}]\`.`,
      providerId: provider.id,
      actions: ['openConfig'],
    });
  }
  const queryAt = base.indexOf('?');
  const origin = (queryAt === -1 ? base : base.slice(0, queryAt)).replace(/\/+$/, '');
  const existing = queryAt === -1 ? '' : base.slice(queryAt + 1);
  const suffix = path === '' || path.startsWith('/') ? path : `/${path}`;
  const added = Object.entries(provider.queryParams).map(
    ([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`,
  );
  const query = [existing, ...added].filter((part) => part !== '').join('&');
  const url = `${origin}${suffix}${query ? `?${query}` : ''}`;
  if (!isHttpUrl(url)) throw invalidBaseUrl(provider, base);
  return url;
}

function isHttpUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

function invalidBaseUrl(provider: ProviderInfo, base: string): SwitchboardError {
  const where = provider.file ? ` (${provider.file}${provider.line ? `:${provider.line}` : ''})` : '';
  const placeholder = /[<>]|\$\{|\$[A-Z_]/.test(base);
  return new SwitchboardError({
    kind: 'config',
    message: `Provider \`${provider.id}\` has base_url "${base}"${where}, which is not an http(s) URL.`,
    fix: placeholder
      ? 'Replace the placeholder with the real address (config.toml does not expand variables or templates), e.g. "https://api.example.com/v1".'
      : 'Set base_url to the full address including http:// or https://, e.g. "https://api.example.com/v1".',
    providerId: provider.id,
    actions: ['openConfig'],
  });
}

/**
 * The header carrying the credential, or undefined when there is no token.
 * - Anthropic Messages API (`wire_api = "anthropic"`): `x-api-key`, Anthropic's documented form.
 *   Tokens from an auth command are short-lived OAuth-style tokens and go as `Bearer`.
 * - Azure OpenAI with an API key (from `env_key` or a saved key): `api-key: <key>`, the header
 *   Azure documents for key authentication. Microsoft Entra ID tokens (auth command) and
 *   `experimental_bearer_token` stay `Authorization: Bearer`, which Azure documents for tokens.
 * - Everything else: `Authorization: Bearer <token>`, as Codex sends.
 */
export function authHeaderFor(provider: ProviderInfo, credential: Credential): [string, string] | undefined {
  const token = credential.token;
  if (!token) return undefined;
  const type = credential.source.type;
  if (provider.wireApi === 'anthropic' && type !== 'command') return ['x-api-key', token];
  if (isAzureProvider(provider) && (type === 'env' || type === 'secret-storage')) return ['api-key', token];
  return ['Authorization', `Bearer ${token}`];
}

/** Header names that already carry an Azure credential when the config sets them itself. */
const AZURE_AUTH_HEADERS = ['authorization', 'api-key'];

/** Builds `{ url, headers }` for one request to `provider`. */
export function buildProviderRequest(input: ProviderRequestInput): ProviderRequest {
  const { provider, credential, env } = input;
  const url = buildProviderUrl(provider, input.path);
  const headers: Record<string, string> = { ...provider.httpHeaders };
  for (const [name, variable] of Object.entries(provider.envHttpHeaders)) {
    const value = readEnvValue(env, variable);
    if (value !== undefined) headers[name] = value;
  }
  const configured = new Set(Object.keys(headers).map((name) => name.toLowerCase()));
  const auth = authHeaderFor(provider, credential);
  if (auth && isAzureProvider(provider) && AZURE_AUTH_HEADERS.some((name) => configured.has(name))) {
    // Azure config that sets its own key header (e.g. corpus 039's
    // `env_http_headers = { "api-key" = "AZURE_OPENAI_API_KEY" }`): keep it, add no second credential.
  } else if (auth) {
    // As Codex does: the resolved credential replaces a configured header of the same name.
    for (const name of Object.keys(headers)) if (name.toLowerCase() === auth[0].toLowerCase()) delete headers[name];
    headers[auth[0]] = auth[1];
  }
  if (provider.wireApi === 'anthropic' && !configured.has('anthropic-version')) headers['anthropic-version'] = ANTHROPIC_VERSION;
  return { url, headers };
}
