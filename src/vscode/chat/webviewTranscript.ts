/**
 * A saved session as the webview shows it: the conversation's messages (no system prompt, no
 * reasoning state the user never sees) with user messages shown as typed, without the attached
 * file contents. Pure.
 */
import type { ChatMessage } from '../../shared/conversation';
import type { TranscriptEntry } from '../../core/agent/transcript';
import { typedText } from './attachmentText';

/** The messages of `entries` for the `transcript` message. */
export function webviewMessages(entries: readonly TranscriptEntry[]): ChatMessage[] {
  const out: ChatMessage[] = [];
  for (const entry of entries) {
    if (entry.type !== 'message') continue;
    const message = entry.message;
    switch (message.role) {
      case 'system':
        break;
      case 'user':
        out.push({ role: 'user', content: typedText(message.content) });
        break;
      case 'assistant': {
        const { reasoningParts: _hidden, ...shown } = message;
        out.push(shown);
        break;
      }
      case 'tool':
        out.push(message);
        break;
    }
  }
  return out;
}

/** The last user message of `entries` (as sent to the model, attachments included), if any. */
export function lastUserMessage(entries: readonly TranscriptEntry[]): string | undefined {
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (entry.type === 'message' && entry.message.role === 'user') return entry.message.content;
  }
  return undefined;
}
