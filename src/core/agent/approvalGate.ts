/**
 * Puts approval requests to the host one at a time and remembers "approve for this session"
 * grants. Knows nothing about modes: `toolCallRunner.ts` decides when to ask.
 */
import type { AgentEvent } from './agentEvents';
import type { ApprovalDecision, ApprovalHandler, ApprovalRequest } from './approvals';

/** `unavailable`: no handler (nobody to ask); `stopped`: the turn was stopped while waiting. */
export type ApprovalOutcome = 'approved' | 'rejected' | 'unavailable' | 'stopped';

export class ApprovalGate {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly grants = new Set<string>();

  constructor(
    private readonly handler: ApprovalHandler | undefined,
    private readonly emit: (event: AgentEvent) => void,
  ) {}

  /** Whether a host is there to ask. */
  get canAsk(): boolean {
    return this.handler !== undefined;
  }

  /** Asks the user unless a session grant already covers `request`. */
  ask(request: ApprovalRequest, turnId: string, signal: AbortSignal): Promise<ApprovalOutcome> {
    const run = () => this.askNow(request, turnId, signal);
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async askNow(request: ApprovalRequest, turnId: string, signal: AbortSignal): Promise<ApprovalOutcome> {
    if (signal.aborted) return 'stopped';
    const keys = grantKeys(request);
    if (keys.every((k) => this.grants.has(k))) return 'approved';
    if (!this.handler) return 'unavailable';
    this.emit({ type: 'approval-request', turnId, request });
    let decision: ApprovalDecision | 'stopped';
    try {
      decision = await untilAborted(this.handler.requestApproval(request, signal), signal);
    } catch {
      decision = signal.aborted ? 'stopped' : 'reject';
    }
    this.emit({ type: 'approval-resolved', turnId, requestId: request.id, decision: decision === 'stopped' ? 'reject' : decision });
    if (decision === 'stopped') return 'stopped';
    if (decision === 'approve-for-session') for (const key of keys) this.grants.add(key);
    return decision === 'reject' ? 'rejected' : 'approved';
  }
}

/**
 * What an `approve-for-session` decision covers: every later edit; this command line; these
 * outside paths (for commands: this command line in these directories).
 */
function grantKeys(request: ApprovalRequest): string[] {
  switch (request.kind) {
    case 'edit':
      return ['edit'];
    case 'command':
      return [`command:${request.preview?.command ?? ''}`];
    case 'path':
      return request.paths.map((p) => (request.preview?.command !== undefined ? `path:${p}\ncommand:${request.preview.command}` : `path:${p}`));
  }
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | 'stopped'> {
  return new Promise<T | 'stopped'>((resolve, reject) => {
    const onAbort = () => resolve('stopped');
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(signal.aborted ? 'stopped' : value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
