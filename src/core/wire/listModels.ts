/**
 * Lists a provider's models for pickers and "test connection":
 * - OpenAI-compatible `GET <base_url>/models` (`{data: [{id}]}`), which covers OpenAI, Azure,
 *   LM Studio (`/v1/models`), LiteLLM, OpenRouter, vLLM, Bedrock Mantle (signed);
 * - Ollama's native `GET /api/tags` when `/models` is missing on the `ollama` provider or port 11434;
 * - Anthropic `GET <base_url>/models` (x-api-key + anthropic-version, paginated).
 * Results are cached for a minute per provider and base URL. A provider without a list returns
 * an empty list and the reason; auth and network failures throw a SwitchboardError.
 */
import { SwitchboardError, type ErrorInfo } from '../../shared/errors';
import type { FetchLike } from '../ports';
import type { Credential } from '../providers/credential';
import type { ProviderInfo } from '../providers/providerInfo';
import { buildProviderRequest } from '../providers/requestBuilder';
import { providerTransport, transportCache } from './createModelClient';
import { displayUrl, providerLabel, type ErrorContext } from './errors/errorContext';
import { httpErrorInfo, statusText } from './errors/httpErrorInfo';
import { networkErrorInfo } from './errors/networkErrorInfo';
import { readBodySnippet } from './http/wireErrors';
import type { ModelListEntry } from './modelClient';
import { envHeaderSecrets, secretsOf } from './streamWithProtocol';
import { systemClock, type WireDeps } from './wireDeps';

/** A provider's models; `reason` says why the list is empty when the provider has none. */
export interface ModelList {
  models: ModelListEntry[];
  reason?: string;
}

export interface ListModelsOptions {
  signal?: AbortSignal;
  /** Skip the cache. */
  refresh?: boolean;
}

/** How long a list is reused. */
export const MODEL_LIST_TTL_MS = 60_000;
const LIST_TIMEOUT_MS = 15_000;
const MAX_PAGES = 10;
/** Statuses meaning "this server has no model list here". */
const NO_LIST = new Set([404, 405, 501]);

interface DepsState {
  cache: Map<string, { at: number; list: ModelList }>;
  transportFor: (provider: ProviderInfo) => FetchLike;
}
const states = new WeakMap<WireDeps, DepsState>();

function stateOf(deps: WireDeps): DepsState {
  let state = states.get(deps);
  if (!state) {
    state = { cache: new Map(), transportFor: transportCache(deps) };
    states.set(deps, state);
  }
  return state;
}

class NoList extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

interface Getter {
  (path: string, options?: { url?: string; query?: Record<string, string> }): Promise<unknown>;
}

function entriesFrom(body: unknown): ModelListEntry[] {
  const list = Array.isArray(body)
    ? body
    : body && typeof body === 'object'
      ? ((body as { data?: unknown; models?: unknown }).data ?? (body as { models?: unknown }).models)
      : undefined;
  if (!Array.isArray(list)) return [];
  const out: ModelListEntry[] = [];
  for (const item of list) {
    if (typeof item === 'string') {
      out.push({ id: item });
      continue;
    }
    if (!item || typeof item !== 'object') continue;
    const o = item as Record<string, unknown>;
    const id = typeof o.id === 'string' ? o.id : typeof o.model === 'string' ? o.model : typeof o.name === 'string' ? o.name : undefined;
    if (!id) continue;
    const name = typeof o.display_name === 'string' ? o.display_name : typeof o.name === 'string' && o.name !== id ? o.name : undefined;
    out.push(name ? { id, name } : { id });
  }
  return out;
}

/** Ollama: the built-in `ollama` provider, or anything on Ollama's port 11434. */
function isOllama(provider: ProviderInfo): boolean {
  if (provider.id === 'ollama') return true;
  try {
    return new URL(provider.baseUrl ?? '').port === '11434';
  } catch {
    return false;
  }
}

async function anthropicModels(get: Getter): Promise<ModelListEntry[]> {
  const models: ModelListEntry[] = [];
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const body = (await get('/models', { query: { limit: '1000', ...(after && { after_id: after }) } })) as {
      has_more?: boolean;
      last_id?: string;
    };
    models.push(...entriesFrom(body));
    if (!body?.has_more || !body.last_id) break;
    after = body.last_id;
  }
  return models;
}

async function fetchList(deps: WireDeps, provider: ProviderInfo, signal: AbortSignal | undefined): Promise<ModelList> {
  const state = stateOf(deps);
  const setup = providerTransport(deps, provider, state.transportFor);
  const effective = setup.provider;
  const credential: Credential = await deps.credentials.resolve(provider, { signal });
  const ctx: ErrorContext = { provider: effective, credentialSource: credential.source, secrets: [...setup.extraSecrets] };

  const get: Getter = async (path, options = {}) => {
    const req = buildProviderRequest({ provider: effective, path, credential, env: deps.env });
    ctx.secrets = secretsOf(credential, req.headers, [...setup.extraSecrets, ...envHeaderSecrets(effective, deps.env)]);
    const target = new URL(options.url ?? req.url);
    for (const [name, value] of Object.entries(options.query ?? {})) target.searchParams.set(name, value);
    const url = target.toString();
    const timeout = AbortSignal.timeout(LIST_TIMEOUT_MS);
    let response: Response;
    try {
      response = await setup.transport(url, {
        method: 'GET',
        headers: { ...req.headers, accept: 'application/json' },
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new SwitchboardError(networkErrorInfo(error, url, ctx), { cause: error });
    }
    if (!response.ok) {
      const body = await readBodySnippet(response);
      if (NO_LIST.has(response.status)) {
        throw new NoList(`${providerLabel(effective)} offers no model list at ${displayUrl(url)} (${statusText(response.status)}).`);
      }
      const info: ErrorInfo = httpErrorInfo(response.status, body, ctx);
      throw new SwitchboardError(info);
    }
    try {
      return await response.json();
    } catch {
      throw new NoList(`${providerLabel(effective)} answered ${displayUrl(url)} with something that is not a JSON model list.`);
    }
  };

  try {
    if (effective.wireApi === 'anthropic') return { models: await anthropicModels(get) };
    try {
      return { models: entriesFrom(await get('/models')) };
    } catch (error) {
      if (!(error instanceof NoList) || !isOllama(effective)) throw error;
      const origin = new URL(effective.baseUrl!).origin;
      return { models: entriesFrom(await get('/api/tags', { url: `${origin}/api/tags` })) };
    }
  } catch (error) {
    if (error instanceof NoList) return { models: [], reason: error.reason };
    throw error;
  }
}

/** The models of `provider`, from the cache when fresh. */
export async function listModels(deps: WireDeps, provider: ProviderInfo, options: ListModelsOptions = {}): Promise<ModelList> {
  const state = stateOf(deps);
  const now = (deps.clock ?? systemClock).now();
  const key = JSON.stringify([provider.id, provider.baseUrl ?? '', provider.wireApi]);
  const hit = state.cache.get(key);
  if (hit && !options.refresh && now - hit.at < MODEL_LIST_TTL_MS) return hit.list;
  const list = await fetchList(deps, provider, options.signal);
  state.cache.set(key, { at: now, list });
  return list;
}
