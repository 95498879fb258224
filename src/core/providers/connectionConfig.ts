/**
 * The `config` step of the connection test: the provider exists, its base_url is present and an
 * http(s) URL, and which model the test will use. Config errors elsewhere and a base_url that
 * already contains an endpoint path are warnings (the request step then shows what they cause).
 */
import { SwitchboardError } from '../../shared/errors';
import type { Diagnostic, ResolvedConfig } from '../config/resolvedConfig';
import { WIRE_PATHS } from '../wire/errors/diagnoseNotFound';
import { whereDefined } from './connectionFixes';
import type { StepOutcome } from './connectionTest';
import type { ProviderInfo } from './providerInfo';
import { buildProviderUrl } from './requestBuilder';

/** The config step's result: the provider and model to test when it did not fail. */
export interface ConfigCheck {
  outcome: StepOutcome;
  provider?: ProviderInfo;
  model?: string;
}

/** Paths Switchboard appends itself; a base_url ending in one of them gets it twice. */
const ENDPOINT_SUFFIXES = [...Object.values(WIRE_PATHS), '/models'];

/** The endpoint path `baseUrl` already ends with, if any (e.g. `/chat/completions`). */
export function endpointSuffixOf(baseUrl: string): string | undefined {
  let path: string;
  try {
    path = new URL(baseUrl).pathname.replace(/\/+$/, '');
  } catch {
    return undefined;
  }
  return ENDPOINT_SUFFIXES.find((suffix) => path.endsWith(suffix));
}

function formatDiagnostic(d: Diagnostic): string {
  const where = d.file ? `${d.file}${d.line !== undefined ? `:${d.line}` : ''}: ` : '';
  return `${where}${d.message}`;
}

/** Finds the provider and checks what can be checked without the network. */
export function checkProviderConfig(
  provider: ProviderInfo | string,
  model: string | undefined,
  config: Pick<ResolvedConfig, 'providers' | 'diagnostics'> | undefined,
): ConfigCheck {
  const found = typeof provider === 'string' ? config?.providers.find((p) => p.id === provider) : provider;
  if (!found) {
    const ids = (config?.providers ?? []).map((p) => p.id);
    return {
      outcome: {
        status: 'fail',
        area: 'config',
        detail: `No provider "${String(provider)}" is defined.`,
        fix: `Use one of: ${ids.join(', ') || '(none)'} (see \`switchboard providers list\`), or add [model_providers.${String(provider)}] to your config.toml.`,
        error: { kind: 'config', message: `No provider "${String(provider)}" is defined.` },
      },
    };
  }

  let url: string;
  try {
    url = buildProviderUrl(found, WIRE_PATHS[found.wireApi]);
  } catch (error) {
    const info = error instanceof SwitchboardError ? error.toInfo() : { kind: 'config' as const, message: String(error) };
    return {
      outcome: {
        status: 'fail',
        area: 'base_url',
        detail: info.message,
        fix: info.fix ?? `Set base_url in [model_providers.${found.id}] to the provider's http(s) address.`,
        error: info,
      },
    };
  }

  const chosen = model ?? found.defaultModel;
  const notes: string[] = [];
  const suffix = found.baseUrl ? endpointSuffixOf(found.baseUrl) : undefined;
  if (suffix) notes.push(`base_url already ends with ${suffix}, which Switchboard appends itself`);
  const errors = (config?.diagnostics ?? []).filter((d) => d.severity === 'error');
  if (errors.length > 0) notes.push(`the configuration has ${errors.length} error(s), first: ${formatDiagnostic(errors[0])}`);
  if (chosen === undefined) notes.push('no model is set (pass one, or set default_model)');

  const summary = `${found.id} (${found.name}): wire_api "${found.wireApi}", POST ${url.split('?')[0]}${chosen ? `, model ${chosen}` : ''}; ${whereDefined(found)}.`;
  return {
    provider: found,
    ...(chosen !== undefined && { model: chosen }),
    outcome: notes.length > 0 ? { status: 'warn', detail: `${summary} But ${notes.join('; ')}.` } : { status: 'ok', detail: summary },
  };
}
