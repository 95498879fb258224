/**
 * `switchboard config explain [--json]`: the effective provider, model and profile, each with
 * the layer that set it, the config files read, and every diagnostic.
 */
import type { ResolvedConfig, Sourced } from '../../core/config/resolvedConfig';
import type { ConfigSource } from '../../core/providers/providerInfo';
import { formatDiagnostic, reportDiagnostics } from '../diagnosticText';
import { renderTable } from '../textTable';
import { EXIT_CONFIG_ERROR, EXIT_OK, type CliContext } from '../verbTypes';

/** A value and the layer that set it, as printed by `--json`. */
export interface ExplainedValue {
  value: string | null;
  source: ConfigSource;
}

/** The JSON printed by `config explain --json`. */
export interface ConfigExplanation {
  provider: ExplainedValue;
  model: ExplainedValue;
  profile: ExplainedValue;
  diagnostics: {
    severity: string;
    message: string;
    file: string | null;
    line: number | null;
    column: number | null;
  }[];
}

function explained(sourced: Sourced<string | undefined>): ExplainedValue {
  return { value: sourced.value ?? null, source: sourced.source };
}

/** The explanation of a loaded config (the `--json` shape). */
export function explainConfig(config: ResolvedConfig): ConfigExplanation {
  return {
    provider: explained(config.provider),
    model: explained(config.model),
    profile: explained(config.profile),
    diagnostics: config.diagnostics.map((d) => ({
      severity: d.severity,
      message: d.message,
      file: d.file ?? null,
      line: d.line ?? null,
      column: d.column ?? null,
    })),
  };
}

const SOURCE_WORDS: Record<ConfigSource, string> = {
  flag: 'command-line flag',
  env: 'environment variable',
  workspace: 'workspace config',
  user: 'user config',
  profile: 'profile',
  builtin: 'built-in default',
};

function origin(sourced: Sourced<unknown>): string {
  const where = sourced.file ? ` ${sourced.file}${sourced.line !== undefined ? `:${sourced.line}` : ''}` : '';
  return `${SOURCE_WORDS[sourced.source]}${where}`;
}

function explainText(config: ResolvedConfig): string {
  const rows = [
    ['Provider', config.provider.value, origin(config.provider)],
    ['Model', config.model.value ?? '(none)', origin(config.model)],
    ['Profile', config.profile.value ?? '(none)', config.profile.value === undefined ? '' : origin(config.profile)],
  ];
  let out = renderTable(['SETTING', 'VALUE', 'SET BY'], rows);
  if (config.files.length > 0) {
    out += '\nConfig files:\n';
    out += renderTable(
      ['  ROLE', 'STATE', 'PATH'],
      config.files.map((f) => [
        `  ${f.role}`,
        f.applied ? 'applied' : f.exists ? `not applied${f.reason ? `: ${f.reason}` : ''}` : 'missing',
        f.path,
      ]),
    );
  }
  out += '\nDiagnostics:\n';
  out += config.diagnostics.length === 0 ? '  none\n' : config.diagnostics.map((d) => `  ${formatDiagnostic(d)}\n`).join('');
  return out;
}

/** Runs the verb. */
export async function runConfigExplain(context: CliContext): Promise<number> {
  const config = await context.loadConfig();
  context.io.stdout(context.global.json ? `${JSON.stringify(explainConfig(config), null, 2)}\n` : explainText(config));
  const hasErrors = reportDiagnostics(config, context.io, false);
  return hasErrors ? EXIT_CONFIG_ERROR : EXIT_OK;
}
