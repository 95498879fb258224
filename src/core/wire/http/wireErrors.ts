/**
 * Internal error types thrown inside one request attempt. The retry runner turns each into an
 * `ErrorInfo` (see retry/classifyError.ts); none of them reaches the user as is.
 */
import type { ErrorInfo } from '../../../shared/errors';

/** How much of an error body we keep (it is truncated again for display). */
export const MAX_ERROR_BODY_BYTES = 16 * 1024;

/** The provider answered with a non-2xx status. `bodyText` is raw (not yet redacted) and capped. */
export class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    readonly headers: Headers,
    readonly bodyText: string,
    readonly url: string,
  ) {
    super(`HTTP ${status}`);
    this.name = 'HttpStatusError';
  }
}

/** No bytes arrived for `ms` (waiting for headers or for the next chunk of the body). */
export class IdleTimeoutError extends Error {
  constructor(
    readonly ms: number,
    readonly phase: 'headers' | 'body',
  ) {
    super(phase === 'headers' ? `No response within ${ms} ms.` : `The stream stalled: no data for ${ms} ms.`);
    this.name = 'IdleTimeoutError';
  }
}

/** The body ended before the protocol's terminal event. */
export class TruncatedStreamError extends Error {
  constructor(detail = 'The stream ended before the response was complete.') {
    super(detail);
    this.name = 'TruncatedStreamError';
  }
}

/** The provider reported an error inside the stream (an `error` event, `response.failed`...). */
export class InStreamError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message);
    this.name = 'InStreamError';
  }
}

/** Reads at most `maxBytes` of a response body as text, then cancels the rest. Never throws. */
export async function readBodySnippet(response: Response, maxBytes = MAX_ERROR_BODY_BYTES): Promise<string> {
  const body = response.body;
  if (!body) return '';
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  try {
    while (bytes < maxBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      const take = value.byteLength > maxBytes - bytes ? value.subarray(0, maxBytes - bytes) : value;
      bytes += take.byteLength;
      text += decoder.decode(take, { stream: true });
    }
    text += decoder.decode();
  } catch {
    // a broken error body is still an error; keep what we have
  } finally {
    reader.cancel().catch(() => {});
  }
  return text;
}
