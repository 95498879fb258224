/**
 * A saved session as the webview shows it: the conversation's messages (no system prompt, no
 * reasoning state the user never sees) with user messages shown as typed, without the attached
 * file contents; and the errors and notes it showed between them. Pure.
 */
import type { ChatMessage } from '../../shared/conversation';
import type { TranscriptNote } from '../../shared/webviewProtocol';
import type { TranscriptEntry } from '../../core/agent/transcript';
import { errorForWebview } from './agentEventMessages';
import { typedText } from './attachmentText';

const STOPPED_TEXT = { user: 'Stopped.', interrupted: 'Interrupted: the answer did not finish before VS Code closed.' } as const;

/** The errors, notices and stops of `entries`, each placed after the messages `webviewMessages` shows before it. */
export function webviewNotes(entries: readonly TranscriptEntry[]): TranscriptNote[] {
  const notes: TranscriptNote[] = [];
  let shown = 0;
  for (const entry of entries) {
    if (entry.type === 'message') {
      if (entry.message.role !== 'system') shown++;
    } else if (entry.type === 'error') {
      notes.push({ afterMessage: shown, error: errorForWebview(entry.error) });
    } else if (entry.type === 'stopped') {
      notes.push({ afterMessage: shown, text: STOPPED_TEXT[entry.reason] });
    } else {
      notes.push({ afterMessage: shown, text: entry.text });
    }
  }
  return notes;
}

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
