/**
 * Coalesces rendering work: streams mark themselves dirty as deltas arrive and are flushed together
 * in one pass, at most every `interval` ms (or at once by `flushNow`, before anything that must
 * appear after the text, such as a tool card).
 *
 * A pass that is due runs in a microtask at the end of the message task that made it due, so all
 * the events of one host message render together and no extra callback is scheduled; a pass that
 * is not due yet waits on one timer. The browser paints the result in its next frame either way.
 * (Asking for an animation frame instead costs a callback per frame while waiting, and every
 * callback has a fixed cost that dominates the render of a few new words.)
 *
 * When a pass overruns its budget (a slow machine, a huge table being re-parsed) the next one waits
 * longer, so deltas pile up into fewer, larger renders instead of every frame being late.
 */

/** Something with queued work to render. */
export interface Flushable {
  flush(): void;
}

/** The clock and timers the scheduler uses (injectable for tests). */
export interface SchedulerClock {
  now(): number;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  microtask(callback: () => void): void;
}

/** Least time (ms) between two passes: about two frames, like the host's message batches. */
export const MIN_INTERVAL_MS = 30;
/** Time (ms) a pass may take before the scheduler waits longer for the next. */
const FRAME_BUDGET_MS = 8;
/** Longest wait (ms) between passes after slow ones. */
const MAX_INTERVAL_MS = 100;

const browserClock: SchedulerClock = {
  now: () => performance.now(),
  setTimer: (callback, ms) => setTimeout(callback, ms),
  clearTimer: (handle) => clearTimeout(handle as number),
  microtask: (callback) => queueMicrotask(callback),
};

export class FrameScheduler {
  private readonly dirty = new Set<Flushable>();
  /** A pass is queued (as a microtask or a timer). */
  private queued = false;
  private timer: unknown;
  /** When the last pass ran, and how long to wait after it before the next. */
  private lastRun = -Infinity;
  private interval = MIN_INTERVAL_MS;

  constructor(private readonly clock: SchedulerClock = browserClock) {}

  /** Flush `item` in the next pass: at the end of this task when one is due, else when it is. */
  schedule(item: Flushable): void {
    this.dirty.add(item);
    if (this.queued) return;
    this.queued = true;
    const wait = this.lastRun + this.interval - this.clock.now();
    if (wait <= 0) this.clock.microtask(() => this.runQueued());
    else this.timer = this.clock.setTimer(() => this.runQueued(), wait);
  }

  /** Flush everything queued now, synchronously. */
  flushNow(): void {
    this.run();
  }

  private runQueued(): void {
    if (this.queued) this.run();
  }

  private run(): void {
    if (this.timer !== undefined) this.clock.clearTimer(this.timer);
    this.timer = undefined;
    this.queued = false;
    if (this.dirty.size === 0) return;
    const items = [...this.dirty];
    this.dirty.clear();
    const started = this.clock.now();
    for (const item of items) item.flush();
    this.lastRun = this.clock.now();
    const took = this.lastRun - started;
    this.interval = took > FRAME_BUDGET_MS ? Math.min(MAX_INTERVAL_MS, MIN_INTERVAL_MS + 4 * took) : MIN_INTERVAL_MS;
  }
}
