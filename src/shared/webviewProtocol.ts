/**
 * The typed message protocol between the extension host and the chat webview.
 *
 * Every message is declared exactly once below as a `MessageType` (after gitlens's ipc.ts): a
 * `command` is fire-and-forget from the webview, a `request` expects the host to answer with the
 * named response notification, a `notification` is host -> webview. Both sides validate what they
 * receive (`parseToWebviewMessage` / `parseToHostMessage`) and drop malformed messages with a log
 * line, and build what they send with `<registry>.<type>.create(params)`.
 *
 * Wire shape: `{ type: string, params: object }`.
 *
 * What the host does (src/vscode/chat/...):
 * - HTML: `renderChatHtml` (src/shared/chatHtml.ts) with a fresh nonce; `localResourceRoots` =
 *   dist/webview; `enableScripts: true`. The webview never navigates: links arrive as `openLink`.
 * - On `ready` (sent on every load, including after the view was hidden and re-created): send
 *   `sessionState`, `transcript`, `sessionList` and `attachments`. The webview keeps only the
 *   draft text itself (vscode.setState).
 * - A turn: `turnStarted` first, then `streamEvents` (batch freely, e.g. per 16 ms), `toolCall` /
 *   `toolResult` / `approvalRequest` as the agent works, finally `turnEnded` (always, also after
 *   stop or error). Messages for a turn id the webview has not seen are dropped and logged.
 * - `sendMessage` while a turn runs should be refused (the webview already blocks it).
 * - Answer `requestFileCompletions` with `fileCompletions` (same `requestId`); answer
 *   `attachContext` / `removeAttachment` with `attachments` (the full list), and clear the list
 *   after a `sendMessage`.
 * - `fixAction`, `codeBlockAction` (insert / newFile, or copy when the webview clipboard failed),
 *   `deleteSession` (confirm first), `openLink` (allow http, https, mailto, workspace paths).
 * - Validate with `parseToHostMessage`; write `log` messages to the output channel.
 */
import * as z from 'zod';
import type { ChatMessage } from './conversation';
import type { ErrorInfo, FixAction } from './errors';
import type { StopReason, StreamEvent, Usage } from './streamEvents';
import { define, parseWith, type Message, type MessageType, type ParseResult } from './ipcMessage';
import {
  chatMessageSchema,
  errorInfoSchema,
  fixActionSchema,
  stopReasonSchema,
  streamEventSchema,
  usageSchema,
} from './protocolSchemas';

const empty = z.object({});
const id = z.string().min(1);

// ---- Types carried by messages -------------------------------------------------------------

/** A provider the header picker offers, with the models it knows (may be empty: free-form model). */
export interface ProviderChoice {
  id: string;
  name: string;
  models: string[];
}

/** An approval mode the header picker offers; the host decides which exist (e.g. Codex's policies). */
export interface ApprovalModeChoice {
  id: string;
  label: string;
  description?: string;
}

/** The state the header shows. */
export interface SessionState {
  sessionId?: string;
  title?: string;
  provider: { id: string; name: string };
  model: string;
  approvalMode: string;
  approvalModes: ApprovalModeChoice[];
  providers: ProviderChoice[];
  /** Whether a turn is running (the input shows Stop instead of Send). */
  running: boolean;
}

/** Context attached to the next message. The host owns the list; the webview shows it as chips. */
export interface Attachment {
  id: string;
  kind: 'file' | 'selection';
  /** Short text for the chip, e.g. `main.ts` or `main.ts:10-24`. */
  label: string;
  /** Workspace-relative path (forward slashes). */
  path: string;
  /** 1-based inclusive line range, for selections. */
  range?: { startLine: number; endLine: number };
}

/** One row of the session history list. */
export interface SessionSummary {
  id: string;
  title: string;
  /** Milliseconds since the epoch. */
  updatedAt: number;
  providerId?: string;
  model?: string;
}

