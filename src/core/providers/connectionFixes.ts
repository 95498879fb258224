/**
 * The fixes the connection test suggests, worded after the provider debugging checklist: verify
 * wire_api, check the base URL (`/v1` missing or doubled), inspect auth (which key, which
 * command), test streaming (stream_idle_timeout_ms, SSE support), confirm the model name.
 * None of them ever contains a credential value.
 */
import type { ErrorInfo } from '../../shared/errors';
import type { Env } from '../ports';
import type { StepOutcome } from './connectionTest';
import { describeCredentialSource, type CredentialSource } from './credential';
import { effectiveEnvKey, readEnvValue } from './providerAuth';
import type { ProviderInfo } from './providerInfo';

/** "user ~/.codex/config.toml:3" style words for where a provider is defined. */
export function whereDefined(provider: ProviderInfo): string {
  if (!provider.file) return `defined by ${provider.source === 'builtin' ? 'Switchboard (built-in)' : provider.source}`;
  return `defined in ${provider.file}${provider.line !== undefined ? `:${provider.line}` : ''}`;
}

/** `[model_providers.<id>]` plus its file:line when known. */
export function tableOf(provider: ProviderInfo): string {
  const where = provider.file ? ` (${provider.file}${provider.line !== undefined ? `:${provider.line}` : ''})` : '';
  return `[model_providers.${provider.id}]${where}`;
}

/** The credential could not be obtained: missing variable, failing auth command, untrusted workspace. */
export function credentialFailure(provider: ProviderInfo, info: ErrorInfo, env: Env): StepOutcome {
  const base = { status: 'fail' as const, detail: info.message, error: info };
  const envKey = effectiveEnvKey(provider);
  if (provider.auth) {
    const command = [provider.auth.command, ...provider.auth.args].join(' ');
    return {
      ...base,
      area: 'auth',
      fix: `${info.fix ?? `Run \`${command}\` yourself and check that it prints a token.`} The command line is \`${command}\`, in [model_providers.${provider.id}.auth].`,
    };
  }
  if (envKey && !readEnvValue(env, envKey) && info.kind === 'auth' && /Missing environment variable/.test(info.message)) {
    const instructions = provider.envKeyInstructions?.trim();
    return {
      ...base,
      area: 'auth',
      fix:
        `Set the environment variable ${envKey} to your API key (e.g. \`export ${envKey}=...\`) before starting Switchboard` +
        `${instructions ? `. ${instructions}` : '.'} (env_key = "${envKey}" in ${tableOf(provider)}.)`,
    };
  }
  return { ...base, area: info.kind === 'config' ? 'config' : 'auth', fix: info.fix ?? `Check the credential settings in ${tableOf(provider)}.` };
}

/** The provider rejected the credential (401) or refused access (403): name where the credential came from. */
export function rejectedCredentialFix(provider: ProviderInfo, source: CredentialSource, status: number | undefined): string {
  const from = describeCredentialSource(source);
  const what = status === 403 ? `refused access (403) with the credential from ${from}` : `rejected the credential from ${from}${status ? ` (${status})` : ''}`;
  const table = tableOf(provider);
  let check: string;
  switch (source.type) {
    case 'env':
      check = `check that ${source.name} holds a current, complete key for this provider (and not another provider's key)`;
      if (provider.envKeyInstructions?.trim()) check += `. ${provider.envKeyInstructions.trim()}`;
      break;
    case 'command':
      check = `run \`${[provider.auth?.command ?? source.command, ...(provider.auth?.args ?? [])].join(' ')}\` yourself and check that the token it prints is valid for this provider; fix [model_providers.${provider.id}.auth] if not`;
      break;
    case 'bearer-token':
      check = `update experimental_bearer_token in ${table} (better: move the key to an environment variable named by env_key)`;
      break;
    case 'secret-storage':
      check = 'save a new key with "Set API Key"';
      break;
    case 'aws':
      check = 'check your AWS credentials (profile, keys or SSO session) and that they may call Amazon Bedrock in this region';
      break;
    case 'none':
      check = `this provider wants a credential and none is configured: set env_key = "<VARIABLE>" in ${table} and export your key in that variable`;
      break;
  }
  const access = status === 403 ? ' If the key is right, it may lack access to this model or endpoint.' : '';
  return `The provider ${what}: ${check}.${access}`;
}

/** The model name is wrong (404/400 mentioning the model). */
export function modelFix(provider: ProviderInfo, model: string | undefined, listed: readonly string[] | undefined): string {
  const shown = listed && listed.length > 0 ? ` The provider lists: ${listed.slice(0, 8).join(', ')}${listed.length > 8 ? ', …' : ''}.` : '';
  return (
    `Check the model name${model ? ` "${model}"` : ''}: it is passed to the provider as is ` +
    `(Azure uses your deployment name; Vertex uses full model paths such as "google/gemini-2.5-pro"). ` +
    `Set it with --model, model = "..." or default_model in ${tableOf(provider)}.${shown}`
  );
}

/** No usable stream: not SSE, stalled, or ended before `done`. */
export function streamingFix(provider: ProviderInfo, what: string): string {
  return (
    `${what} Check the server's streaming support (SSE with \`stream: true\` at this endpoint; some providers answer ` +
    `completions but fail on streaming), and check stream_idle_timeout_ms in [model_providers.${provider.id}] ` +
    `(now ${provider.streamIdleTimeoutMs} ms) if the model is just slow to start.`
  );
}

/** Whether an error message says the model is unknown or unusable (unknown model, deployment not found...). */
export function mentionsModel(message: string, provider?: ProviderInfo): boolean {
  let text = message.replace(/\bhttps?:\/\/\S+/g, '');
  // The provider's own name ("Model Gateway") says nothing about the model.
  for (const name of [provider?.name, provider?.id]) if (name) text = text.split(name).join('');
  if (/does not know the model/i.test(text)) return true;
  return (
    /\b(model|deployment)s?\b/i.test(text) &&
    /not[ _]?found|does not exist|doesn't exist|unknown|no such|not available|invalid|not supported|unsupported/i.test(text)
  );
}
