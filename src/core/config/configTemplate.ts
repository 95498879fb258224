/**
 * Starting text for config files Switchboard creates ("Open User Config", "Open Workspace Config"):
 * everything commented out, so creating the file changes nothing until the user edits it.
 */

/** Template for `$CODEX_HOME/config.toml` (shared with the Codex CLI). */
export function userConfigTemplate(): string {
  return `# Switchboard / Codex CLI user configuration.
# Shared with the Codex CLI. Reference: https://github.com/openai/codex/blob/main/docs/config.md
# Everything below is commented out; remove the leading "# " to use a line.

# The provider and model used when nothing more specific chooses one.
# model_provider = "anthropic"
# model = "claude-sonnet-4-5"

# A provider of your own (an OpenAI-compatible gateway, LiteLLM, OpenRouter, ...):
# [model_providers.my-gateway]
# name = "My gateway"
# base_url = "https://gateway.example.com/v1"
# wire_api = "chat"            # "responses", "chat" or "anthropic"
# env_key = "MY_GATEWAY_API_KEY"
# default_model = "gpt-4o-mini"
# http_headers = { "X-Team" = "platform" }

# A token from a command instead of an API key:
# [model_providers.my-gateway.auth]
# command = "gcloud"
# args = ["auth", "print-access-token"]
# refresh_interval_ms = 300000

# Named sets of settings, chosen with "Switchboard: Select Profile":
# [profiles.fast]
# model_provider = "openai"
# model = "gpt-5-mini"
`;
}

/** Template for a workspace `codex.toml` (applies only in a trusted workspace). */
export function workspaceConfigTemplate(): string {
  return `# Switchboard workspace configuration (same format as ~/.codex/config.toml).
# Applies to this folder only, and only when the workspace is trusted.
# Everything below is commented out; remove the leading "# " to use a line.

# model_provider = "my-gateway"
# model = "gpt-4o-mini"

# [model_providers.my-gateway]
# name = "Team gateway"
# base_url = "https://gateway.example.com/v1"
# wire_api = "chat"
# env_key = "MY_GATEWAY_API_KEY"
`;
}
