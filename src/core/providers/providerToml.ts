/**
 * "Copy as TOML": a provider's effective definition as a `[model_providers.<id>]` table that can be
 * pasted into a config file. Secrets stay out: the bearer token is left out, and header and query
 * values whose names look like credentials are replaced with a placeholder.
 */
import { isSensitiveName } from '../config/displaySafe';
import { renderTable, type TomlEntryValue } from '../config/tomlAppend';
import type { ProviderInfo } from './providerInfo';
import { displayUrl } from '../config/displaySafe';

/** Header or query map with credential-looking values (by name) replaced by `<redacted>`. */
export function redactHeaderValues(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, isSensitiveName(k) ? '<redacted>' : v]));
}

function nonEmpty(map: Record<string, string>): Record<string, string> | undefined {
  return Object.keys(map).length > 0 ? map : undefined;
}

/** The provider as TOML text (main table, then `.auth` and `.aws` sub-tables when present). */
export function providerToToml(provider: ProviderInfo): string {
  const entries: [string, TomlEntryValue | undefined][] = [
    ['name', provider.name],
    ['base_url', provider.baseUrl && displayUrl(provider.baseUrl)],
    ['wire_api', provider.wireApi],
    ['env_key', provider.envKey],
    ['env_key_instructions', provider.envKeyInstructions],
    ['http_headers', nonEmpty(redactHeaderValues(provider.httpHeaders))],
    ['env_http_headers', nonEmpty(provider.envHttpHeaders)],
    ['query_params', nonEmpty(redactHeaderValues(provider.queryParams))],
    ['request_max_retries', provider.requestMaxRetries],
    ['stream_max_retries', provider.streamMaxRetries],
    ['stream_idle_timeout_ms', provider.streamIdleTimeoutMs],
    ['supports_websockets', provider.supportsWebsockets || undefined],
    ['requires_openai_auth', provider.requiresOpenaiAuth || undefined],
    ['default_model', provider.defaultModel],
  ];
  const comments = provider.experimentalBearerToken ? ['experimental_bearer_token is set in your config; left out here on purpose.'] : [];
  let text = renderTable(['model_providers', provider.id], entries, comments);
  if (provider.auth) {
    text += `\n${renderTable(['model_providers', provider.id, 'auth'], [
      ['command', provider.auth.command],
      ['args', provider.auth.args],
      ['timeout_ms', provider.auth.timeoutMs],
      ['refresh_interval_ms', provider.auth.refreshIntervalMs],
    ])}`;
  }
  if (provider.aws && (provider.aws.profile || provider.aws.region)) {
    text += `\n${renderTable(['model_providers', provider.id, 'aws'], [
      ['profile', provider.aws.profile],
      ['region', provider.aws.region],
    ])}`;
  }
  return text;
}
