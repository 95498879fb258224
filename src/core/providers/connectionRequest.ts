/**
 * The `request` step of the connection test: one short streamed request through the real
 * ModelClient (same body, headers and stream parsing as a chat turn), with no retries, at most
 * 16 output tokens and a time cap. It passes when the stream delivers its `done` event; a failure
 * is explained by `connectionDiagnosis.ts`.
 */
import type { ErrorInfo } from '../../shared/errors';
import type { StopReason } from '../../shared/streamEvents';
import { createModelClient } from '../wire/createModelClient';
import { formatDelay } from '../wire/retry/retryPolicy';
import type { WireDeps } from '../wire/wireDeps';
import { diagnoseRequestFailure } from './connectionDiagnosis';
import { modelFix, streamingFix } from './connectionFixes';
import type { StepOutcome } from './connectionTest';
import { createEndpointProbe, ResponseTiming, timedTransport } from './connectionTiming';
import type { Credential } from './credential';
import type { ProviderInfo } from './providerInfo';

/** The prompt of the test request. */
export const TEST_PROMPT = 'This is a connection test. Reply with the single word: OK';
/** Output token cap of the test request (16 is the smallest OpenAI's Responses API accepts). */
export const TEST_MAX_OUTPUT_TOKENS = 16;

export interface RequestStepInput {
  wire: WireDeps;
  provider: ProviderInfo;
  model?: string;
  credential: Credential;
  listedModels: readonly string[];
  modelsListed: boolean;
  timeoutMs: number;
  now: () => number;
  signal?: AbortSignal;
}

interface StreamSummary {
  text: string;
  stopReason?: StopReason;
  doneMs?: number;
  error?: ErrorInfo;
}

function quote(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `"${line.slice(0, 60)}…"` : `"${line}"`;
}

/** Runs the test request and judges it. */
export async function runRequestStep(input: RequestStepInput): Promise<StepOutcome> {
  const { provider, model } = input;
  if (model === undefined) {
    return {
      status: 'fail',
      area: 'model',
      detail: 'No model to test with: none was given and the provider has no default_model.',
      fix: modelFix(provider, undefined, input.listedModels),
    };
  }
  const timing = new ResponseTiming(input.now, input.now());
  const timeout = AbortSignal.timeout(input.timeoutMs);
  const signal = input.signal ? AbortSignal.any([timeout, input.signal]) : timeout;
  const client = createModelClient({ ...input.wire, fetch: timedTransport(input.wire, provider, timing) });
  const summary: StreamSummary = { text: '' };
  const stream = client.stream({
    provider: { ...provider, requestMaxRetries: 0, streamMaxRetries: 0 },
    model,
    messages: [{ role: 'user', content: TEST_PROMPT }],
    maxOutputTokens: TEST_MAX_OUTPUT_TOKENS,
    signal,
  });
  for await (const event of stream) {
    if (event.type === 'text-delta') summary.text += event.text;
    else if (event.type === 'done') {
      summary.stopReason = event.stopReason;
      summary.doneMs = timing.elapsed();
      break;
    } else if (event.type === 'error') {
      summary.error = event.error;
      break;
    }
  }

  const seen = timing.describe();
  if (summary.stopReason !== undefined && !summary.error) {
    const answer = summary.text.trim() ? `: ${quote(summary.text)}` : '';
    return { status: 'ok', detail: `${seen}, done (${summary.stopReason}) after ${summary.doneMs} ms${answer}.` };
  }
  const error = summary.error ?? { kind: 'protocol' as const, message: 'The stream ended without a done event.' };
  if (error.kind === 'cancelled') {
    if (input.signal?.aborted || !timeout.aborted) return { status: 'fail', detail: 'Cancelled.', error };
    return timedOut(input, timing, seen);
  }
  const diagnosis = await diagnoseRequestFailure({
    provider,
    model,
    info: error,
    credentialSource: input.credential.source,
    httpStatus: timing.status,
    contentType: timing.contentType,
    listedModels: input.listedModels,
    modelsListed: input.modelsListed,
    probe: createEndpointProbe(input.wire, provider, input.credential, input.signal),
  });
  return { status: 'fail', detail: `${seen}: ${error.message}`, error, ...diagnosis };
}

function timedOut(input: RequestStepInput, timing: ResponseTiming, seen: string): StepOutcome {
  const limit = formatDelay(input.timeoutMs);
  const error: ErrorInfo = { kind: 'network', message: `No complete answer within ${limit}.`, providerId: input.provider.id };
  if (timing.status === undefined) {
    return {
      status: 'fail',
      area: 'network',
      detail: `No response within ${limit}: the server accepted the connection but sent no HTTP status.`,
      error,
      fix: `Check base_url in [model_providers.${input.provider.id}] (host, port, path) and any proxy in between; the server is not answering requests.`,
    };
  }
  const what = timing.firstByteMs === undefined ? 'The provider sent response headers but no stream data' : 'The stream started but no done event came';
  return {
    status: 'fail',
    area: 'streaming',
    detail: `${seen}, but no done event within ${limit}.`,
    error,
    fix: streamingFix(input.provider, `${what} within ${limit}.`),
  };
}
