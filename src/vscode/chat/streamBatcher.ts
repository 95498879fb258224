/**
 * Batches a turn's stream events so the webview gets at most one `streamEvents` message per
 * interval instead of one per token: a 100,000-token answer becomes a few hundred
 * postMessage calls. Adjacent deltas are merged (text with text, reasoning with reasoning, a tool
 * call's argument deltas per call), so a batch stays small too. Pure: the timer is injectable.
 */
import type { StreamEvent } from '../../shared/streamEvents';

/** A one-shot timer (setTimeout in the host; a manual one in tests). */
export interface BatchTimer {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** The real timer. */
export const realBatchTimer: BatchTimer = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Default batch interval: 20 updates a second. Text still flows (words appear, not pages), and
 * each message costs the webview a fixed amount (dispatch, validation, a render pass, then style
 * and layout): bench/renderBench.mts measured 641 ms of webview script for a 20-second answer
 * at 16 ms batches and 511 ms at 50 ms, with no other change.
 */
export const DEFAULT_BATCH_INTERVAL_MS = 50;

/** Appends `event` to `events`, merging it into the last event when both are deltas of the same stream. */
export function appendMerged(events: StreamEvent[], event: StreamEvent): void {
  const last = events[events.length - 1];
  if (last?.type === 'text-delta' && event.type === 'text-delta') {
    events[events.length - 1] = { type: 'text-delta', text: last.text + event.text };
  } else if (last?.type === 'reasoning-delta' && event.type === 'reasoning-delta') {
    events[events.length - 1] = { type: 'reasoning-delta', text: last.text + event.text };
  } else if (last?.type === 'tool-call-delta' && event.type === 'tool-call-delta' && last.id === event.id) {
    events[events.length - 1] = { type: 'tool-call-delta', id: last.id, argumentsDelta: last.argumentsDelta + event.argumentsDelta };
  } else {
    events.push(event);
  }
}

/** Calls `due` once, `intervalMs` after the first `request` since the last `cancel` (the timer shared by the batchers). */
export class IntervalFlush {
  private handle: unknown;
  private scheduled = false;

  constructor(
    private readonly due: () => void,
    private readonly intervalMs: number,
    private readonly timer: BatchTimer,
  ) {}

  /** Something is queued: make sure `due` runs within the interval. */
  request(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.handle = this.timer.set(() => {
      this.scheduled = false;
      this.due();
    }, this.intervalMs);
  }

  /** The queue was emptied (or dropped): no call is due. */
  cancel(): void {
    if (this.scheduled) this.timer.clear(this.handle);
    this.scheduled = false;
  }
}

export class StreamBatcher {
  private turnId: string | undefined;
  private events: StreamEvent[] = [];
  private readonly schedule: IntervalFlush;

  constructor(
    /** Receives each batch (never empty), in order. */
    private readonly emit: (turnId: string, events: StreamEvent[]) => void,
    intervalMs: number = DEFAULT_BATCH_INTERVAL_MS,
    timer: BatchTimer = realBatchTimer,
  ) {
    this.schedule = new IntervalFlush(() => this.flush(), intervalMs, timer);
  }

  /** Queues an event; the batch goes out within `intervalMs` (or at the next `flush`). */
  push(turnId: string, event: StreamEvent): void {
    if (this.turnId !== undefined && this.turnId !== turnId) this.flush();
    this.turnId = turnId;
    appendMerged(this.events, event);
    this.schedule.request();
  }

  /** Sends what is queued now. Call before any other message so the webview sees events in order. */
  flush(): void {
    this.schedule.cancel();
    const turnId = this.turnId;
    const events = this.events;
    this.turnId = undefined;
    this.events = [];
    if (turnId !== undefined && events.length > 0) this.emit(turnId, events);
  }

  /** Drops what is queued and cancels the timer. */
  dispose(): void {
    this.schedule.cancel();
    this.events = [];
    this.turnId = undefined;
  }
}
