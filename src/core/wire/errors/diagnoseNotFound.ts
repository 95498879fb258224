/**
 * Explains a 404, which nearly always means the configuration points at the wrong place:
 * `/v1` doubled or missing in `base_url`, the wrong `wire_api` for the server, or an unknown
 * model. For the `wire_api` case we send a cheap probe (an empty JSON body) to the other
 * protocols' endpoints: anything but a 404 there means the endpoint exists.
 */
import type { ErrorInfo } from '../../../shared/errors';
import type { WireApi } from '../../providers/providerInfo';
import { displayUrl, providerLabel, type ErrorContext } from './errorContext';
import { parseErrorBody, safeText } from './providerMessage';

/** Endpoint path of each wire protocol. */
export const WIRE_PATHS: Record<WireApi, string> = {
  responses: '/responses',
  chat: '/chat/completions',
  anthropic: '/messages',
};

/** Sends the probe: POST `{}` to `path` with the request's headers; the status, or undefined on failure. */
export type EndpointProbe = (path: string) => Promise<number | undefined>;

/** Statuses that show an endpoint exists (it parsed our empty body and objected). */
const EXISTS = new Set([200, 400, 401, 403, 415, 422, 429]);

function modelMissing(code: string | undefined, type: string | undefined, message: string | undefined): boolean {
  if (code === 'model_not_found' || code === 'DeploymentNotFound') return true;
  if (!message) return false;
  return /model|deployment/i.test(message) && /not[ _]?found|does not exist|unknown|no such|not available|invalid/i.test(message);
}

function hasV1Segment(baseUrl: string): boolean {
  try {
    return /(^|\/)v\d+(beta\d*)?(\/|$)/.test(new URL(baseUrl).pathname);
  } catch {
    return true;
  }
}

/** The ErrorInfo for a 404 on `url` (request to `wireApi`'s endpoint). */
export async function diagnoseNotFound(
  url: string,
  body: string,
  wireApi: WireApi,
  ctx: ErrorContext,
  probe?: EndpointProbe,
): Promise<ErrorInfo> {
  const who = providerLabel(ctx.provider);
  const id = ctx.provider.id;
  const base = { kind: 'not_found' as const, status: 404, providerId: id, retryable: false };
  const shownUrl = displayUrl(url);
  const baseUrl = ctx.provider.baseUrl ?? '';

  if (/\/v1\/v1(\/|$)/.test(shownUrl)) {
    return {
      ...base,
      message: `${who} has no endpoint at ${shownUrl} (404): the URL contains /v1/v1.`,
      fix: `base_url ends with /v1 and the endpoint path repeats it: remove one /v1 from base_url in [model_providers.${id}].`,
      actions: ['openConfig'],
    };
  }

  const fields = parseErrorBody(body);
  if (modelMissing(fields.code, fields.type, fields.message)) {
    const said = fields.message ? ` The provider said: ${safeText(fields.message, ctx.secrets)}` : '';
    return {
      ...base,
      message: `${who} does not know the model${ctx.model ? ` \`${ctx.model}\`` : ''} (404).${said}`,
      fix: 'Check the model name (for Azure, the deployment name); list the provider\'s models to pick one.',
      actions: ['openConfig', 'testConnection'],
    };
  }

  if (probe) {
    const others = (Object.keys(WIRE_PATHS) as WireApi[]).filter((w) => w !== wireApi);
    const statuses = await Promise.all(others.map((w) => probe(WIRE_PATHS[w]).catch(() => undefined)));
    const found = others.find((_w, i) => statuses[i] !== undefined && EXISTS.has(statuses[i]!));
    if (found) {
      return {
        ...base,
        message: `${who} has no ${WIRE_PATHS[wireApi]} endpoint (404), but it answers ${WIRE_PATHS[found]}: check wire_api.`,
        fix: `Set wire_api = "${found}" in [model_providers.${id}] (it is "${wireApi}" now).`,
        actions: ['openConfig'],
      };
    }
  }

  if (baseUrl && !hasV1Segment(baseUrl)) {
    return {
      ...base,
      message: `${who} has no endpoint at ${shownUrl} (404). base_url has no /v1 path segment, and many servers need /v1 at the end of base_url.`,
      fix: `Try base_url = "${baseUrl.replace(/\/+$/, '')}/v1" in [model_providers.${id}] (and check wire_api).`,
      actions: ['openConfig', 'testConnection'],
    };
  }

  const said = fields.message ? ` The provider said: ${safeText(fields.message, ctx.secrets)}` : '';
  return {
    ...base,
    message: `${who} has no endpoint at ${shownUrl} (404).${said}`,
    fix: `Check base_url and wire_api in [model_providers.${id}] (wire_api "${wireApi}" posts to ${WIRE_PATHS[wireApi]}).`,
    actions: ['openConfig', 'testConnection'],
  };
}
