/**
 * The `models` step of the connection test: lists the provider's models (always fresh). A
 * provider without a list is a warning, not a failure (many gateways have none). A rejected
 * credential or an unreachable server fails the step — the request would fail the same way —
 * while other listing errors (5xx, a 403 on listing only) warn and let the request decide.
 */
import { toErrorInfo } from '../../shared/errors';
import { listModels } from '../wire/listModels';
import type { WireDeps } from '../wire/wireDeps';
import { rejectedCredentialFix } from './connectionFixes';
import type { StepOutcome } from './connectionTest';
import type { Credential } from './credential';
import type { ProviderInfo } from './providerInfo';

/** What the request step may use from the list. */
export interface ModelsStepResult {
  outcome: StepOutcome;
  /** Model ids listed (empty when the list failed or there is none). */
  ids: string[];
}

function preview(ids: readonly string[]): string {
  return `${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''}`;
}

/** Lists models and judges the result. */
export async function runModelsStep(
  wire: WireDeps,
  provider: ProviderInfo,
  credential: Credential,
  model: string | undefined,
  signal: AbortSignal | undefined,
): Promise<ModelsStepResult> {
  try {
    const list = await listModels(wire, provider, { signal, refresh: true });
    const ids = list.models.map((m) => m.id);
    if (ids.length === 0) {
      return { ids, outcome: { status: 'warn', detail: `Not supported: ${list.reason ?? 'the provider listed no models.'}` } };
    }
    const count = `${ids.length} model${ids.length === 1 ? '' : 's'}`;
    if (model !== undefined && !ids.includes(model)) {
      return { ids, outcome: { status: 'warn', models: ids, detail: `${count} listed, but not ${model}: ${preview(ids)}.` } };
    }
    return { ids, outcome: { status: 'ok', models: ids, detail: `${count}${model !== undefined ? `, including ${model}` : ''}: ${preview(ids)}.` } };
  } catch (error) {
    const info = toErrorInfo(error);
    if (info.kind === 'cancelled' || signal?.aborted) return { ids: [], outcome: { status: 'fail', detail: 'Cancelled.', error: { kind: 'cancelled', message: 'Cancelled.' } } };
    if (info.kind === 'auth' && info.status !== 403) {
      return {
        ids: [],
        outcome: { status: 'fail', area: 'auth', detail: `Failed: ${info.message}`, error: info, fix: rejectedCredentialFix(provider, credential.source, info.status) },
      };
    }
    if (info.kind === 'network' || info.kind === 'config') {
      return {
        ids: [],
        outcome: {
          status: 'fail',
          area: info.kind === 'config' ? 'config' : 'network',
          detail: `Failed: ${info.message}`,
          error: info,
          fix: info.fix ?? `Check base_url in [model_providers.${provider.id}]: host, port and scheme.`,
        },
      };
    }
    return { ids: [], outcome: { status: 'warn', detail: `Failed (the test request will tell more): ${info.message}`, error: info } };
  }
}
