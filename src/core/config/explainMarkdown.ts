/**
 * "Explain Active Configuration": a markdown document with the active provider, model and profile
 * and where each came from, every field of the active provider with the layer (file:line) that
 * set it, the credential source, the config files read, and every diagnostic. Secret values are
 * shown as "(hidden)".
 */
import { displaySafeValue } from './displaySafe';
import type { ResolvedConfig, Sourced } from './resolvedConfig';
import { describeSourced, displayPath, type ExplicitOrigin } from './sourceWords';

export interface ExplainInput {
  /** The configuration in use. */
  config: ResolvedConfig;
  /** Everything read (diagnostics and files of workspace files not applied while untrusted). */
  display: ResolvedConfig;
  origins: { provider?: ExplicitOrigin; model?: ExplicitOrigin; profile?: ExplicitOrigin };
  /** Credential source words for the active provider. */
  credential?: string;
  workspaceTrusted: boolean;
  keptLastGood?: boolean;
  homeDir?: string;
}

/**
 * Escapes only what could break the document's structure or inject markup (tables, emphasis,
 * links, HTML, code spans), so it stays readable as plain text too (`_` inside names like
 * OPENAI_API_KEY is left alone: it cannot start emphasis there).
 */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*[\]<>|]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

function cell(text: string): string {
  return escapeInline(text);
}

function valueText(field: string, value: unknown): string {
  const safe = displaySafeValue(field, value);
  return typeof safe === 'string' ? safe : JSON.stringify(safe) ?? '';
}

function fromWhere(sourced: Sourced<unknown>, homeDir: string | undefined): string {
  const layer = { flag: 'explicit', env: 'environment', workspace: 'workspace file', user: 'user file', profile: 'profile', builtin: 'built-in' }[sourced.source];
  if (!sourced.file) return layer;
  return `${layer} ${displayPath(sourced.file, homeDir)}${sourced.line !== undefined ? `:${sourced.line}` : ''}`;
}

/** The whole document. */
export function explainMarkdown(input: ExplainInput): string {
  const { config, display, homeDir } = input;
  const out: string[] = ['# Switchboard: active configuration', ''];
  const describe = (sourced: Sourced<unknown>, field: 'provider' | 'model' | 'profile') =>
    cell(describeSourced(sourced, { field, origin: input.origins[field], homeDir }));
  out.push(`- **Provider:** ${cell(config.provider.value)} — from ${describe(config.provider, 'provider')}`);
  out.push(`- **Model:** ${config.model.value !== undefined ? `${cell(config.model.value)} — from ${describe(config.model, 'model')}` : 'none set'}`);
  out.push(`- **Profile:** ${config.profile.value !== undefined ? `${cell(config.profile.value)} — from ${describe(config.profile, 'profile')}` : 'none'}`);
  if (input.credential) out.push(`- **Credential:** ${cell(input.credential)}`);
  out.push(`- **Workspace:** ${input.workspaceTrusted ? 'trusted — workspace config files apply' : 'not trusted — workspace config files are shown but not applied; their providers get no credentials'}`);
  if (input.keptLastGood) out.push('- **Note:** a config file has errors; the last good configuration is in use until they are fixed.');
  out.push('');

  const fields = config.fieldSources[config.provider.value] ?? {};
  out.push(`## Provider \`${config.provider.value}\`: fields and where they came from`, '');
  out.push('| Field | Value | From |', '| --- | --- | --- |');
  for (const [field, sourced] of Object.entries(fields)) {
    if (sourced.value === undefined) continue;
    out.push(`| ${cell(field)} | ${cell(valueText(field, sourced.value))} | ${cell(fromWhere(sourced, homeDir))} |`);
  }
  out.push('');

  out.push('## Config files', '', '| Role | File | Status |', '| --- | --- | --- |');
  for (const file of display.files) {
    const status = !file.exists ? 'not present' : file.applied ? 'applied' : `not applied${file.reason ? ` (${file.reason})` : ''}`;
    out.push(`| ${file.role} | ${cell(displayPath(file.path, homeDir))} | ${cell(status)} |`);
  }
  out.push('');

  out.push('## Problems', '');
  if (display.diagnostics.length === 0) out.push('None.');
  for (const d of display.diagnostics) {
    const where = d.file ? `${displayPath(d.file, homeDir)}${d.line !== undefined ? `:${d.line}${d.column !== undefined ? `:${d.column}` : ''}` : ''}: ` : '';
    out.push(`- **${d.severity}** ${cell(where)}${cell(d.message)}${d.fix ? ` ${cell(d.fix)}` : ''}`);
  }
  out.push('');
  return out.join('\n');
}
