/**
 * Adapts the wire layer's model listing and connection check to the shapes the provider UI uses.
 */
import { describeCredentialSource } from '../core/providers/credential';
import { listModels } from '../core/wire/listModels';
import type { WireDeps } from '../core/wire/wireDeps';
import type { ListModelsFn, TestConnectionFn } from './providerService';

/** List Models through the wire layer (always fresh: the user asked). */
export function createListModels(wire: WireDeps): ListModelsFn {
  return (provider, signal) => listModels(wire, provider, { signal, refresh: true });
}

/**
 * Test Connection: the credential resolves (trust and consent rules apply), then the provider
 * answers a model listing. Failures throw a SwitchboardError saying what to fix.
 */
export function createTestConnection(wire: WireDeps): TestConnectionFn {
  return async (provider, model, signal) => {
    const credential = await wire.credentials.resolve(provider, { signal });
    const list = await listModels(wire, provider, { signal, refresh: true });
    const details = [`Credential: ${describeCredentialSource(credential.source)}.`];
    if (list.reason) details.push(list.reason);
    const served = model && list.models.length > 0 ? (list.models.some((m) => m.id === model) ? ` and lists ${model}` : `, but ${model} is not in its model list`) : '';
    return {
      ok: true,
      summary: `reachable at ${provider.baseUrl ?? '(no base_url)'}, credential from ${describeCredentialSource(credential.source)}; ${list.models.length} model(s) listed${served}.`,
      details,
    };
  };
}
