/**
 * Batches a running command's output for the webview the way StreamBatcher batches text: at most
 * one `toolOutput` message per call per interval, chunks merged. A command that floods its output
 * (a verbose build) sends only the last MAX_CHUNK_CHARS of each interval: the card shows a live
 * tail, and the full (bounded) output arrives with the result. Pure: the timer is injectable.
 */
import { DEFAULT_BATCH_INTERVAL_MS, IntervalFlush, realBatchTimer, type BatchTimer } from './streamBatcher';

/** Most characters of output sent per call per interval (the tail is what matters while it runs). */
export const MAX_CHUNK_CHARS = 16_384;

interface Pending {
  turnId: string;
  text: string;
  /** Output was dropped from the front of `text` in this interval. */
  skipped: boolean;
}

export class ToolOutputBatcher {
  private readonly pending = new Map<string, Pending>();
  private readonly schedule: IntervalFlush;

  constructor(
    /** Receives each call's merged output (never empty); `skipped` when earlier output of the interval was dropped. */
    private readonly emit: (turnId: string, callId: string, chunk: string, skipped: boolean) => void,
    intervalMs: number = DEFAULT_BATCH_INTERVAL_MS,
    timer: BatchTimer = realBatchTimer,
  ) {
    this.schedule = new IntervalFlush(() => this.flush(), intervalMs, timer);
  }

  /** Queues output of call `callId`; it goes out within `intervalMs` (or at the next `flush`). */
  push(turnId: string, callId: string, chunk: string): void {
    if (chunk === '') return;
    const entry = this.pending.get(callId) ?? { turnId, text: '', skipped: false };
    entry.text += chunk;
    if (entry.text.length > MAX_CHUNK_CHARS) {
      entry.text = entry.text.slice(-MAX_CHUNK_CHARS);
      entry.skipped = true;
    }
    this.pending.set(callId, entry);
    this.schedule.request();
  }

  /** Sends what is queued now (before the call's result, so the webview sees output first). */
  flush(): void {
    this.schedule.cancel();
    const entries = [...this.pending];
    this.pending.clear();
    for (const [callId, entry] of entries) this.emit(entry.turnId, callId, entry.text, entry.skipped);
  }

  /** Drops what is queued (the turn was left). */
  dispose(): void {
    this.schedule.cancel();
    this.pending.clear();
  }
}
