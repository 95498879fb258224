/**
 * The protocol-independent streaming driver: per attempt it resolves the credential, builds URL
 * and headers with requestBuilder, sends through the protocol (SDK or fetch) on the provider's
 * transport, and pumps the SSE body through the protocol's mapper; runWithRetries around it
 * handles retries, replay de-duplication, 401 refresh and cancellation.
 */
import type { StreamEvent } from '../../shared/streamEvents';
import { silentLogger, type Env, type FetchLike } from '../ports';
import type { Credential } from '../providers/credential';
import { readEnvValue } from '../providers/providerAuth';
import type { ProviderInfo } from '../providers/providerInfo';
import { isSensitiveHeader, redactingLogger } from '../providers/redact';
import { buildProviderRequest } from '../providers/requestBuilder';
import type { ErrorContext } from './errors/errorContext';
import { IdleWatchdog } from './http/idleWatchdog';
import { postJson, type BuiltRequest } from './http/postJson';
import { checkStreamContentType } from './http/streamContentType';
import { TruncatedStreamError } from './http/wireErrors';
import type { ModelRequest } from './modelClient';
import { classifyError } from './retry/classifyError';
import { runWithRetries, type AttemptContext } from './retry/runWithRetries';
import { pumpSse } from './sse/pumpSse';
import { systemClock, type WireDeps } from './wireDeps';
import type { WireProtocol } from './wireProtocol';
import { urlSecrets } from '../config/displaySafe';
import { probeEndpoint } from './http/probeEndpoint';

/** Codex's defaults, used when a provider value is missing or not a number. */
export const DEFAULT_REQUEST_MAX_RETRIES = 4;
export const DEFAULT_STREAM_MAX_RETRIES = 5;
export const DEFAULT_STREAM_IDLE_TIMEOUT_MS = 300_000;
/** How long the wire_api probe after a 404 may take. */

function orDefault(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** Values that must never appear in messages: the token and every credential-bearing header. */
export function secretsOf(credential: Credential | undefined, headers: Record<string, string>, extra: string[] = []): string[] {
  const secrets = [...extra];
  if (credential?.token) secrets.push(credential.token);
  for (const [name, value] of Object.entries(headers)) {
    if (!isSensitiveHeader(name)) continue;
    secrets.push(value);
    const space = value.indexOf(' ');
    if (space > 0) secrets.push(value.slice(space + 1)); // the token after "Bearer "
  }
  return secrets;
}

/**
 * The values `env_http_headers` take from the environment. They are scrubbed from messages
 * whatever the header is called: the environment is where secrets live (gateway keys are often
 * sent under names like `X-Tenant-Route` that look harmless).
 */
export function envHeaderSecrets(provider: ProviderInfo, env: Env): string[] {
  const fromEnv = Object.values(provider.envHttpHeaders ?? {})
    .map((variable) => readEnvValue(env, variable))
    .filter((value): value is string => value !== undefined);
  // A password in base_url's userinfo is a secret too.
  return [...fromEnv, ...urlSecrets(provider.baseUrl)];
}

export interface StreamInput {
  deps: WireDeps;
  request: ModelRequest;
  /** The provider as sent (Bedrock: with its derived base URL). */
  provider: ProviderInfo;
  protocol: WireProtocol;
  transport: FetchLike;
  /** Extra secrets to scrub (Bedrock keys from the environment). */
  extraSecrets?: string[];
}

export function streamWithProtocol(input: StreamInput): AsyncGenerator<StreamEvent> {
  const { deps, request, provider, protocol, transport } = input;
  const clock = deps.clock ?? systemClock;
  const idleMs = orDefault(provider.streamIdleTimeoutMs, DEFAULT_STREAM_IDLE_TIMEOUT_MS);
  const extraSecrets = [...(input.extraSecrets ?? []), ...envHeaderSecrets(provider, deps.env)];
  const errorCtx: ErrorContext = { provider, model: request.model, secrets: extraSecrets };
  // What the stream logs can quote the server (an unparseable line), which may echo the key.
  const logger = redactingLogger(deps.logger ?? silentLogger, () => errorCtx.secrets);
  let built: BuiltRequest | undefined;
  let credential: Credential | undefined;

  async function* attempt(ctx: AttemptContext): AsyncGenerator<StreamEvent[]> {
    credential = await deps.credentials.resolve(provider, { forceRefresh: ctx.forceRefresh, signal: ctx.controller.signal });
    errorCtx.credentialSource = credential.source;
    const req = buildProviderRequest({ provider, path: protocol.path, credential, env: deps.env });
    built = req;
    errorCtx.secrets = secretsOf(credential, req.headers, extraSecrets);
    const watchdog = new IdleWatchdog(idleMs, ctx.controller);
    try {
      const response = await protocol.send(
        (body) => postJson(transport, req, body, ctx.controller.signal, watchdog),
        request,
        provider,
      );
      ctx.responseStarted = true;
      await checkStreamContentType(response, errorCtx);
      if (!response.body) throw new TruncatedStreamError('The provider sent an empty response.');
      yield* pumpSse(response.body, protocol.createMapper(errorCtx), watchdog, logger);
    } finally {
      watchdog.stop();
    }
  }

  const probe = async (path: string): Promise<number | undefined> => {
    if (!credential) return undefined;
    const req = buildProviderRequest({ provider, path, credential, env: deps.env });
    return probeEndpoint(transport, req.url, req.headers, request.signal);
  };

  return runWithRetries({
    requestMaxRetries: orDefault(provider.requestMaxRetries, DEFAULT_REQUEST_MAX_RETRIES),
    streamMaxRetries: orDefault(provider.streamMaxRetries, DEFAULT_STREAM_MAX_RETRIES),
    clock,
    logger,
    signal: request.signal,
    attempt,
    classify: (error, ctx) =>
      classifyError({
        error,
        attemptSignal: ctx.controller.signal,
        phase: ctx.responseStarted ? 'stream' : 'request',
        url: built?.url,
        wireApi: protocol.wireApi,
        ctx: errorCtx,
        now: clock.now(),
        probe,
      }),
  });
}
