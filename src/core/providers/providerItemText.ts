/**
 * The words on a Providers tree item: label, one-line description and markdown tooltip
 * (base URL, wire API, default model, where it is defined, credential source, trust).
 * Never contains a secret: credentials appear only as their source.
 */
import { displayPath } from '../config/sourceWords';
import type { AuthStatus } from './authStatus';
import type { ProviderInfo } from './providerInfo';
import { displayUrl } from '../config/displaySafe';

/** Escapes text for a markdown tooltip so config values cannot inject links or formatting. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`);
}

export interface ProviderItemInput {
  provider: ProviderInfo;
  active: boolean;
  auth: AuthStatus;
  /** Fetched model count, when "List models" ran. */
  modelCount?: number;
  /** Whether a built-in of the same id was customized by a file. */
  customizedBuiltin?: boolean;
  homeDir?: string;
}

export interface ProviderItemText {
  label: string;
  description: string;
  tooltip: string;
}

const SOURCE_WORDS: Record<ProviderInfo['source'], string> = {
  builtin: 'built-in',
  user: 'user file',
  profile: 'profile file',
  workspace: 'workspace file',
  env: 'environment',
  flag: 'override',
};

/** Builds the tree item's text for one provider. */
export function providerItemText(input: ProviderItemInput): ProviderItemText {
  const { provider, auth } = input;
  const label = provider.name && provider.name !== provider.id ? `${provider.name} (${provider.id})` : provider.id;
  const parts = [auth.summary, provider.wireApi];
  if (provider.defaultModel) parts.push(provider.defaultModel);
  if (input.active) parts.unshift('● active');
  const description = parts.join(' · ');

  const lines: string[] = [];
  lines.push(`**${escapeMarkdown(label)}**${input.active ? ' — active' : ''}`);
  lines.push(`Base URL: ${provider.baseUrl ? escapeMarkdown(displayUrl(provider.baseUrl)) : '_not set_'}`);
  lines.push(`Wire API: ${escapeMarkdown(provider.wireApi)}`);
  lines.push(`Default model: ${provider.defaultModel ? escapeMarkdown(provider.defaultModel) : '_none_'}`);
  if (input.modelCount !== undefined) lines.push(`Models listed: ${input.modelCount}`);
  const defined = provider.file
    ? `${SOURCE_WORDS[provider.source]} ${escapeMarkdown(displayPath(provider.file, input.homeDir))}${provider.line !== undefined ? `:${provider.line}` : ''}`
    : SOURCE_WORDS[provider.source];
  lines.push(`Defined in: ${defined}${input.customizedBuiltin ? ' (customizes a built-in)' : ''}`);
  for (const detail of auth.details) lines.push(escapeMarkdown(detail));
  return { label, description, tooltip: lines.join('\n\n') };
}
