/**
 * Approval modes and the interface a host implements to let the user approve a tool call.
 *
 * Modes (like Codex's):
 * - `read-only`: reads inside the workspace run; edits and commands are refused with a tool
 *   result the model sees ("not allowed in read-only mode"); any path outside the workspace is
 *   refused, reads included.
 * - `ask`: reads inside the workspace run; edits and commands wait for the user (the request
 *   carries the diff or the command line); outside paths ask too (kind `path`).
 * - `auto`: reads, edits and commands inside the workspace run; anything touching a path outside
 *   the workspace still asks (kind `path`).
 * Without an `ApprovalHandler` (the CLI), every request that would ask is refused instead.
 */
import type { ToolPreview } from './tools/toolTypes';

export type ApprovalMode = 'read-only' | 'ask' | 'auto';

export const APPROVAL_MODES: readonly ApprovalMode[] = ['read-only', 'ask', 'auto'];

/** What the user is asked to allow. */
export interface ApprovalRequest {
  /** Unique per request. */
  id: string;
  /** The tool call this request belongs to. */
  callId: string;
  toolName: string;
  /** `edit`/`command`: an inside-workspace change in `ask` mode; `path`: a path outside the workspace. */
  kind: 'edit' | 'command' | 'path';
  /** One line for the UI, e.g. "Edit src/app.ts" or "Run `npm test`". */
  title: string;
  /** For `path`: why the path is outside, e.g. "/etc/hosts is outside the workspace (/home/me/proj)". */
  reason?: string;
  /** Paths involved (relative when inside, absolute when outside). */
  paths: string[];
  /** The unified diff for edits, the command line for commands. */
  preview?: ToolPreview;
}

/**
 * `approve-for-session` also approves later requests of the same kind in this session:
 * every later edit (kind `edit`), the same command line (kind `command`), or the same outside
 * path (kind `path`).
 */
export type ApprovalDecision = 'approve' | 'approve-for-session' | 'reject';

/** Implemented by the host: VS Code shows buttons in the chat. The CLI has none. */
export interface ApprovalHandler {
  /**
   * Ask the user. `signal` aborts when the turn is stopped; the handler should then resolve
   * `reject` (or reject the promise) and remove its UI.
   */
  requestApproval(request: ApprovalRequest, signal: AbortSignal): Promise<ApprovalDecision>;
}
