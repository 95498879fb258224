/**
 * Shared pieces for the wire tests: provider literals, a recording fake credential resolver, a
 * clock that records backoff sleeps without waiting, and helpers that collect a stream.
 */
import type { Clock } from '../../../src/core/ports';
import type { Credential, CredentialRequestOptions, CredentialResolver } from '../../../src/core/providers/credential';
import type { ProviderInfo, WireApi } from '../../../src/core/providers/providerInfo';
import type { ToolCall } from '../../../src/shared/conversation';
import type { ErrorInfo } from '../../../src/shared/errors';
import type { StreamEvent, Usage } from '../../../src/shared/streamEvents';

export function makeProvider(wireApi: WireApi, baseUrl: string, overrides: Partial<ProviderInfo> = {}): ProviderInfo {
  return {
    id: `test-${wireApi}`,
    name: `Test ${wireApi}`,
    baseUrl,
    wireApi,
    httpHeaders: {},
    envHttpHeaders: {},
    queryParams: {},
    requestMaxRetries: 4,
    streamMaxRetries: 5,
    streamIdleTimeoutMs: 5000,
    supportsWebsockets: false,
    requiresOpenaiAuth: false,
    source: 'user',
    fromWorkspace: false,
    ...overrides,
  };
}

export interface FakeCredentials extends CredentialResolver {
  calls: CredentialRequestOptions[];
}

/** Returns `tokens[i]` on the i-th call (the last one after that), from an env-like source. */
export function fakeCredentials(tokens: string[] = ['sk-test-key-0123456789'], source: Credential['source'] = { type: 'env', name: 'TEST_API_KEY' }): FakeCredentials {
  const calls: CredentialRequestOptions[] = [];
  return {
    calls,
    async resolve(_provider, options = {}) {
      calls.push(options);
      return { token: tokens[Math.min(calls.length - 1, tokens.length - 1)], source };
    },
  };
}

export interface RecordingClock extends Clock {
  sleeps: number[];
}

/** Records each backoff delay and resolves at once (still honouring abort). */
export function instantClock(): RecordingClock {
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => Date.now(),
    sleep: async (ms, signal) => {
      sleeps.push(ms);
      if (signal?.aborted) throw new Error('aborted');
    },
  };
}

export async function collect(stream: AsyncIterable<StreamEvent>): Promise<StreamEvent[]> {
  const events: StreamEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

export interface Summary {
  text: string;
  reasoning: string;
  toolCalls: ToolCall[];
  /** Calls that started but never ended. */
  unfinishedCalls: string[];
  usage?: Usage;
  stopReason?: string;
  providerStopReason?: string;
  error?: ErrorInfo;
  retries: Extract<StreamEvent, { type: 'retry' }>[];
  done?: Extract<StreamEvent, { type: 'done' }>;
}

/** Folds events into what a consumer would show; checks call deltas add up to their end. */
export function summarize(events: StreamEvent[]): Summary {
  const summary: Summary = { text: '', reasoning: '', toolCalls: [], unfinishedCalls: [], retries: [] };
  const deltas = new Map<string, string>();
  const started: string[] = [];
  for (const event of events) {
    switch (event.type) {
      case 'text-delta':
        summary.text += event.text;
        break;
      case 'reasoning-delta':
        summary.reasoning += event.text;
        break;
      case 'tool-call-start':
        started.push(event.id);
        deltas.set(event.id, '');
        break;
      case 'tool-call-delta':
        deltas.set(event.id, (deltas.get(event.id) ?? '') + event.argumentsDelta);
        break;
      case 'tool-call-end':
        summary.toolCalls.push({ id: event.id, name: event.name, arguments: event.arguments });
        break;
      case 'usage':
        summary.usage = event.usage;
        break;
      case 'done':
        summary.stopReason = event.stopReason;
        summary.providerStopReason = event.providerStopReason;
        summary.done = event;
        break;
      case 'error':
        summary.error = event.error;
        break;
      case 'retry':
        summary.retries.push(event);
        break;
    }
  }
  summary.unfinishedCalls = started.filter((id) => !summary.toolCalls.some((c) => c.id === id));
  return summary;
}

/** The accumulated deltas of each call (to compare with its `tool-call-end`). */
export function callDeltas(events: StreamEvent[]): Map<string, string> {
  const deltas = new Map<string, string>();
  for (const event of events) {
    if (event.type === 'tool-call-start') deltas.set(event.id, '');
    if (event.type === 'tool-call-delta') deltas.set(event.id, (deltas.get(event.id) ?? '') + event.argumentsDelta);
  }
  return deltas;
}

/** Strips fields that vary between runs (retry delays are random jitter). */
export function stable(events: StreamEvent[]): StreamEvent[] {
  return events.map((e) => (e.type === 'retry' ? { ...e, delayMs: 0 } : e));
}
