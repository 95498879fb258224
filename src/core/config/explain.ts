/**
 * "Explain Active Configuration" / `switchboard config explain`: a plain-text account of which
 * provider, model and profile are active and why, the files read, where every field of the
 * provider came from, and the diagnostics. Secrets never appear: values come from the
 * display-safe `fieldSources`, and the bearer token is shown as "(hidden)".
 */
import type { ConfigSource } from '../providers/providerInfo';
import type { ResolvedConfig, Sourced } from './resolvedConfig';
import { displaySafeValue } from './displaySafe';
import { PROVIDER_CONFIG_FIELDS } from './providerFields';

export interface ExplainOptions {
  /** Provider to detail (default: the active one). */
  providerId?: string;
  /** Shown as `~` in paths. */
  homeDir?: string;
}

const SOURCE_WORDS: Record<ConfigSource, string> = {
  flag: 'explicit choice (command-line flag, -c override or VS Code setting)',
  env: 'environment variable',
  workspace: 'workspace file',
  user: 'user file',
  profile: 'profile',
  builtin: 'built-in default',
};

function shortPath(path: string, homeDir: string | undefined): string {
  if (homeDir && (path === homeDir || path.startsWith(`${homeDir}/`) || path.startsWith(`${homeDir}\\`))) return `~${path.slice(homeDir.length)}`;
  return path;
}

/** "user file ~/.codex/config.toml:12" */
export function describeSource(sourced: Pick<Sourced<unknown>, 'source' | 'file' | 'line'>, homeDir?: string): string {
  const words = SOURCE_WORDS[sourced.source];
  if (!sourced.file) return words;
  return `${words} ${shortPath(sourced.file, homeDir)}${sourced.line !== undefined ? `:${sourced.line}` : ''}`;
}

function formatValue(value: unknown): string {
  if (value === undefined) return '(not set)';
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function pad(text: string, width: number): string {
  return text.length >= width ? `${text} ` : text + ' '.repeat(width - text.length);
}

function providerSection(config: ResolvedConfig, id: string, homeDir: string | undefined): string[] {
  const provider = config.providers.find((p) => p.id === id);
  if (!provider) return [`Provider "${id}" is not defined.`];
  const sources = config.fieldSources[id] ?? {};
  const defined = provider.file ? `${SOURCE_WORDS[provider.source]} ${shortPath(provider.file, homeDir)}${provider.line !== undefined ? `:${provider.line}` : ''}` : SOURCE_WORDS[provider.source];
  const lines = [`Provider "${id}" (${provider.name}) — defined by ${defined}${provider.fromWorkspace ? '; part of it comes from the workspace' : ''}`];
  const keys = [...PROVIDER_CONFIG_FIELDS, ...Object.keys(sources).filter((k) => k.includes('.')).sort()];
  for (const field of keys) {
    const sourced = sources[field];
    const value = sourced ? sourced.value : displaySafeValue(field, (provider as unknown as Record<string, unknown>)[field]);
    const from = sourced ? describeSource(sourced, homeDir) : 'built-in default';
    lines.push(`  ${pad(field, 26)}${pad(formatValue(value), 44)}${from}`);
  }
  return lines;
}

/** The explanation, several lines of plain text. */
export function explainConfig(config: ResolvedConfig, options: ExplainOptions = {}): string {
  const { homeDir } = options;
  const active = config.providers.find((p) => p.id === config.provider.value);
  const lines: string[] = [];
  lines.push(`Provider: ${config.provider.value}${active && active.name !== active.id ? ` (${active.name})` : ''} — from ${describeSource(config.provider, homeDir)}`);
  lines.push(config.model.value !== undefined ? `Model: ${config.model.value} — from ${describeSource(config.model, homeDir)}` : 'Model: none set');
  lines.push(
    config.profile.value !== undefined
      ? `Profile: ${config.profile.value} (${config.profile.form === 'profile-file' ? 'profile file' : '[profiles] table'}) — from ${describeSource(config.profile, homeDir)}`
      : 'Profile: none',
  );
  lines.push('', 'Config files (lowest precedence first):');
  for (const f of config.files) {
    const status = f.applied ? 'applied' : `not applied: ${f.reason ?? (f.exists ? 'not applied' : 'file does not exist')}`;
    lines.push(`  ${pad(f.role, 13)}${shortPath(f.path, homeDir)} — ${status}`);
  }
  if (config.trustedProjects.length > 0) lines.push(`Trusted projects (user file): ${config.trustedProjects.map((p) => shortPath(p, homeDir)).join(', ')}`);
  lines.push('', ...providerSection(config, options.providerId ?? config.provider.value, homeDir));
  if (config.profiles.length > 0) {
    lines.push('', `Profiles: ${config.profiles.map((p) => `${p.name} (${p.form === 'profile-file' ? 'file' : 'table'})`).join(', ')}`);
  }
  lines.push('', config.diagnostics.length === 0 ? 'No problems found.' : `Problems (${config.diagnostics.length}):`);
  for (const d of config.diagnostics) {
    const where = d.file ? ` ${shortPath(d.file, homeDir)}${d.line !== undefined ? `:${d.line}${d.column !== undefined ? `:${d.column}` : ''}` : ''}` : '';
    lines.push(`  ${d.severity} [${d.code}]${where}: ${d.message}`);
    if (d.fix) lines.push(`    fix: ${d.fix.replace(/\n/g, '\n         ')}`);
  }
  return lines.join('\n');
}
