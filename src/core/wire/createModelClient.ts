/**
 * The ModelClient: picks the wire protocol from `provider.wireApi` (`responses`, `chat`,
 * `anthropic`), sets up Amazon Bedrock (region, Mantle base URL, SigV4) for the
 * `amazon-bedrock` provider, and streams through the shared driver. One transport (proxy / CA
 * aware) is kept per provider configuration.
 */
import { toErrorInfo } from '../../shared/errors';
import type { StreamEvent } from '../../shared/streamEvents';
import type { Env, FetchLike } from '../ports';
import { isAwsProvider } from '../providers/providerAuth';
import type { ProviderInfo, WireApi } from '../providers/providerInfo';
import { anthropicProtocol } from './anthropic/anthropicProtocol';
import { bedrockRegion, withBedrockBaseUrl } from './bedrock/bedrockEndpoint';
import { createBedrockFetch } from './bedrock/bedrockFetch';
import { chatProtocol } from './chat/chatProtocol';
import { createFetch } from './http/createFetch';
import type { ModelClient, ModelRequest } from './modelClient';
import { responsesProtocol } from './responses/responsesProtocol';
import { streamWithProtocol } from './streamWithProtocol';
import type { WireDeps } from './wireDeps';
import type { WireProtocol } from './wireProtocol';
import { proxySettingsFromEnv } from './http/proxySettings';

const PROTOCOLS: Record<WireApi, WireProtocol> = {
  responses: responsesProtocol,
  chat: chatProtocol,
  anthropic: anthropicProtocol,
};

/** AWS values to scrub from messages when talking to Bedrock. */
function awsSecrets(env: Env): string[] {
  return [env.AWS_SECRET_ACCESS_KEY, env.AWS_SESSION_TOKEN, env.AWS_BEARER_TOKEN_BEDROCK].filter(
    (v): v is string => typeof v === 'string' && v.trim() !== '',
  );
}

/** Caches one transport per provider configuration (so connections are reused). */
export function transportCache(deps: WireDeps): (provider: ProviderInfo) => FetchLike {
  const cache = new Map<string, FetchLike>();
  return (provider) => {
    if (deps.fetch) return deps.fetch;
    // Proxy settings are part of the key: the editor may change them while running.
    const key = JSON.stringify([provider.id, provider.caCertificate ?? '', proxySettingsFromEnv(deps.env) ?? null]);
    let transport = cache.get(key);
    if (!transport) {
      transport = createFetch(provider, deps.env, deps.readFile, deps.logger);
      cache.set(key, transport);
    }
    return transport;
  };
}

/** Resolves the provider as sent and its (possibly signing) transport. */
export function providerTransport(
  deps: WireDeps,
  provider: ProviderInfo,
  transportFor: (provider: ProviderInfo) => FetchLike,
): { provider: ProviderInfo; transport: FetchLike; extraSecrets: string[] } {
  if (!isAwsProvider(provider)) return { provider, transport: transportFor(provider), extraSecrets: [] };
  const region = bedrockRegion(provider, deps.env);
  const effective = withBedrockBaseUrl(provider, region);
  return {
    provider: effective,
    transport: createBedrockFetch(transportFor(provider), effective, deps.env, region),
    extraSecrets: awsSecrets(deps.env),
  };
}

async function* streamRequest(
  deps: WireDeps,
  request: ModelRequest,
  transportFor: (provider: ProviderInfo) => FetchLike,
): AsyncGenerator<StreamEvent> {
  let setup: ReturnType<typeof providerTransport>;
  try {
    setup = providerTransport(deps, request.provider, transportFor);
  } catch (error) {
    yield { type: 'error', error: toErrorInfo(error) };
    return;
  }
  const protocol = PROTOCOLS[setup.provider.wireApi] ?? responsesProtocol;
  yield* streamWithProtocol({ deps, request, ...setup, protocol });
}

/** Creates the ModelClient. See the ModelClient contract: the stream never throws. */
export function createModelClient(deps: WireDeps): ModelClient {
  const transportFor = transportCache(deps);
  return {
    stream: (request) => streamRequest(deps, request, transportFor),
  };
}
