/**
 * How attached context becomes part of the user message the model sees: the typed text, then an
 * "Attached context" section with each file or selection as its path (and line range) and a
 * fenced block of its content, each capped in size. The section is recognisable, so a saved
 * message can be shown again as just what the user typed. Pure.
 */
import type { Attachment } from '../../shared/webviewProtocol';

/** An attachment with its text, read when the message is sent. */
export interface AttachmentContent {
  attachment: Attachment;
  text: string;
  /** VS Code language id (used as the fence's info string). */
  languageId?: string;
}

/** Size caps in characters. */
export interface AttachmentLimits {
  /** Per attachment. */
  perAttachment: number;
  /** For all attachments of one message together. */
  total: number;
}

export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = { perAttachment: 50_000, total: 150_000 };

/** Starts the attachments section of a user message. */
export const ATTACHED_CONTEXT_MARKER = '\n\n---\nAttached context:\n';

/** A backtick fence longer than any backtick run in `text` (at least three). */
export function fenceFor(text: string): string {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return '`'.repeat(Math.max(3, longest + 1));
}

/** `path` or `path (lines a-b)`. */
export function attachmentHeading(attachment: Attachment): string {
  const range = attachment.range;
  if (!range) return attachment.path;
  return range.startLine === range.endLine
    ? `${attachment.path} (line ${range.startLine})`
    : `${attachment.path} (lines ${range.startLine}-${range.endLine})`;
}

function infoString(languageId: string | undefined): string {
  return languageId && /^[\w+#.-]+$/.test(languageId) && languageId !== 'plaintext' ? languageId : '';
}

/** The message sent to the model: `text`, then each attachment, within `limits`. */
export function formatUserMessage(text: string, contents: readonly AttachmentContent[], limits: AttachmentLimits = DEFAULT_ATTACHMENT_LIMITS): string {
  if (contents.length === 0) return text;
  let budget = limits.total;
  const blocks: string[] = [];
  for (const { attachment, text: body, languageId } of contents) {
    const heading = `\`${attachmentHeading(attachment)}\``;
    const allowed = Math.min(limits.perAttachment, budget);
    if (allowed <= 0) {
      blocks.push(`${heading}: not included, the attachments reached the ${limits.total.toLocaleString('en-US')}-character limit.`);
      continue;
    }
    const shown = body.length > allowed ? body.slice(0, allowed) : body;
    budget -= shown.length;
    const fence = fenceFor(shown);
    const note =
      shown.length < body.length
        ? `\n(truncated: the first ${shown.length.toLocaleString('en-US')} of ${body.length.toLocaleString('en-US')} characters)`
        : '';
    const content = shown.endsWith('\n') ? shown : `${shown}\n`;
    blocks.push(`${heading}:\n${fence}${infoString(languageId)}\n${content}${fence}${note}`);
  }
  return `${text}${ATTACHED_CONTEXT_MARKER}\n${blocks.join('\n\n')}`;
}

/** What the user typed, without the attachments section (for showing a saved message). */
export function typedText(message: string): string {
  const at = message.indexOf(ATTACHED_CONTEXT_MARKER);
  return at === -1 ? message : message.slice(0, at);
}
