// Builders for the host -> webview messages the webview tests send (typed by the protocol).
import type { ChatMessage } from '../../src/shared/conversation';
import type { ErrorInfo } from '../../src/shared/errors';
import type { StreamEvent, Usage } from '../../src/shared/streamEvents';
import { toWebview, type SessionState } from '../../src/shared/webviewProtocol';

export function usage(inputTokens: number, outputTokens: number): Usage {
  return { inputTokens, outputTokens, cachedInputTokens: 0, reasoningTokens: 0 };
}

export function sessionState(overrides: Partial<SessionState> = {}) {
  return toWebview.sessionState.create({
    sessionId: 's1',
    provider: { id: 'anthropic', name: 'Anthropic' },
    model: 'claude-sonnet-4-5',
    approvalMode: 'on-request',
    approvalModes: [
      { id: 'untrusted', label: 'Ask for everything' },
      { id: 'on-request', label: 'Ask when needed' },
      { id: 'never', label: 'Never ask' },
    ],
    providers: [
      { id: 'anthropic', name: 'Anthropic', models: ['claude-sonnet-4-5', 'claude-opus-4-1'] },
      { id: 'openai', name: 'OpenAI', models: ['gpt-5', 'gpt-5-mini'] },
      { id: 'ollama', name: 'Ollama', models: [] },
    ],
    running: false,
    ...overrides,
  });
}

export const turnStarted = (turnId: string) => toWebview.turnStarted.create({ turnId });

export const events = (turnId: string, ...list: StreamEvent[]) => toWebview.streamEvents.create({ turnId, events: list });

export const text = (turnId: string, ...deltas: string[]) => events(turnId, ...deltas.map((d): StreamEvent => ({ type: 'text-delta', text: d })));

export const done = (turnId: string) => events(turnId, { type: 'done', stopReason: 'stop' });

export const turnEnded = (turnId: string, turnUsage = usage(1200, 340), sessionUsage = usage(5000, 900)) =>
  toWebview.turnEnded.create({ turnId, stopReason: 'stop', usage: turnUsage, sessionUsage });

export const transcript = (messages: ChatMessage[]) => toWebview.transcript.create({ messages });

export const error = (turnId: string | undefined, info: ErrorInfo) =>
  toWebview.error.create(turnId === undefined ? { error: info } : { turnId, error: info });

/** Splits `text` into deltas of `size` characters. */
export function deltas(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}
