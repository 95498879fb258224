/**
 * Turns an `AgentSession`'s events into webview messages: stream events batched per frame,
 * tool calls and results, approval cards, turn start/end and inline errors (with fix buttons).
 * Keeps the order the events happened in: any non-stream message flushes the pending batch
 * first. Pure: the caller posts the messages.
 */
import type { AgentEvent, ToolCallUpdate } from '../../core/agent/agentEvents';
import type { ApprovalRequest } from '../../core/agent/approvals';
import type { ErrorInfo, FixAction } from '../../shared/errors';
import type { StopReason } from '../../shared/streamEvents';
import { toWebview, type ToWebviewMessage, type ToWebviewParams } from '../../shared/webviewProtocol';
import { DEFAULT_BATCH_INTERVAL_MS, realBatchTimer, StreamBatcher, type BatchTimer } from './streamBatcher';
import { ToolOutputBatcher } from './toolOutputBatcher';

/** The buttons an error offers: its own actions, plus Retry when retrying may help, plus Show Logs for bugs. */
export function errorForWebview(error: ErrorInfo): ErrorInfo {
  const actions: FixAction[] = [...(error.actions ?? [])];
  if (error.retryable && !actions.includes('retry')) actions.push('retry');
  if (error.kind === 'internal' && !actions.includes('showLogs')) actions.push('showLogs');
  return actions.length > 0 ? { ...error, actions } : error;
}

/** The `approvalRequest` params for an agent approval request. */
export function approvalRequestParams(turnId: string, request: ApprovalRequest): ToWebviewParams<'approvalRequest'> {
  const preview = request.preview;
  const title = request.kind === 'path' && request.reason ? `${request.title}: ${request.reason}` : request.title;
  return {
    turnId,
    id: request.id,
    kind: request.kind,
    title,
    ...(preview?.diff !== undefined && { diff: preview.diff }),
    ...(preview?.command !== undefined && { command: preview.command }),
    ...(preview?.cwd !== undefined && { cwd: preview.cwd }),
    ...(request.kind === 'path' && request.paths.length > 0 && { path: request.paths.join(', ') }),
  };
}

const STOP_REASONS: Record<Extract<AgentEvent, { type: 'turn-ended' }>['reason'], StopReason> = {
  completed: 'stop',
  stopped: 'cancelled',
  error: 'error',
  'max-steps': 'other',
};

/** One line for a tool card: the call's title and summary. */
function toolSummary(call: ToolCallUpdate): string {
  return call.summary ? `${call.title} · ${call.summary}` : call.title;
}

export interface AgentEventMessagesOptions {
  batchIntervalMs?: number;
  timer?: BatchTimer;
}

export class AgentEventMessages {
  private readonly batcher: StreamBatcher;
  private readonly output: ToolOutputBatcher;
  /** Tool call arguments from the stream, by call id (for the `toolCall` card). */
  private readonly toolArguments = new Map<string, string>();
  private readonly announced = new Set<string>();
  private turn: string | undefined;
  private nextUserMessage: string | undefined;

  constructor(private readonly post: (message: ToWebviewMessage) => void, options: AgentEventMessagesOptions = {}) {
    this.batcher = new StreamBatcher(
      (turnId, events) => post(toWebview.streamEvents.create({ turnId, events })),
      options.batchIntervalMs ?? DEFAULT_BATCH_INTERVAL_MS,
      options.timer ?? realBatchTimer,
    );
    this.output = new ToolOutputBatcher(
      (turnId, id, chunk, skipped) => post(toWebview.toolOutput.create({ turnId, id, chunk, ...(skipped && { skipped }) })),
      options.batchIntervalMs ?? DEFAULT_BATCH_INTERVAL_MS,
      options.timer ?? realBatchTimer,
    );
  }

  /** The turn that is running, if any. */
  get runningTurnId(): string | undefined {
    return this.turn;
  }

  /** The next turn was not started by the webview: show this user message with it (retry, commands). */
  announceNextTurn(userMessage: string): void {
    this.nextUserMessage = userMessage;
  }

  /** Sends queued stream events and tool output now. */
  flush(): void {
    this.batcher.flush();
    this.output.flush();
  }

  /** Translates one event (posting what it means for the webview). */
  handle(event: AgentEvent): void {
    if (event.type === 'stream') {
      if (event.event.type === 'error') return; // the agent's `error` event carries it, once
      if (event.event.type === 'tool-call-end') this.toolArguments.set(event.event.id, event.event.arguments);
      this.batcher.push(event.turnId, event.event);
      return;
    }
    if (event.type === 'tool-output') {
      this.output.push(event.turnId, event.callId, event.chunk);
      return;
    }
    if (event.type === 'step-started' || event.type === 'model-changed') return;
    this.flush();
    switch (event.type) {
      case 'turn-started': {
        this.turn = event.turnId;
        const userMessage = this.nextUserMessage;
        this.nextUserMessage = undefined;
        this.post(toWebview.turnStarted.create({ turnId: event.turnId, ...(userMessage !== undefined && { userMessage }) }));
        break;
      }
      case 'tool-call':
        this.toolCall(event.turnId, event.call);
        break;
      case 'approval-request':
        this.post(toWebview.approvalRequest.create(approvalRequestParams(event.turnId, event.request)));
        break;
      case 'approval-resolved':
        this.post(toWebview.approvalResolved.create({ id: event.requestId, decision: event.decision === 'reject' ? 'rejected' : 'approved' }));
        break;
      case 'error':
        this.post(toWebview.error.create({ ...(event.turnId !== undefined && { turnId: event.turnId }), error: errorForWebview(event.error) }));
        break;
      case 'turn-ended':
        if (this.turn === event.turnId) this.turn = undefined;
        this.toolArguments.clear();
        this.announced.clear();
        this.post(
          toWebview.turnEnded.create({ turnId: event.turnId, stopReason: STOP_REASONS[event.reason], usage: event.usage, sessionUsage: event.totalUsage }),
        );
        break;
    }
  }

  /** Forgets the running turn (the session was switched away from). */
  reset(): void {
    this.batcher.dispose();
    this.output.dispose();
    this.turn = undefined;
    this.nextUserMessage = undefined;
    this.toolArguments.clear();
    this.announced.clear();
  }

  dispose(): void {
    this.batcher.dispose();
    this.output.dispose();
  }

  private toolCall(turnId: string, call: ToolCallUpdate): void {
    if (call.status === 'running' && !this.announced.has(call.callId)) {
      this.announced.add(call.callId);
      this.post(
        toWebview.toolCall.create({ turnId, id: call.callId, name: call.name, summary: toolSummary(call), arguments: this.toolArguments.get(call.callId) ?? '' }),
      );
    } else if (call.status === 'done' && call.result) {
      this.post(
        toWebview.toolResult.create({ turnId, id: call.callId, output: call.result.content, ...(call.result.isError && { isError: true }) }),
      );
    }
  }
}