/** One `@file` completion. */
export interface FileCompletionItem {
  /** Workspace-relative path (forward slashes) inserted as `@path`. */
  path: string;
  /** Display text; defaults to the file name. */
  label?: string;
  /** Secondary text, e.g. the folder. */
  description?: string;
}

export type ApprovalKind = 'edit' | 'command' | 'path';

/**
 * Something a saved session showed besides its messages (an error card, or a note such as
 * "Stopped."), placed after the first `afterMessage` messages of the `transcript` message.
 */
export interface TranscriptNote {
  afterMessage: number;
  error?: ErrorInfo;
  text?: string;
}

/**
 * What the user answered an approval card: `approve-for-session` also approves later requests of
 * the same kind in this session (every later edit, the same command line, the same outside path).
 */
export type ApprovalChoice = 'approve' | 'approve-for-session' | 'reject';

/** Where an attachment should come from. */
export type AttachSource =
  | { source: 'activeFile' }
  | { source: 'selection' }
  | { source: 'pickFiles' }
  | { source: 'path'; path: string };

const providerChoice: z.ZodType<ProviderChoice> = z.object({ id, name: z.string(), models: z.array(z.string()) });
const approvalModeChoice: z.ZodType<ApprovalModeChoice> = z.object({
  id,
  label: z.string(),
  description: z.string().optional(),
});
const lineNumber = z.number().int().positive();
const attachment: z.ZodType<Attachment> = z.object({
  id,
  kind: z.enum(['file', 'selection']),
  label: z.string(),
  path: z.string(),
  range: z.object({ startLine: lineNumber, endLine: lineNumber }).optional(),
});
const sessionSummary: z.ZodType<SessionSummary> = z.object({
  id,
  title: z.string(),
  updatedAt: z.number(),
  providerId: z.string().optional(),
  model: z.string().optional(),
});
const fileCompletionItem: z.ZodType<FileCompletionItem> = z.object({
  path: z.string().min(1),
  label: z.string().optional(),
  description: z.string().optional(),
});
const requestId = z.number().int().nonnegative();

// ---- Host -> webview -----------------------------------------------------------------------

