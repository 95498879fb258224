/**
 * Shared shapes of provider merging: the config-backed ProviderInfo fields, the per-provider merge
 * state, defaults for unset fields and the `auth` table conversion.
 */
import { PROVIDER_DEFAULTS } from '../providers/builtins';
import type { CommandAuth, ProviderInfo } from '../providers/providerInfo';
import type { Sourced } from './resolvedConfig';
import type { ProviderLayerTable } from './providerTable';

/** The ProviderInfo fields that come from config, in display order. */
export const PROVIDER_CONFIG_FIELDS = [
  'name',
  'baseUrl',
  'wireApi',
  'envKey',
  'envKeyInstructions',
  'httpHeaders',
  'envHttpHeaders',
  'queryParams',
  'requestMaxRetries',
  'streamMaxRetries',
  'streamIdleTimeoutMs',
  'supportsWebsockets',
  'requiresOpenaiAuth',
  'experimentalBearerToken',
  'auth',
  'defaultModel',
  'caCertificate',
  'aws',
] as const satisfies readonly (keyof ProviderInfo)[];

export type ProviderConfigField = (typeof PROVIDER_CONFIG_FIELDS)[number];

/**
 * One field's merged value (the real value, not the display-safe one) and the layer that last set
 * it. For primitive fields the same object becomes the `fieldSources` entry.
 */
export type FieldState = Sourced<unknown>;

/** A provider while layers are merged. */
export interface ProviderState {
  id: string;
  builtin?: ProviderInfo;
  /** camelCase field (and `auth.command`, `aws.region`...) -> state. */
  fields: Map<string, FieldState>;
  /** The accepted tables, lowest layer first. */
  tables: ProviderLayerTable[];
  fromWorkspace: boolean;
}

export interface MergeContext {
  homeDir: string;
  /** Base URLs the environment / `openai_base_url` give built-ins. */
  builtinBaseUrls: Map<string, Sourced<string> & { fromWorkspace?: boolean }>;
  /** Region for Bedrock from the environment. */
  awsRegion?: Sourced<string>;
}

/** Defaults for a field no layer set, labelled as built-in. */
export function defaultFieldValue(field: ProviderConfigField, id: string): unknown {
  switch (field) {
    case 'name':
      return id;
    case 'wireApi':
      return PROVIDER_DEFAULTS.wireApi;
    case 'httpHeaders':
    case 'envHttpHeaders':
    case 'queryParams':
      return {};
    case 'requestMaxRetries':
      return PROVIDER_DEFAULTS.requestMaxRetries;
    case 'streamMaxRetries':
      return PROVIDER_DEFAULTS.streamMaxRetries;
    case 'streamIdleTimeoutMs':
      return PROVIDER_DEFAULTS.streamIdleTimeoutMs;
    case 'supportsWebsockets':
    case 'requiresOpenaiAuth':
      return false;
    default:
      return undefined;
  }
}

/** A complete CommandAuth from a merged partial `auth` table, or undefined without a command. */
export function toCommandAuth(partial: Record<string, unknown>): CommandAuth | undefined {
  if (typeof partial.command !== 'string' || partial.command.trim() === '') return undefined;
  const auth: CommandAuth = {
    command: partial.command,
    args: Array.isArray(partial.args) ? partial.args.map(String) : [],
    timeoutMs: typeof partial.timeoutMs === 'number' ? partial.timeoutMs : PROVIDER_DEFAULTS.authTimeoutMs,
    refreshIntervalMs: typeof partial.refreshIntervalMs === 'number' ? partial.refreshIntervalMs : PROVIDER_DEFAULTS.authRefreshIntervalMs,
  };
  if (typeof partial.cwd === 'string') auth.cwd = partial.cwd;
  return auth;
}
