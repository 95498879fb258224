/**
 * The session transcript: the conversation the model sees (message entries) plus what only the
 * user sees (errors, stop markers, notices, tool display details). It is what sessions save.
 */
import type { ChatMessage } from '../../shared/conversation';
import type { ErrorInfo } from '../../shared/errors';
import type { StopReason } from '../../shared/streamEvents';
import type { ToolPreview, ToolResultMeta } from './tools/toolTypes';

/**
 * How complete an assistant message is:
 * `partial` — still streaming (only in a record saved mid-stream);
 * `stopped` — the user stopped it; `failed` — the stream failed; `interrupted` — the host quit or
 * crashed mid-stream and the session was resumed. Absent when the message is complete.
 */
export type MessageState = 'partial' | 'stopped' | 'failed' | 'interrupted';

/** Display details of a tool result (not sent to the model). */
export interface ToolDisplay {
  title: string;
  summary?: string;
  preview?: ToolPreview;
  meta?: ToolResultMeta;
}

export type TranscriptEntry =
  | {
      type: 'message';
      message: ChatMessage;
      /** Epoch ms. */
      at: number;
      state?: MessageState;
      /** Assistant messages: which provider and model wrote it. */
      providerId?: string;
      model?: string;
      /** Tool messages: how to show the call. */
      tool?: ToolDisplay;
    }
  | { type: 'error'; error: ErrorInfo; at: number }
  /** The turn ended early: `user` pressed stop; `interrupted` means the host went away mid-turn. */
  | { type: 'stopped'; reason: 'user' | 'interrupted'; at: number }
  | { type: 'notice'; kind: NoticeKind; text: string; at: number; providerId?: string; model?: string };

export type NoticeKind = 'max-steps' | 'model-changed' | 'length' | 'content-filter' | 'refusal';

/** The messages the model sees, in order. */
export function messagesOf(entries: readonly TranscriptEntry[]): ChatMessage[] {
  const out: ChatMessage[] = [];
  for (const entry of entries) if (isSentToModel(entry)) out.push(entry.message);
  return out;
}

/** A session title from its first user message: the first line, at most 80 characters. */
export function titleFromMessage(text: string): string {
  const line = text.trim().split(/\r?\n/, 1)[0]?.trim() ?? '';
  const clean = line.replace(/\s+/g, ' ');
  if (clean === '') return 'New session';
  return clean.length <= 80 ? clean : `${clean.slice(0, 79)}…`;
}

/**
 * Whether an entry's message goes to the model: not while `partial`, and not an assistant message
 * with neither text nor tool calls (e.g. reasoning only), which providers reject.
 */
export function isSentToModel(entry: TranscriptEntry): entry is Extract<TranscriptEntry, { type: 'message' }> {
  if (entry.type !== 'message' || entry.state === 'partial') return false;
  const m = entry.message;
  return !(m.role === 'assistant' && m.content === '' && !(m.toolCalls && m.toolCalls.length > 0));
}

const NOTICES: Partial<Record<StopReason, { kind: NoticeKind; text: string }>> = {
  length: { kind: 'length', text: 'The answer was cut off: the model reached its output token limit.' },
  content_filter: { kind: 'content-filter', text: "The provider's content filter stopped the answer." },
  refusal: { kind: 'refusal', text: 'The model refused to answer.' },
};

/** A notice for answers that ended for a reason the user should know, or `undefined`. */
export function noticeForStopReason(stopReason: StopReason, at: number): TranscriptEntry | undefined {
  const notice = NOTICES[stopReason];
  return notice && { type: 'notice', ...notice, at };
}
