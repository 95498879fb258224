/**
 * Maps a failed test request to the checklist item to fix: auth (401/403: which key, from
 * where), a 404 (wire_api, `/v1`, model — see connectionNotFound.ts), a model the provider does
 * not know (400), streaming (no event stream, a stream that broke off), the network, or the
 * provider's own complaint (rate limit, server error, quota) with the wire's fix.
 */
import type { ErrorInfo } from '../../shared/errors';
import { mentionsModel, modelFix, rejectedCredentialFix, streamingFix } from './connectionFixes';
import { diagnoseNotFound, type Diagnosis, type EndpointProbe } from './connectionNotFound';
import type { CredentialSource } from './credential';
import type { ProviderInfo } from './providerInfo';

export interface FailureInput {
  provider: ProviderInfo;
  model: string;
  info: ErrorInfo;
  credentialSource: CredentialSource;
  /** HTTP status of the test request's response, when one came. */
  httpStatus?: number;
  /** Its content type, when one came. */
  contentType?: string;
  listedModels: readonly string[];
  modelsListed: boolean;
  probe: EndpointProbe;
}

/** The area and fix for a failed test request. */
export async function diagnoseRequestFailure(input: FailureInput): Promise<Diagnosis> {
  const { provider, info } = input;
  const status = info.status ?? (input.httpStatus !== undefined && input.httpStatus >= 400 ? input.httpStatus : undefined);
  const streamed = input.httpStatus !== undefined && input.httpStatus >= 200 && input.httpStatus < 300;

  if (info.kind === 'auth') return { area: 'auth', fix: rejectedCredentialFix(provider, input.credentialSource, status) };
  if (status === 404 || info.kind === 'not_found') {
    // Reported inside a 200 stream, the endpoint exists: what is missing is the model.
    if (streamed) return { area: 'model', fix: modelFix(provider, input.model, input.listedModels) };
    return diagnoseNotFound({ provider, info, model: input.model, listedModels: input.listedModels, modelsListed: input.modelsListed, probe: input.probe });
  }
  if (info.kind === 'bad_request' && mentionsModel(info.message, provider)) {
    return { area: 'model', fix: modelFix(provider, input.model, input.listedModels) };
  }
  const type = input.contentType?.split(';')[0].trim().toLowerCase();
  if (streamed && type && type !== 'text/event-stream' && (info.kind === 'network' || info.kind === 'protocol')) {
    return {
      area: 'streaming',
      fix: streamingFix(provider, `The provider answered HTTP ${input.httpStatus} with ${type}, not an event stream (text/event-stream) — a proxy or login page, or a server without streaming?`),
    };
  }
  if (info.kind === 'protocol') {
    return { area: 'streaming', fix: streamingFix(provider, 'The provider answered, but not with a usable event stream.') };
  }
  if (info.kind === 'network') {
    if (streamed) return { area: 'streaming', fix: streamingFix(provider, 'The stream broke off before its done event.') };
    return { area: 'network', fix: info.fix ?? `Check base_url in [model_providers.${provider.id}]: host, port and scheme (http or https).` };
  }
  if (info.kind === 'config') return { area: 'config', fix: info.fix ?? `Check [model_providers.${provider.id}] in your config.` };
  return {
    area: 'provider',
    fix: info.fix ?? (info.kind === 'bad_request' ? 'The provider rejected the request; its message above says what it did not accept.' : 'See the provider\'s message above.'),
  };
}
