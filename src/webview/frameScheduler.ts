/**
 * Coalesces rendering work to one pass per animation frame: streams mark themselves dirty as
 * deltas arrive, and are flushed together in the next frame (or at once by `flushNow`, before
 * anything that must appear after the text, such as a tool card).
 */

/** Something with queued work to render. */
export interface Flushable {
  flush(): void;
}

export class FrameScheduler {
  private readonly dirty = new Set<Flushable>();
  private handle: number | undefined;

  constructor(
    /** Runs after each flush pass that did work (e.g. keep the transcript scrolled to the bottom). */
    private readonly afterFlush: () => void,
    private readonly requestFrame: (callback: () => void) => number = (cb) => requestAnimationFrame(cb),
    private readonly cancelFrame: (handle: number) => void = (h) => cancelAnimationFrame(h),
  ) {}

  /** Flush `item` in the next frame. */
  schedule(item: Flushable): void {
    this.dirty.add(item);
    this.handle ??= this.requestFrame(() => this.run());
  }

  /** Flush everything queued now, synchronously. */
  flushNow(): void {
    if (this.handle !== undefined) this.cancelFrame(this.handle);
    this.run();
  }

  private run(): void {
    this.handle = undefined;
    if (this.dirty.size === 0) return;
    const items = [...this.dirty];
    this.dirty.clear();
    for (const item of items) item.flush();
    this.afterFlush();
  }
}