/** Messages the host sends to the webview (all notifications). */
export const toWebview = {
  /** Header state; send on `ready` and whenever provider, model, mode or running state change. */
  sessionState: define(
    'sessionState',
    'notification',
    z.object({
      sessionId: z.string().optional(),
      title: z.string().optional(),
      provider: z.object({ id, name: z.string() }),
      model: z.string(),
      approvalMode: z.string(),
      approvalModes: z.array(approvalModeChoice),
      providers: z.array(providerChoice),
      running: z.boolean(),
    }) satisfies z.ZodType<SessionState>,
  ),
  /** Replaces the whole transcript (on `ready`, and when a session is opened or created). */
  transcript: define(
    'transcript',
    'notification',
    z.object({
      sessionId: z.string().optional(),
      messages: z.array(chatMessageSchema),
      notes: z
        .array(z.object({ afterMessage: z.number().int().nonnegative(), error: errorInfoSchema.optional(), text: z.string().optional() }))
        .optional(),
      sessionUsage: usageSchema.optional(),
    }) as z.ZodType<{ sessionId?: string; messages: ChatMessage[]; notes?: TranscriptNote[]; sessionUsage?: Usage }>,
  ),
  /**
   * A turn began. The webview already shows a message it sent itself; set `userMessage` only for
   * turns it did not start (e.g. a VS Code command that asks about the selection).
   */
  turnStarted: define(
    'turnStarted',
    'notification',
    z.object({ turnId: id, userMessage: z.string().optional() }),
  ),
  /** Model output for a turn, batched: one message may carry many events. */
  streamEvents: define(
    'streamEvents',
    'notification',
    z.object({ turnId: id, events: z.array(streamEventSchema).min(1) }) as z.ZodType<{
      turnId: string;
      events: StreamEvent[];
    }>,
  ),
  /** The agent is running a tool; `summary` is one line (e.g. "Read src/main.ts"); `arguments` is JSON text. */
  toolCall: define(
    'toolCall',
    'notification',
    z.object({ turnId: id, id, name: z.string(), summary: z.string(), arguments: z.string() }),
  ),
  /**
   * Output of a tool that is still running (a command), as it arrives (`id` is the tool call id).
   * `skipped`: the host dropped output before this chunk (it came faster than it is worth showing).
   */
  toolOutput: define(
    'toolOutput',
    'notification',
    z.object({ turnId: id, id, chunk: z.string(), skipped: z.boolean().optional() }),
  ),
  /** A tool's output (`id` is the tool call id). The webview truncates long output behind "Show more". */
  toolResult: define(
    'toolResult',
    'notification',
    z.object({ turnId: id, id, output: z.string(), isError: z.boolean().optional() }),
  ),
  /** The agent needs the user's go-ahead. `diff` (unified) for edits, `command`+`cwd` for commands, `path` for paths. */
  approvalRequest: define(
    'approvalRequest',
    'notification',
    z.object({
      turnId: id,
      id,
      kind: z.enum(['edit', 'command', 'path']) as z.ZodType<ApprovalKind>,
      title: z.string(),
      diff: z.string().optional(),
      command: z.string().optional(),
      cwd: z.string().optional(),
      path: z.string().optional(),
    }),
  ),
  /** An approval was settled elsewhere (timeout, turn stopped): the card stops offering buttons. */
  approvalResolved: define(
    'approvalResolved',
    'notification',
    z.object({ id, decision: z.enum(['approved', 'rejected', 'cancelled']) }),
  ),
  /** A turn finished (any way). `usage` is this turn's; `sessionUsage` the running total. */
  turnEnded: define(
    'turnEnded',
    'notification',
    z.object({
      turnId: id,
      stopReason: stopReasonSchema.optional(),
      usage: usageSchema,
      sessionUsage: usageSchema,
    }) as z.ZodType<{ turnId: string; stopReason?: StopReason; usage: Usage; sessionUsage: Usage }>,
  ),
  /** An error to show inline with its fix buttons; in the turn when `turnId` is given, else at the end. */
  error: define(
    'error',
    'notification',
    z.object({ turnId: z.string().optional(), error: errorInfoSchema }) as z.ZodType<{
      turnId?: string;
      error: ErrorInfo;
    }>,
  ),
  /** The session history (newest first). Send on `ready`, on `listSessions` and after changes. */
  sessionList: define(
    'sessionList',
    'notification',
    z.object({ sessions: z.array(sessionSummary), currentSessionId: z.string().optional() }),
  ),
  /**
   * The attachments for the next message changed (the full list). `focusInput` (optional, added
   * for "Switchboard: Open Chat" / "Ask About Selection"): also move the keyboard focus to the
   * message box; a webview that does not know it ignores it.
   */
  attachments: define(
    'attachments',
    'notification',
    z.object({ attachments: z.array(attachment), focusInput: z.boolean().optional() }),
  ),
  /** Answer to `requestFileCompletions` with the same `requestId`. */
  fileCompletions: define(
    'fileCompletions',
    'notification',
    z.object({ requestId, items: z.array(fileCompletionItem) }),
  ),
} as const;

// ---- Webview -> host -----------------------------------------------------------------------

