/**
 * The transport for one provider: undici's fetch with a dispatcher that honours
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY from the given environment and extra CA certificates
 * (see caCertificates.ts). Without proxy or extra CA it is plain undici fetch on the default
 * agent, which already honours NODE_EXTRA_CA_CERTS.
 */
import { Agent, EnvHttpProxyAgent, fetch as undiciFetch, type Dispatcher } from 'undici';
import type { Env, FetchLike, Logger } from '../../ports';
import type { ProviderInfo } from '../../providers/providerInfo';
import type { ReadTextFile } from '../wireDeps';
import { loadCaList } from './caCertificates';
import { proxySettingsFromEnv } from './proxySettings';

/** A fetch plus a way to release its sockets. */
export interface ProviderFetch extends FetchLike {
  close(): Promise<void>;
}

async function createDispatcher(
  provider: ProviderInfo,
  env: Env,
  readFile: ReadTextFile | undefined,
  logger: Logger | undefined,
): Promise<Dispatcher | undefined> {
  const ca = await loadCaList(provider, env, readFile, logger);
  const proxy = proxySettingsFromEnv(env);
  if (!ca && !proxy) return undefined;
  const tls = ca ? { ca } : undefined;
  if (!proxy) return new Agent({ connect: tls });
  // Empty strings (not undefined) so undici never falls back to process.env.
  return new EnvHttpProxyAgent({
    httpProxy: proxy.httpProxy ?? '',
    httpsProxy: proxy.httpsProxy ?? '',
    noProxy: proxy.noProxy ?? '',
    connect: tls,
    requestTls: tls,
    proxyTls: tls,
  });
}

/**
 * Creates the fetch for `provider`. The dispatcher is built on first use (reading CA files through
 * `readFile`); a configuration problem (unreadable CA file) rejects that call with a `config` error.
 */
export function createFetch(provider: ProviderInfo, env: Env, readFile?: ReadTextFile, logger?: Logger): ProviderFetch {
  let dispatcher: Promise<Dispatcher | undefined> | undefined;
  const fetchFn = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    dispatcher ??= createDispatcher(provider, env, readFile, logger);
    let d: Dispatcher | undefined;
    try {
      d = await dispatcher;
    } catch (error) {
      dispatcher = undefined; // let the next request try again (the user may fix the file)
      throw error;
    }
    const options = d ? { ...init, dispatcher: d } : init;
    return (await undiciFetch(input as Parameters<typeof undiciFetch>[0], options as Parameters<typeof undiciFetch>[1])) as unknown as Response;
  };
  return Object.assign(fetchFn, {
    async close() {
      const d = await dispatcher?.catch(() => undefined);
      await d?.close();
    },
  });
}
