/**
 * An approval request: what the agent wants to do (a coloured unified diff, a command line with
 * its folder, or a path) and Approve / Approve for this session / Reject buttons. Native buttons,
 * so Tab + Enter/Space work.
 */
import type { ApprovalChoice, ApprovalKind, ToWebviewParams } from '../../shared/webviewProtocol';
import { h, icon } from '../dom';

type ApprovalRequest = ToWebviewParams<'approvalRequest'>;
type Settlement = 'approved' | 'approved-for-session' | 'rejected' | 'cancelled';

/** Renders a unified diff with one element per line, classed by its first character. */
export function renderDiff(diff: string): HTMLElement {
  const pre = h('pre', { class: 'diff', 'aria-label': 'Proposed changes' });
  const lines = diff.endsWith('\n') ? diff.slice(0, -1).split('\n') : diff.split('\n');
  for (const line of lines) {
    let kind = 'context';
    if (line.startsWith('+++') || line.startsWith('---') || line.startsWith('diff ') || line.startsWith('index ')) kind = 'meta';
    else if (line.startsWith('@@')) kind = 'hunk';
    else if (line.startsWith('+')) kind = 'add';
    else if (line.startsWith('-')) kind = 'del';
    pre.append(h('span', { class: `diff-line diff-${kind}` }, line));
  }
  return pre;
}

const SETTLED_TEXT: Record<Settlement, string> = {
  approved: 'Approved',
  'approved-for-session': 'Approved for this session',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
};

/** The session-wide button: its label, and what it will allow without asking again. */
const FOR_SESSION: Record<ApprovalKind, { label: string; title: string }> = {
  edit: { label: 'Allow All Edits', title: 'Approve this edit and every later edit in this session without asking' },
  command: { label: 'Always Allow', title: 'Approve this command line, and run it again in this session without asking' },
  path: { label: 'Always Allow', title: 'Approve access to this path, and to it again in this session without asking' },
};

const OUTCOME: Record<ApprovalChoice, Settlement> = { approve: 'approved', 'approve-for-session': 'approved-for-session', reject: 'rejected' };

export class ApprovalCard {
  readonly element: HTMLElement;
  private readonly buttons: HTMLButtonElement[];
  private readonly statusElement = h('div', { class: 'approval-status' });
  private settled = false;

  constructor(readonly request: ApprovalRequest, onDecision: (decision: ApprovalChoice) => void) {
    const decide = (decision: ApprovalChoice) => () => {
      if (this.settled) return;
      onDecision(decision);
      this.settle(OUTCOME[decision]);
    };
    const forSession = FOR_SESSION[request.kind];
    this.buttons = [
      h('button', { type: 'button', class: 'primary-button', 'data-decision': 'approve', onclick: decide('approve') }, icon('check'), 'Approve'),
      h(
        'button',
        { type: 'button', class: 'secondary-button', 'data-decision': 'approve-for-session', title: forSession.title, onclick: decide('approve-for-session') },
        icon('check-all'),
        forSession.label,
      ),
      h('button', { type: 'button', class: 'secondary-button', 'data-decision': 'reject', onclick: decide('reject') }, icon('close'), 'Reject'),
    ];
    this.statusElement.hidden = true;
    this.element = h(
      'div',
      { class: `approval-card approval-kind-${request.kind}`, role: 'group', 'aria-label': `Approval needed: ${request.title}`, 'data-approval-id': request.id },
      h('div', { class: 'approval-title' }, icon(request.kind === 'command' ? 'terminal' : request.kind === 'edit' ? 'edit' : 'folder'), request.title),
      this.body(request),
      h('div', { class: 'approval-actions' }, ...this.buttons),
      this.statusElement,
    );
  }

  get isSettled(): boolean {
    return this.settled;
  }

  /** Disables the buttons and shows the outcome. */
  settle(outcome: Settlement): void {
    if (this.settled) return;
    this.settled = true;
    for (const button of this.buttons) button.disabled = true;
    this.element.dataset.outcome = outcome;
    this.statusElement.textContent = SETTLED_TEXT[outcome];
    this.statusElement.hidden = false;
  }

  private body(request: ApprovalRequest): HTMLElement {
    const parts: HTMLElement[] = [];
    if (request.path) parts.push(h('div', { class: 'approval-path' }, h('code', {}, request.path)));
    if (request.command !== undefined) parts.push(h('pre', { class: 'approval-command' }, `$ ${request.command}`));
    if (request.cwd) parts.push(h('div', { class: 'approval-cwd' }, `in ${request.cwd}`));
    if (request.diff !== undefined) parts.push(renderDiff(request.diff));
    return h('div', { class: 'approval-body' }, ...parts);
  }
}
