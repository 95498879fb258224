/**
 * Adapts the wire layer's model listing and the core connection test ("providers test") to the
 * shapes the provider UI uses.
 */
import type { ResolvedConfig } from '../core/config/resolvedConfig';
import { runConnectionTest, summarizeConnection, type ConnectionStep } from '../core/providers/connectionTest';
import { listModels } from '../core/wire/listModels';
import type { WireDeps } from '../core/wire/wireDeps';
import type { ErrorInfo } from '../shared/errors';
import type { ListModelsFn, TestConnectionFn } from './providerService';

/** List Models through the wire layer (always fresh: the user asked). */
export function createListModels(wire: WireDeps): ListModelsFn {
  return (provider, signal) => listModels(wire, provider, { signal, refresh: true });
}

/** One log line per step: "✓ Credential (12 ms): From environment variable X." */
export function stepLine(step: ConnectionStep): string {
  const mark = { ok: '✓', warn: '!', fail: '✗', skipped: '-' }[step.status];
  return `${mark} ${step.title} (${step.durationMs} ms): ${step.detail}${step.fix ? ` Fix: ${step.fix}` : ''}`;
}

/** The notification for the first failing step, keeping the underlying error's buttons. */
export function failureInfo(providerId: string, step: ConnectionStep): ErrorInfo {
  const error = step.error;
  return {
    kind: error?.kind ?? 'internal',
    message: `${providerId} — ${step.title} failed: ${step.detail}`,
    ...((step.fix ?? error?.fix) !== undefined && { fix: step.fix ?? error?.fix }),
    providerId,
    actions: error?.actions ?? (step.area === 'auth' ? ['setApiKey', 'showLogs'] : ['openConfig', 'showLogs']),
  };
}

/**
 * Test Connection: configuration, credential (trust and consent rules apply), model list and one
 * small streamed request, each reported as a step.
 */
export function createTestConnection(wire: WireDeps, config: () => ResolvedConfig | undefined): TestConnectionFn {
  return async (provider, model, signal) => {
    const steps = await runConnectionTest({ wire, config: config() }, provider, model, { signal });
    const summary = summarizeConnection(steps);
    const details = steps.map(stepLine);
    if (summary.failed) return { ok: false, summary: summary.failed.detail, details, failure: failureInfo(provider.id, summary.failed) };
    const warned = steps.filter((s) => s.status === 'warn');
    return {
      ok: true,
      summary: `connection works (${steps.filter((s) => s.status === 'ok').map((s) => s.title.toLowerCase()).join(', ')} ok${warned.length ? `; ${warned.map((s) => s.detail).join(' ')}` : ''}).`,
      details,
    };
  };
}
