/**
 * The transport for one provider: `fetch` with a dispatcher that honours HTTPS_PROXY /
 * HTTP_PROXY / NO_PROXY from the given environment and extra CA certificates (see
 * caCertificates.ts). Without proxy or extra CA it is the platform's fetch on its default agent,
 * which already honours NODE_EXTRA_CA_CERTS; undici (for the custom agents) is loaded only then.
 */
import type { Dispatcher } from 'undici';
import type { Env, FetchLike, Logger } from '../../ports';
import type { ProviderInfo } from '../../providers/providerInfo';
import type { ReadTextFile } from '../wireDeps';
import { loadCaList } from './caCertificates';
import { proxySettingsFromEnv } from './proxySettings';

/** A fetch plus a way to release its sockets. */
export interface ProviderFetch extends FetchLike {
  close(): Promise<void>;
}

interface Transport {
  fetch: FetchLike;
  dispatcher?: Dispatcher;
}

async function createTransport(
  provider: ProviderInfo,
  env: Env,
  readFile: ReadTextFile | undefined,
  logger: Logger | undefined,
): Promise<Transport> {
  const ca = await loadCaList(provider, env, readFile, logger);
  const proxy = proxySettingsFromEnv(env);
  if (!ca && !proxy) return { fetch: (input, init) => globalThis.fetch(input, init) };
  const undici = await import('undici');
  const tls = ca ? { ca } : undefined;
  const dispatcher: Dispatcher = proxy
    ? // Empty strings (not undefined) so undici never falls back to process.env.
      new undici.EnvHttpProxyAgent({
        httpProxy: proxy.httpProxy ?? '',
        httpsProxy: proxy.httpsProxy ?? '',
        noProxy: proxy.noProxy ?? '',
        connect: tls,
        requestTls: tls,
        proxyTls: tls,
      })
    : new undici.Agent({ connect: tls });
  const fetch = (async (input: string | URL | Request, init?: RequestInit) =>
    undici.fetch(input as Parameters<typeof undici.fetch>[0], { ...init, dispatcher } as Parameters<typeof undici.fetch>[1])) as unknown as FetchLike;
  return { fetch, dispatcher };
}

/**
 * Creates the fetch for `provider`. The transport is built on first use (reading CA files through
 * `readFile`); a configuration problem (unreadable CA file) rejects that call with a `config`
 * error, and the next call tries again.
 */
export function createFetch(provider: ProviderInfo, env: Env, readFile?: ReadTextFile, logger?: Logger): ProviderFetch {
  let transport: Promise<Transport> | undefined;
  const fetchFn = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    transport ??= createTransport(provider, env, readFile, logger);
    let t: Transport;
    try {
      t = await transport;
    } catch (error) {
      transport = undefined;
      throw error;
    }
    return t.fetch(input, init);
  };
  return Object.assign(fetchFn, {
    async close() {
      const t = await transport?.catch(() => undefined);
      await t?.dispatcher?.close();
    },
  });
}
