/**
 * The status bar item: `$(plug) provider · model`, with a tooltip saying where each came from,
 * the credential source and how many configuration problems there are.
 */
import { escapeMarkdown } from '../providers/providerItemText';
import type { ResolvedConfig } from './resolvedConfig';
import { describeSourced, type ExplicitOrigin } from './sourceWords';

export interface StatusTextInput {
  config: ResolvedConfig | undefined;
  /** Which explicit mechanism set provider/model/profile (when their source is `flag`). */
  origins: { provider?: ExplicitOrigin; model?: ExplicitOrigin; profile?: ExplicitOrigin };
  /** Credential source words for the active provider (e.g. "environment variable OPENAI_API_KEY"). */
  credential?: string;
  /** The configuration shown is the last good one because the newest load failed. */
  keptLastGood?: boolean;
  homeDir?: string;
}

export interface StatusText {
  text: string;
  tooltip: string;
  /** Error diagnostics exist: show a warning background. */
  warning: boolean;
}

/** Text and tooltip for the status bar item. */
export function statusText(input: StatusTextInput): StatusText {
  const config = input.config;
  if (!config) return { text: '$(loading~spin) Switchboard', tooltip: 'Switchboard: loading configuration…', warning: false };
  const provider = config.providers.find((p) => p.id === config.provider.value);
  const providerLabel = provider?.name && provider.name !== provider.id ? provider.name : config.provider.value;
  const errors = config.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = config.diagnostics.filter((d) => d.severity === 'warning').length;
  const icon = errors > 0 ? '$(warning)' : '$(plug)';
  const text = `${icon} ${providerLabel} · ${config.model.value ?? 'no model'}`;

  const lines: string[] = ['**Switchboard**'];
  lines.push(`Provider: ${escapeMarkdown(config.provider.value)} — from ${escapeMarkdown(describeSourced(config.provider, { field: 'provider', origin: input.origins.provider, homeDir: input.homeDir }))}`);
  lines.push(
    config.model.value !== undefined
      ? `Model: ${escapeMarkdown(config.model.value)} — from ${escapeMarkdown(describeSourced(config.model, { field: 'model', origin: input.origins.model, homeDir: input.homeDir }))}`
      : 'Model: none set — run "Switchboard: Select Model" or set default_model',
  );
  if (config.profile.value !== undefined) {
    lines.push(`Profile: ${escapeMarkdown(config.profile.value)} — from ${escapeMarkdown(describeSourced(config.profile, { field: 'profile', origin: input.origins.profile, homeDir: input.homeDir }))}`);
  }
  if (input.credential) lines.push(`Credential: ${escapeMarkdown(input.credential)}`);
  if (errors + warnings > 0) lines.push(`${errors} error(s), ${warnings} warning(s) in the configuration — see the Problems panel`);
  if (input.keptLastGood) lines.push('The newest configuration has errors; using the last good one until they are fixed.');
  lines.push('Click to select a provider');
  return { text, tooltip: lines.join('\n\n'), warning: errors > 0 };
}
