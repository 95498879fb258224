/**
 * Coalesces rendering work to one pass per animation frame at most: streams mark themselves dirty
 * as deltas arrive, and are flushed together in the next frame (or at once by `flushNow`, before
 * anything that must appear after the text, such as a tool card). When a pass overruns its budget
 * (a slow machine, a huge table being re-parsed), the next passes wait a few frames, so deltas
 * pile up into fewer, larger renders instead of every frame being late.
 */

/** Something with queued work to render. */
export interface Flushable {
  flush(): void;
}

/** Time (ms) a flush pass may take before the scheduler skips frames to catch up. */
const FRAME_BUDGET_MS = 8;
/** Most frames skipped after one slow pass. */
const MAX_SKIPPED_FRAMES = 4;

export class FrameScheduler {
  private readonly dirty = new Set<Flushable>();
  private handle: number | undefined;
  /** Frames to let pass before the next flush (after an overrun). */
  private skip = 0;

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
    if (this.skip > 0 && this.dirty.size > 0) {
      this.skip--;
      this.handle = this.requestFrame(() => this.onFrame());
      return;
    }
    this.run();
  }

  private run(): void {
    this.handle = undefined;
    this.skip = 0;
    if (this.dirty.size === 0) return;
    const items = [...this.dirty];
    this.dirty.clear();
    const started = this.now();
    for (const item of items) item.flush();
    const took = this.now() - started;
    if (took > FRAME_BUDGET_MS) this.skip = Math.min(MAX_SKIPPED_FRAMES, Math.floor(took / FRAME_BUDGET_MS));
  }
}
