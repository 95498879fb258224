/**
 * An editor's proxy settings (VS Code's `http.proxy` and `http.noProxy`) folded into the
 * environment the wire layer reads. Variables the user set in the environment win: the editor
 * setting only fills in what the environment leaves unset.
 */
import type { Env } from '../../ports';

export interface EditorProxySettings {
  /** `http.proxy`, e.g. `http://proxy.corp:3128`; empty means none. */
  proxy?: string;
  /** `http.noProxy`: hosts reached directly. */
  noProxy?: readonly string[];
}

const PROXY_VARS = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];

/** A copy of `env` with the editor's proxy applied where the environment names none. */
export function withEditorProxy(env: Env, settings: EditorProxySettings): Record<string, string | undefined> {
  const result: Record<string, string | undefined> = { ...env };
  const proxy = settings.proxy?.trim();
  const envHasProxy = PROXY_VARS.some((name) => (env[name] ?? '').trim() !== '');
  if (proxy && !envHasProxy) {
    result.HTTPS_PROXY = proxy;
    result.HTTP_PROXY = proxy;
    const noProxy = (settings.noProxy ?? []).map((h) => h.trim()).filter(Boolean);
    if (noProxy.length > 0 && !(env.NO_PROXY ?? env.no_proxy)) result.NO_PROXY = noProxy.join(',');
  }
  return result;
}
