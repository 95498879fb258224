/**
 * Sends one POST of a JSON body with the request's URL and headers (from requestBuilder), under
 * the attempt's abort signal and idle watchdog. Non-2xx answers become `HttpStatusError` with a
 * capped body, so every protocol (and the SDKs, which wrap what fetch throws) sees the same.
 */
import type { FetchLike } from '../../ports';
import type { IdleWatchdog } from './idleWatchdog';
import { HttpStatusError, readBodySnippet } from './wireErrors';

export interface BuiltRequest {
  url: string;
  headers: Record<string, string>;
}

/** Posts `body` and resolves with the 2xx response; its body is not read. */
export async function postJson(
  transport: FetchLike,
  request: BuiltRequest,
  body: string,
  signal: AbortSignal,
  watchdog: IdleWatchdog,
  accept = 'text/event-stream',
): Promise<Response> {
  watchdog.arm('headers');
  try {
    const response = await transport(request.url, {
      method: 'POST',
      headers: { ...request.headers, 'content-type': 'application/json', accept },
      body,
      signal,
    });
    if (!response.ok) {
      throw new HttpStatusError(response.status, response.headers, await readBodySnippet(response), request.url);
    }
    return response;
  } finally {
    watchdog.disarm();
  }
}
