/**
 * Why the test request got a 404, checked rather than guessed. In checklist order:
 * the endpoint path already in base_url, `/v1` doubled, an unknown model (the provider said so),
 * then probes — an empty JSON POST to the other protocols' endpoints and to base_url with `/v1`
 * added or removed; any answer but 404 means that endpoint exists — giving "set wire_api",
 * "add /v1", "remove /v1", or both. Without a hit: base_url and wire_api to check by hand.
 */
import type { ErrorInfo } from '../../shared/errors';
import { WIRE_PATHS } from '../wire/errors/diagnoseNotFound';
import { endpointSuffixOf } from './connectionConfig';
import { mentionsModel, modelFix, tableOf } from './connectionFixes';
import type { ConnectionFixArea } from './connectionTest';
import type { ProviderInfo, WireApi } from './providerInfo';

/** POSTs `{}` to `<baseUrl><path>` with the request's headers; the status, or undefined on failure. */
export type EndpointProbe = (baseUrl: string, path: string) => Promise<number | undefined>;

export interface NotFoundInput {
  provider: ProviderInfo;
  info: ErrorInfo;
  model?: string;
  listedModels: readonly string[];
  /** Whether the model list answered at this base_url (so the base is probably right). */
  modelsListed: boolean;
  probe: EndpointProbe;
}

export interface Diagnosis {
  area: ConnectionFixArea;
  fix: string;
}

/** Statuses that show an endpoint exists: it parsed our empty body and objected, or accepted it. */
function exists(status: number | undefined): boolean {
  if (status === undefined) return false;
  return (status >= 200 && status < 300) || [400, 401, 403, 415, 422, 429].includes(status);
}

function trimSlashes(url: string): string {
  return url.replace(/\/+$/, '');
}

/** The base URL variants worth probing: as configured, with `/v1` added, or with the last `/vN` removed. */
function baseVariants(baseUrl: string): { url: string; change?: 'add-v1' | 'remove-v1' }[] {
  const base = trimSlashes(baseUrl.split('?')[0]);
  const variants: { url: string; change?: 'add-v1' | 'remove-v1' }[] = [{ url: base }];
  let path: string;
  try {
    path = new URL(base).pathname;
  } catch {
    return variants;
  }
  if (!/(^|\/)v\d+(beta\d*)?(\/|$)/.test(path)) variants.push({ url: `${base}/v1`, change: 'add-v1' });
  else if (/\/v\d+(beta\d*)?$/.test(path)) variants.push({ url: base.replace(/\/v\d+(beta\d*)?$/, ''), change: 'remove-v1' });
  return variants;
}

/** The base_url a user should write: the variant, with the original query kept. */
function suggested(provider: ProviderInfo, url: string): string {
  const query = provider.baseUrl?.includes('?') ? provider.baseUrl.slice(provider.baseUrl.indexOf('?')) : '';
  return `${url}${query}`;
}

/** Diagnoses a 404 of the test request. */
export async function diagnoseNotFound(input: NotFoundInput): Promise<Diagnosis> {
  const { provider, info } = input;
  const table = tableOf(provider);
  const baseUrl = provider.baseUrl ?? '';
  const current = provider.wireApi;

  const suffix = endpointSuffixOf(baseUrl);
  if (suffix) {
    const fixed = trimSlashes(baseUrl.split('?')[0]).slice(0, -suffix.length);
    return {
      area: 'base_url',
      fix: `base_url ends with ${suffix}, and Switchboard appends the endpoint path itself: set base_url = "${suggested(provider, fixed)}" in ${table}.`,
    };
  }
  if (/\/v1\/v1(\/|$)/.test(baseUrl.split('?')[0] + WIRE_PATHS[current])) {
    return { area: 'base_url', fix: `The URL contains /v1/v1: remove one /v1 from base_url in ${table}.` };
  }
  if (mentionsModel(info.message, provider)) {
    return { area: 'model', fix: modelFix(provider, input.model, input.listedModels) };
  }

  const variants = baseVariants(baseUrl);
  const wires = Object.keys(WIRE_PATHS) as WireApi[];
  const candidates = variants.flatMap((variant) => wires.map((wire) => ({ variant, wire }))).filter((c) => c.variant.change || c.wire !== current);
  const statuses = await Promise.all(candidates.map((c) => input.probe(c.variant.url, WIRE_PATHS[c.wire]).catch(() => undefined)));
  const hits = candidates.filter((_c, i) => exists(statuses[i]));
  const sameBase = hits.find((h) => !h.variant.change);
  if (sameBase) {
    return {
      area: 'wire_api',
      fix:
        `Set wire_api = "${sameBase.wire}" in ${table}: the server answers ${WIRE_PATHS[sameBase.wire]} but not ${WIRE_PATHS[current]} ` +
        `(wire_api is "${current}" now; third-party servers mostly speak "chat", OpenAI and Azure "responses").`,
    };
  }
  const otherBase = hits.find((h) => h.wire === current) ?? hits[0];
  if (otherBase) {
    const what = otherBase.variant.change === 'add-v1' ? 'add /v1 to base_url' : 'remove the trailing /v1 from base_url';
    const wirePart = otherBase.wire !== current ? ` and set wire_api = "${otherBase.wire}"` : '';
    return {
      area: otherBase.wire !== current ? 'wire_api' : 'base_url',
      fix: `The server answers ${otherBase.variant.url}${WIRE_PATHS[otherBase.wire]}: ${what}${wirePart} — base_url = "${suggested(provider, otherBase.variant.url)}" in ${table}.`,
    };
  }
  const listHint = input.modelsListed ? ' The model list answered at this base_url, so the base is probably right: check wire_api and the model name.' : '';
  return {
    area: 'base_url',
    fix:
      `Check base_url and wire_api in ${table}: wire_api "${current}" posts to ${WIRE_PATHS[current]} under base_url, and that is 404. ` +
      `Some providers need /v1 at the end of base_url, others do not; Azure needs ".../openai".${listHint}`,
  };
}
