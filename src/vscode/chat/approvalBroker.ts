/**
 * The chat's `ApprovalHandler`: each request waits for the webview's Approve/Reject (the card is
 * shown from the agent's `approval-request` event) and settles when the user decides, or rejects
 * when the turn is stopped. Pending requests are kept so a re-shown webview can show them again.
 * Pure.
 */
import type { ApprovalDecision, ApprovalHandler, ApprovalRequest } from '../../core/agent/approvals';

interface Pending {
  request: ApprovalRequest;
  resolve(decision: ApprovalDecision): void;
}

export class ApprovalBroker implements ApprovalHandler {
  private readonly pending = new Map<string, Pending>();

  requestApproval(request: ApprovalRequest, signal: AbortSignal): Promise<ApprovalDecision> {
    return new Promise<ApprovalDecision>((resolve, reject) => {
      if (signal.aborted) {
        reject(abortError());
        return;
      }
      const onAbort = () => {
        this.pending.delete(request.id);
        reject(abortError());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.pending.set(request.id, {
        request,
        resolve: (decision) => {
          signal.removeEventListener('abort', onAbort);
          this.pending.delete(request.id);
          resolve(decision);
        },
      });
    });
  }

  /** The user decided in the webview; returns false when no such request is waiting. */
  decide(id: string, decision: ApprovalDecision): boolean {
    const waiting = this.pending.get(id);
    waiting?.resolve(decision);
    return waiting !== undefined;
  }

  /** Rejects every waiting request (the session is being left or closed). */
  rejectAll(): void {
    for (const waiting of [...this.pending.values()]) waiting.resolve('reject');
  }

  /** The requests still waiting, oldest first. */
  waiting(): ApprovalRequest[] {
    return [...this.pending.values()].map((p) => p.request);
  }
}

function abortError(): Error {
  const error = new Error('The turn was stopped while an approval was waiting.');
  error.name = 'AbortError';
  return error;
}
