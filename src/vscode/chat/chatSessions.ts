/**
 * The chat's current session: none yet, a saved record (opened from history or restored after a
 * reload; it becomes a live `AgentSession` on the first message), or a live session. Switching
 * away from a running session stops it; its listener is removed first so its last events do not
 * reach the webview. No `vscode` import.
 */
import type { AgentEvent } from '../../core/agent/agentEvents';
import type { AgentSession } from '../../core/agent/agentSession';
import type { ApprovalHandler, ApprovalMode } from '../../core/agent/approvals';
import type { SessionRecord, SessionStore } from '../../core/agent/sessionStore';
import type { TranscriptEntry } from '../../core/agent/transcript';
import type { Usage } from '../../shared/streamEvents';
import type { ActiveModel, SessionFactory } from './chatPorts';

type Slot =
  | { kind: 'none' }
  | { kind: 'record'; record: SessionRecord }
  | { kind: 'live'; session: AgentSession; unsubscribe: () => void };

export class ChatSessions {
  private slot: Slot = { kind: 'none' };

  constructor(
    private readonly store: SessionStore,
    private readonly factory: SessionFactory,
    private readonly onEvent: (event: AgentEvent) => void,
  ) {}

  /** The current session's id (undefined before the first message of a new chat). */
  get id(): string | undefined {
    return this.slot.kind === 'live' ? this.slot.session.id : this.slot.kind === 'record' ? this.slot.record.id : undefined;
  }

  get title(): string {
    return this.slot.kind === 'live' ? this.slot.session.title : this.slot.kind === 'record' ? this.slot.record.title : '';
  }

  /** The live session, if the current one has one. */
  get live(): AgentSession | undefined {
    return this.slot.kind === 'live' ? this.slot.session : undefined;
  }

  get running(): boolean {
    return this.live?.busy ?? false;
  }

  /** What the webview shows: everything so far, including text still streaming. */
  transcript(): readonly TranscriptEntry[] {
    if (this.slot.kind === 'live') return this.slot.session.busy ? this.slot.session.toRecord().transcript : this.slot.session.transcript;
    return this.slot.kind === 'record' ? this.slot.record.transcript : [];
  }

  usage(): Usage | undefined {
    if (this.slot.kind === 'live') return this.slot.session.transcript.length > 0 ? this.slot.session.usage : undefined;
    return this.slot.kind === 'record' ? this.slot.record.usage : undefined;
  }

  /** The live session for the next message, created (or resumed from the record) on first use. */
  ensureLive(active: ActiveModel & { model: string }, approvalMode: ApprovalMode, approvalHandler: ApprovalHandler): AgentSession {
    if (this.slot.kind === 'live') return this.slot.session;
    const record = this.slot.kind === 'record' ? this.slot.record : undefined;
    const session = this.factory({ provider: active.provider, model: active.model, approvalMode, approvalHandler, ...(record && { record }) });
    const unsubscribe = session.onEvent((event) => this.onEvent(event));
    this.slot = { kind: 'live', session, unsubscribe };
    return session;
  }

  /** Loads a saved session as the current one; false when it does not exist. Throws when unreadable. */
  async open(id: string): Promise<boolean> {
    if (this.id === id) return true;
    const record = await this.store.load(id);
    if (!record) return false;
    this.leave();
    this.slot = { kind: 'record', record };
    return true;
  }

  /** Starts over with an empty chat. */
  clear(): void {
    this.leave();
    this.slot = { kind: 'none' };
  }

  /** Saves what the live session has shown (including a turn still streaming). */
  async flush(): Promise<void> {
    const session = this.live;
    if (!session) return;
    await session.flush();
    if (session.transcript.length > 0) await this.store.save(session.toRecord());
  }

  private leave(): void {
    if (this.slot.kind !== 'live') return;
    this.slot.unsubscribe();
    this.slot.session.stop();
  }
}
