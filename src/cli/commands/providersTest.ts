/**
 * `switchboard providers test [<id>] [--model m] [--json]`: runs the connection test
 * (src/core/providers/connectionTest.ts) against a provider — the active one when no id is
 * given — and prints each step as it finishes: ✓ ok, ! warning, ✗ failure, - skipped, with its
 * time and detail, then the fix for the first failure. Exit 0 when nothing failed, 1 on a
 * failure, 2 on a configuration error (unknown provider, bad base_url, config file errors).
 * Credentials are never printed.
 */
import { testConnection, type ConnectionStep, type ConnectionStepStatus } from '../../core/providers/connectionTest';
import { reportDiagnostics } from '../diagnosticText';
import { EXIT_CONFIG_ERROR, EXIT_FAILURE, EXIT_OK, type CliContext } from '../verbTypes';
import { createCliWireDeps } from './execWireDeps';

/** The JSON printed by `providers test --json`. */
export interface ProvidersTestReport {
  provider: string;
  model: string | null;
  /** True when no step failed. */
  ok: boolean;
  steps: ConnectionStep[];
}

const MARKS: Record<ConnectionStepStatus, string> = { ok: '✓', warn: '!', fail: '✗', skipped: '-' };

/** One step as a line: `✓ Credential      2 ms  From environment variable X.` */
export function formatStep(step: ConnectionStep): string {
  const time = step.status === 'skipped' ? '' : `${step.durationMs} ms`;
  return `${MARKS[step.status]} ${step.title.padEnd(13)} ${time.padStart(8)}  ${step.detail}\n`;
}

/** Runs the verb. */
export async function runProvidersTest(context: CliContext): Promise<number> {
  const { io, global } = context;
  if (context.positionals.length > 1) {
    io.stderr(`switchboard: providers test takes one provider id, got ${context.positionals.length}.\n`);
    return EXIT_CONFIG_ERROR;
  }
  const config = await context.loadConfig();
  const configErrors = reportDiagnostics(config, io, false);
  const id = context.positionals[0] ?? global.provider ?? config.provider.value;
  const provider = config.providers.find((p) => p.id === id);
  const model = global.model ?? (id === config.provider.value ? config.model.value : undefined) ?? provider?.defaultModel;

  if (!global.json) io.stdout(`Testing provider ${id}${provider && provider.name !== id ? ` (${provider.name})` : ''}${model ? ` with model ${model}` : ''}\n`);
  const steps: ConnectionStep[] = [];
  const deps = { wire: createCliWireDeps(context), config };
  for await (const step of testConnection(deps, provider ?? id, model)) {
    steps.push(step);
    if (!global.json) io.stdout(formatStep(step));
  }

  const failed = steps.find((s) => s.status === 'fail');
  if (global.json) {
    const report: ProvidersTestReport = { provider: id, model: model ?? null, ok: !failed, steps };
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  } else if (failed?.fix) {
    io.stdout(`\nFix${failed.area ? ` (${failed.area})` : ''}: ${failed.fix}\n`);
  } else if (!failed) {
    io.stdout(`\n${steps.some((s) => s.status === 'warn') ? 'Connected, with warnings.' : 'All checks passed.'}\n`);
  }
  if (configErrors || steps[0]?.status === 'fail') return EXIT_CONFIG_ERROR;
  return failed ? EXIT_FAILURE : EXIT_OK;
}
