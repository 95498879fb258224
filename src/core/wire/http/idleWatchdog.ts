/**
 * Aborts a request when nothing arrives for `ms` while we are waiting for the network. Only time
 * spent waiting counts: a slow consumer of the stream does not trip it. One timer per attempt,
 * re-armed with `refresh()`, so the per-chunk cost is a flag flip and a timer refresh.
 */
import { IdleTimeoutError } from './wireErrors';

export class IdleWatchdog {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private waiting = false;
  private phase: 'headers' | 'body' = 'headers';
  private stopped = false;

  constructor(
    private readonly ms: number,
    private readonly controller: AbortController,
  ) {}

  /** Start waiting for data (call before each read / before sending the request). */
  arm(phase: 'headers' | 'body'): void {
    if (this.stopped || !(this.ms > 0)) return;
    this.phase = phase;
    this.waiting = true;
    if (this.timer === undefined) this.timer = setTimeout(() => this.fire(), this.ms);
    else this.timer.refresh();
  }

  /** Data arrived (or we stopped waiting). */
  disarm(): void {
    this.waiting = false;
  }

  /** For good: clears the timer. */
  stop(): void {
    this.stopped = true;
    this.waiting = false;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private fire(): void {
    if (!this.waiting || this.stopped) return;
    this.stop();
    this.controller.abort(new IdleTimeoutError(this.ms, this.phase));
  }
}
