/**
 * A 2xx answer that is JSON instead of an event stream: a server that ignored `stream: true`, or
 * a gateway that reports errors with status 200. Either way it is not a stream we can read, so
 * it becomes an error that quotes the provider (redacted).
 */
import { SwitchboardError } from '../../../shared/errors';
import { providerLabel, type ErrorContext } from '../errors/errorContext';
import { inStreamErrorInfo } from '../errors/inStreamErrorInfo';
import { parseErrorBody, safeText } from '../errors/providerMessage';
import { InStreamError, readBodySnippet } from './wireErrors';

export async function checkStreamContentType(response: Response, ctx: ErrorContext): Promise<void> {
  const type = response.headers.get('content-type')?.toLowerCase() ?? '';
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
