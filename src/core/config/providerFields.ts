/**
 * Shared shapes of provider merging: the config-backed ProviderInfo fields, the per-provider merge
 * state, defaults for unset fields and the `auth` table conversion.
 */
import { PROVIDER_DEFAULTS } from '../providers/builtins';
import type { CommandAuth, ProviderInfo } from '../providers/providerInfo';
import type { Sourced } from './resolvedConfig';
import type { ProviderLayerTable } from './providerTable';
import type { FieldValues } from './fieldValues';
import { PROVIDER_FIELD_OF } from './providerSchema';

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


/** A provider while layers are merged. */
export interface ProviderState {
  id: string;
  builtin?: ProviderInfo;
  /** camelCase field (and `auth.command`, `aws.region`...) -> merged value. */
  values: FieldValues;
  /** The accepted tables, lowest layer first: a value's provenance is the last table that sets it. */
  tables: readonly ProviderLayerTable[];
  /**
   * Provenance of values no table set and that are not the built-in's own: a built-in's base URL
   * from the environment, Bedrock's region from `AWS_REGION` and what is derived from it.
   */
  origins?: Map<string, Omit<Sourced<unknown>, 'value'>>;
  fromWorkspace: boolean;
}

export interface MergeContext {
  homeDir: string;
  /** Base URLs the environment / `openai_base_url` give built-ins. */
  builtinBaseUrls: Map<string, Sourced<string> & { fromWorkspace?: boolean }>;
  /** Region for Bedrock from the environment. */
  awsRegion?: Sourced<string>;
}

/** Keys of the `auth` and `aws` sub-tables -> their camelCase names (`auth.timeoutMs`...). */
export const SUB_FIELD_NAMES: Readonly<Record<string, string>> = {
  command: 'command',
  args: 'args',
  timeout_ms: 'timeoutMs',
  refresh_interval_ms: 'refreshIntervalMs',
  cwd: 'cwd',
  profile: 'profile',
  region: 'region',
};

const SUB_KEY_OF: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(SUB_FIELD_NAMES).map(([key, name]) => [name, key]));
const TABLE_KEY_OF: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(PROVIDER_FIELD_OF).map(([key, field]) => [field, key]));

/** Where a field or sub-field is written in a provider table: `baseUrl` -> [`base_url`], `auth.timeoutMs` -> [`auth`, `timeout_ms`]. */
export function tablePathOf(fieldKey: string): string[] {
  const dot = fieldKey.indexOf('.');
  if (dot < 0) return [TABLE_KEY_OF[fieldKey] ?? fieldKey];
  const name = fieldKey.slice(dot + 1);
  return [TABLE_KEY_OF[fieldKey.slice(0, dot)] ?? fieldKey.slice(0, dot), SUB_KEY_OF[name] ?? name];
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
