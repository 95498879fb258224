/**
 * Transport helpers of the connection test: a fetch wrapper that notes when the response headers
 * and the first body byte of the test request arrived, and the endpoint probe used to explain a 404.
 */
import type { FetchLike } from '../ports';
import { providerTransport, transportCache } from '../wire/createModelClient';
import type { WireDeps } from '../wire/wireDeps';
import type { EndpointProbe } from './connectionNotFound';
import { isAwsProvider } from './providerAuth';
import type { Credential } from './credential';
import type { ProviderInfo } from './providerInfo';
import { buildProviderRequest } from './requestBuilder';
import { probeEndpoint } from '../wire/http/probeEndpoint';

/** How long one probe may take. */

/** When the test request's response arrived, relative to `start`. */
export class ResponseTiming {
  status?: number;
  contentType?: string;
  headersMs?: number;
  firstByteMs?: number;

  constructor(
    private readonly now: () => number,
    private readonly start: number,
  ) {}

  /** Records the first response seen (the test request itself) and taps its body for the first byte. */
  observe(response: Response): Response {
    if (this.status !== undefined) return response;
    this.status = response.status;
    this.contentType = response.headers.get('content-type') ?? undefined;
    this.headersMs = this.elapsed();
    if (!response.ok || !response.body || response.status === 204) return response;
    const tap = new TransformStream<Uint8Array, Uint8Array>({
      transform: (chunk, controller) => {
        if (this.firstByteMs === undefined && chunk.byteLength > 0) this.firstByteMs = this.elapsed();
        controller.enqueue(chunk);
      },
    });
    return new Response(response.body.pipeThrough(tap), { status: response.status, statusText: response.statusText, headers: response.headers });
  }

  /** "HTTP 200 (text/event-stream) after 12 ms, first byte after 15 ms", or what is missing. */
  describe(): string {
    if (this.status === undefined) return 'No response';
    const type = this.contentType ? ` (${this.contentType.split(';')[0].trim()})` : '';
    const first = this.firstByteMs !== undefined ? `, first byte after ${this.firstByteMs} ms` : this.status < 300 ? ', no body bytes' : '';
    return `HTTP ${this.status}${type} after ${this.headersMs} ms${first}`;
  }

  elapsed(): number {
    return Math.max(0, Math.round(this.now() - this.start));
  }
}

/** The provider's transport with `timing` watching the first response. */
export function timedTransport(wire: WireDeps, provider: ProviderInfo, timing: ResponseTiming): FetchLike {
  const inner = transportCache(wire)(provider);
  return async (input, init) => timing.observe(await inner(input, init));
}

/** A probe that POSTs `{}` with the real credential headers. Bedrock (derived, signed URLs) is not probed. */
export function createEndpointProbe(wire: WireDeps, provider: ProviderInfo, credential: Credential, signal?: AbortSignal): EndpointProbe {
  if (isAwsProvider(provider)) return async () => undefined;
  const setup = providerTransport(wire, provider, transportCache(wire));
  return async (baseUrl, path) => {
    const request = buildProviderRequest({ provider: { ...setup.provider, baseUrl }, path, credential, env: wire.env });
    return probeEndpoint(setup.transport, request.url, request.headers, signal);
  };
}
