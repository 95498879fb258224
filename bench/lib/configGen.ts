/**
 * Generates a large Codex `config.toml` for the config benchmark: `providers` providers using
 * every provider key (headers, env headers, query params, retries, auth command tables) and
 * `profiles` `[profiles.<name>]` tables, one of which is selected.
 */

const WIRES = ['responses', 'chat', 'anthropic'] as const;

function provider(i: number): string {
  const lines = [
    `[model_providers.gw${i}]`,
    `name = "Gateway ${i}"`,
    `base_url = "https://gw${i}.example.com/v1"`,
    `wire_api = "${WIRES[i % WIRES.length]}"`,
    `default_model = "model-${i % 17}"`,
    `request_max_retries = ${i % 5}`,
    `stream_max_retries = ${(i % 4) + 1}`,
    `stream_idle_timeout_ms = ${60_000 + i}`,
  ];
  if (i % 3 === 0) lines.push(`env_key = "GW${i}_API_KEY"`, `env_key_instructions = "Create a key at https://gw${i}.example.com/keys"`);
  if (i % 4 === 0) lines.push(`http_headers = { "X-Team" = "team-${i % 9}", "X-Trace" = "on" }`);
  if (i % 5 === 0) lines.push(`env_http_headers = { "X-Org" = "GW${i}_ORG" }`);
  if (i % 6 === 0) lines.push(`query_params = { "api-version" = "2025-04-01-preview" }`);
  if (i % 7 === 0) lines.push('requires_openai_auth = false', 'supports_websockets = false');
  if (i % 3 === 1) lines.push('', `[model_providers.gw${i}.auth]`, 'command = "gcloud"', 'args = ["auth", "print-access-token"]', 'timeout_ms = 5000', 'refresh_interval_ms = 300000');
  return lines.join('\n');
}

function profile(i: number, providers: number): string {
  return [
    `[profiles.team${i}]`,
    `model_provider = "gw${(i * 37) % providers}"`,
    `model = "model-${i % 11}"`,
    `model_reasoning_effort = "${['low', 'medium', 'high'][i % 3]}"`,
    `approval_policy = "${i % 2 === 0 ? 'on-request' : 'never'}"`,
  ].join('\n');
}

/** The config text; `profile` (the selected one) is `team<selected>`. */
export function generateConfig(providers: number, profiles: number, selected = Math.floor(profiles / 2)): string {
  const parts = [
    '# Generated for the Switchboard config benchmark.',
    `model_provider = "gw1"`,
    `model = "model-1"`,
    `profile = "team${selected}"`,
    '',
  ];
  for (let i = 0; i < providers; i++) parts.push(provider(i), '');
  for (let i = 0; i < profiles; i++) parts.push(profile(i, providers), '');
  return parts.join('\n');
}
