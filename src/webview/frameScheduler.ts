/**
 * Coalesces rendering work into animation frames: streams mark themselves dirty as deltas arrive,
 * and are flushed together in a later frame (or at once by `flushNow`, before anything that must
 * appear after the text, such as a tool card). Passes are at least MIN_INTERVAL_MS apart (text
 * streams in at ~30 updates/s, like the host's 16-33 ms batches; each pass makes the browser
 * style, lay out, paint and commit the page, which costs far more than the render itself), and
 * when a pass overruns its budget (a slow machine, a huge table being re-parsed) the next one
 * waits longer, so deltas pile up into fewer, larger renders instead of every frame being late.
 */

/** Something with queued work to render. */
export interface Flushable {
  flush(): void;
}

/** Least time (ms) between two flush passes (a frame's worth of slack: frames are ~16.7 ms apart). */
const MIN_INTERVAL_MS = 30;
/** Time (ms) a flush pass may take before the scheduler waits longer for the next. */
const FRAME_BUDGET_MS = 8;
/** Longest wait (ms) between passes after slow ones. */
const MAX_INTERVAL_MS = 100;

export class FrameScheduler {
  private readonly dirty = new Set<Flushable>();
  private handle: number | undefined;
  /** When the last pass ran, and how long to wait after it before the next. */
  private lastRun = -Infinity;
  private interval = MIN_INTERVAL_MS;

  constructor(
    private readonly requestFrame: (callback: () => void) => number = (cb) => requestAnimationFrame(cb),
    private readonly cancelFrame: (handle: number) => void = (h) => cancelAnimationFrame(h),
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Flush `item` in the next frame (or a few frames later when the last pass overran). */
  schedule(item: Flushable): void {
    this.dirty.add(item);
    this.handle ??= this.requestFrame(() => this.onFrame());
  }

  /** Flush everything queued now, synchronously. */
  flushNow(): void {
    if (this.handle !== undefined) this.cancelFrame(this.handle);
    this.run();
  }

  private onFrame(): void {
    if (this.dirty.size > 0 && this.now() - this.lastRun < this.interval) {
      this.handle = this.requestFrame(() => this.onFrame());
      return;
    }
    this.run();
  }

  private run(): void {
    this.handle = undefined;
    if (this.dirty.size === 0) return;
    const items = [...this.dirty];
    this.dirty.clear();
    const started = this.now();
    for (const item of items) item.flush();
    this.lastRun = this.now();
    const took = this.lastRun - started;
    this.interval = took > FRAME_BUDGET_MS ? Math.min(MAX_INTERVAL_MS, MIN_INTERVAL_MS + 4 * took) : MIN_INTERVAL_MS;
  }
}
