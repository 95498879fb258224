/**
 * A 2xx answer that is not an event stream: JSON from a server that ignored `stream: true` or a
 * gateway that reports errors with status 200, or an HTML page (a proxy's login or block page).
 * Neither is a stream we can read, and retrying will not change that, so each becomes a
 * non-retryable error that says what came back (quoting the provider, redacted).
 */
import { SwitchboardError } from '../../../shared/errors';
import { providerLabel, type ErrorContext } from '../errors/errorContext';
import { inStreamErrorInfo } from '../errors/inStreamErrorInfo';
import { parseErrorBody, safeText } from '../errors/providerMessage';
import { InStreamError, readBodySnippet } from './wireErrors';

export async function checkStreamContentType(response: Response, ctx: ErrorContext): Promise<void> {
  const type = response.headers.get('content-type')?.toLowerCase() ?? '';
  if (type.includes('text/html')) {
    await response.body?.cancel().catch(() => undefined);
    throw new SwitchboardError({
      kind: 'protocol',
      message: `${providerLabel(ctx.provider)} answered with an HTML page instead of an event stream (status ${response.status}).`,
      fix: 'A proxy or login page may be in the way, or base_url points at a web page rather than the API; check base_url and your proxy settings.',
      providerId: ctx.provider.id,
      actions: ['openConfig', 'testConnection'],
      retryable: false,
    });
  }
  if (!type.includes('application/json')) return;
  const body = await readBodySnippet(response);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    parsed = undefined;
  }
  if (parsed && typeof parsed === 'object' && 'error' in parsed && (parsed as { error: unknown }).error) {
    throw new InStreamError(inStreamErrorInfo(parsed, ctx));
  }
  const fields = parseErrorBody(body);
  throw new SwitchboardError({
    kind: 'protocol',
    message: `${providerLabel(ctx.provider)} answered with a JSON document instead of an event stream${fields.message ? `: ${safeText(fields.message, ctx.secrets)}` : '.'}`,
    fix: 'The server may not support streaming (`stream: true`) on this endpoint; check base_url and wire_api.',
    providerId: ctx.provider.id,
    actions: ['openConfig', 'testConnection'],
    retryable: false,
  });
}
