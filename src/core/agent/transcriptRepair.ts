/**
 * Makes a saved transcript safe to continue after the host quit or crashed mid-turn:
 * a `partial` assistant message becomes `interrupted` (its text stays, as shown), and tool calls
 * that never got a result get one saying the session ended first — every wire protocol requires
 * a result for each call before the next message.
 */
import type { ChatMessage } from '../../shared/conversation';
import type { TranscriptEntry } from './transcript';

export const INTERRUPTED_TOOL_RESULT =
  'No result: the session ended before this tool call finished, so it may or may not have run. Check before repeating it.';

/** A repaired copy of `entries` (unchanged entries are shared, not copied). */
export function repairTranscript(entries: readonly TranscriptEntry[], now: number): TranscriptEntry[] {
  const out: TranscriptEntry[] = [];
  let open: { calls: NonNullable<Extract<ChatMessage, { role: 'assistant' }>['toolCalls']>; answered: Set<string> } | undefined;
  let interrupted = false;

  const closeOpenCalls = () => {
    if (!open) return;
    for (const call of open.calls) {
      if (open.answered.has(call.id)) continue;
      out.push({
        type: 'message',
        at: now,
        message: { role: 'tool', toolCallId: call.id, name: call.name, content: INTERRUPTED_TOOL_RESULT, isError: true },
        tool: { title: call.name },
      });
      interrupted = true;
    }
    open = undefined;
  };

  for (const entry of entries) {
    if (entry.type !== 'message') {
      out.push(entry);
      continue;
    }
    const { message } = entry;
    if (message.role === 'tool') {
      open?.answered.add(message.toolCallId);
      out.push(entry);
      continue;
    }
    closeOpenCalls();
    if (entry.state === 'partial') {
      interrupted = true;
      if (message.role === 'assistant' && (message.content !== '' || message.reasoning)) {
        const { toolCalls: _dropped, ...rest } = message;
        out.push({ ...entry, message: rest, state: 'interrupted' });
      }
      continue;
    }
    out.push(entry);
    if (message.role === 'assistant' && message.toolCalls && message.toolCalls.length > 0) {
      open = { calls: message.toolCalls, answered: new Set() };
    }
  }
  closeOpenCalls();
  const last = out[out.length - 1];
  if (interrupted && !(last?.type === 'stopped')) out.push({ type: 'stopped', reason: 'interrupted', at: now });
  return out;
}
