/**
 * Proxy settings from the environment, the way curl and most CLIs read them: lower-case names
 * win over upper-case ones, `NO_PROXY` lists hosts (and `host:port`s, `.domain`s, `*`) to reach
 * directly.
 */
import type { Env } from '../../ports';

export interface ProxySettings {
  httpProxy?: string;
  httpsProxy?: string;
  noProxy?: string;
}

function read(env: Env, name: string): string | undefined {
  const value = (env[name.toLowerCase()] ?? env[name])?.trim();
  return value ? value : undefined;
}

/** The proxies configured in `env`; undefined when none is set. */
export function proxySettingsFromEnv(env: Env): ProxySettings | undefined {
  const httpProxy = read(env, 'HTTP_PROXY');
  const httpsProxy = read(env, 'HTTPS_PROXY') ?? httpProxy;
  if (!httpProxy && !httpsProxy) return undefined;
  return { httpProxy, httpsProxy, noProxy: read(env, 'NO_PROXY') };
}