/** Messages the webview sends to the host. */
export const toHost = {
  /** The webview loaded (also after being hidden and shown again): send state, transcript, sessions, attachments. */
  ready: define('ready', 'command', empty),
  /** The user sent a message with the attachments shown at that moment. The host then clears its attachments. */
  sendMessage: define('sendMessage', 'command', z.object({ text: z.string().min(1), attachments: z.array(attachment) })),
  /** Stop the running turn. */
  stop: define('stop', 'command', z.object({ turnId: z.string().optional() })),
  newSession: define('newSession', 'command', empty),
  openSession: define('openSession', 'command', z.object({ id })),
  /** Delete a session; the host may ask the user to confirm. */
  deleteSession: define('deleteSession', 'command', z.object({ id })),
  /** The history view opened: answer with `sessionList`. */
  listSessions: define('listSessions', 'request', empty, 'sessionList'),
  pickProvider: define('pickProvider', 'command', z.object({ providerId: id })),
  pickModel: define('pickModel', 'command', z.object({ model: z.string().min(1) })),
  setApprovalMode: define('setApprovalMode', 'command', z.object({ mode: id })),
  approvalDecision: define(
    'approvalDecision',
    'command',
    z.object({ id, decision: z.enum(['approve', 'approve-for-session', 'reject']) as z.ZodType<ApprovalChoice> }),
  ),
  /** A fix button under an error. `providerId` is the error's provider (or the current one). */
  fixAction: define(
    'fixAction',
    'command',
    z.object({ action: fixActionSchema, providerId: z.string().optional() }) as z.ZodType<{
      action: FixAction;
      providerId?: string;
    }>,
  ),
  /** A code block button. `copy` is only sent when the webview's clipboard is unavailable. */
  codeBlockAction: define(
    'codeBlockAction',
    'command',
    z.object({ action: z.enum(['insert', 'newFile', 'copy']), code: z.string(), language: z.string().optional() }),
  ),
  /** Attach context; the host answers with `attachments`. */
  attachContext: define(
    'attachContext',
    'command',
    z.discriminatedUnion('source', [
      z.object({ source: z.literal('activeFile') }),
      z.object({ source: z.literal('selection') }),
      z.object({ source: z.literal('pickFiles') }),
      z.object({ source: z.literal('path'), path: z.string().min(1) }),
    ]) as z.ZodType<AttachSource>,
  ),
  removeAttachment: define('removeAttachment', 'command', z.object({ id })),
  /** The user typed `@query`: answer with `fileCompletions` carrying the same `requestId`. */
  requestFileCompletions: define(
    'requestFileCompletions',
    'request',
    z.object({ requestId, query: z.string() }),
    'fileCompletions',
  ),
  retryLastTurn: define('retryLastTurn', 'command', empty),
  /** A link in the transcript was clicked. The host must check the scheme (http, https, mailto, or a workspace path). */
  openLink: define('openLink', 'command', z.object({ href: z.string().min(1) })),
  /** Something the host should write to its log (e.g. a malformed message the webview dropped). */
  log: define('log', 'command', z.object({ level: z.enum(['info', 'warn', 'error']), message: z.string() })),
} as const;

type MessageOf<D> = D extends MessageType<infer T, infer P> ? Message<T, P> : never;

/** Any message the host may send to the webview. Switch on `type` for exhaustive handling. */
export type ToWebviewMessage = { [K in keyof typeof toWebview]: MessageOf<(typeof toWebview)[K]> }[keyof typeof toWebview];

/** Any message the webview may send to the host. */
export type ToHostMessage = { [K in keyof typeof toHost]: MessageOf<(typeof toHost)[K]> }[keyof typeof toHost];

/** The params of one host -> webview message type. */
export type ToWebviewParams<T extends ToWebviewMessage['type']> = Extract<ToWebviewMessage, { type: T }>['params'];

/** The params of one webview -> host message type. */
export type ToHostParams<T extends ToHostMessage['type']> = Extract<ToHostMessage, { type: T }>['params'];

/** Validates a message received by the webview. Unknown keys are stripped. */
export function parseToWebviewMessage(raw: unknown): ParseResult<ToWebviewMessage> {
  return parseWith<ToWebviewMessage>(toWebview, raw);
}

/** Validates a message received by the host. Unknown keys are stripped. */
export function parseToHostMessage(raw: unknown): ParseResult<ToHostMessage> {
  return parseWith<ToHostMessage>(toHost, raw);
}
