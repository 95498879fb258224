/**
 * A cheap check of whether an endpoint exists: POST `{}` with the request's headers and report
 * the status (a 400 means "here, but a bad body"; a 404 means "not here"). Used to explain a 404
 * (wrong wire_api, a missing or doubled /v1). Never throws: a failure is `undefined`.
 */
import type { FetchLike } from '../../ports';

/** How long one probe may take. */
export const PROBE_TIMEOUT_MS = 3000;

export async function probeEndpoint(
  transport: FetchLike,
  url: string,
  headers: Record<string, string>,
  signal?: AbortSignal,
): Promise<number | undefined> {
  const signals = [AbortSignal.timeout(PROBE_TIMEOUT_MS), ...(signal ? [signal] : [])];
  try {
    const response = await transport(url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: '{}',
      signal: AbortSignal.any(signals),
    });
    response.body?.cancel().catch(() => {});
    return response.status;
  } catch {
    return undefined;
  }
}
