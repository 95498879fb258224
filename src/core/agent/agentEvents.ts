/** What an `AgentSession` tells its listeners (the chat UI, the CLI's printer). */
import type { ErrorInfo } from '../../shared/errors';
import type { StreamEvent, Usage } from '../../shared/streamEvents';
import type { ApprovalDecision, ApprovalRequest } from './approvals';
import type { ToolPreview, ToolResult } from './tools/toolTypes';

/** Why a turn ended. */
export type TurnEndReason = 'completed' | 'stopped' | 'error' | 'max-steps';

/**
 * A tool call's life: `pending` (arguments parsed, waiting its turn) → `awaiting-approval` (only
 * when asked) → `running` → `done` (with `result`). Calls refused before running go straight to `done`.
 */
export type ToolCallStatus = 'pending' | 'awaiting-approval' | 'running' | 'done';

export interface ToolCallUpdate {
  callId: string;
  name: string;
  status: ToolCallStatus;
  /** UI title, e.g. "Edit src/app.ts" (the tool name when the arguments were unusable). */
  title: string;
  summary?: string;
  /** Diff or command line, once known. */
  preview?: ToolPreview;
  /** Present when `status` is `done`. */
  result?: ToolResult;
}

export type AgentEvent =
  | { type: 'turn-started'; turnId: string; providerId: string; model: string }
  /** One model request within the turn; `step` counts from 1. */
  | { type: 'step-started'; turnId: string; step: number; providerId: string; model: string }
  /** Every stream event, forwarded as it arrives. */
  | { type: 'stream'; turnId: string; step: number; event: StreamEvent }
  | { type: 'tool-call'; turnId: string; call: ToolCallUpdate }
  /** Command output as it arrives (run_command). */
  | { type: 'tool-output'; turnId: string; callId: string; chunk: string; stream: 'stdout' | 'stderr' }
  | { type: 'approval-request'; turnId: string; request: ApprovalRequest }
  | { type: 'approval-resolved'; turnId: string; requestId: string; decision: ApprovalDecision }
  | {
      type: 'turn-ended';
      turnId: string;
      reason: TurnEndReason;
      /** Usage of this turn's model requests. */
      usage: Usage;
      /** Usage of the whole session so far. */
      totalUsage: Usage;
      error?: ErrorInfo;
    }
  /** An error: the turn's failure (also in `turn-ended`), or a non-fatal one such as a failed save. */
  | { type: 'error'; turnId?: string; error: ErrorInfo; fatal: boolean }
  | { type: 'model-changed'; providerId: string; model: string };

export type AgentEventListener = (event: AgentEvent) => void;
