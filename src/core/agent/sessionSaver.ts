/**
 * Saves a session without blocking the loop: `touch()` is O(1) and schedules a save within
 * `intervalMs`; `saveNow()` saves at once. Saves never overlap: requests made while one is being
 * written are coalesced into one more save of the latest state.
 */
import type { SessionRecord, SessionStore } from './sessionStore';

export class SessionSaver {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> | undefined;
  private dirty = false;

  constructor(
    private readonly store: SessionStore,
    /** Called right before each write, so the latest state is saved. */
    private readonly snapshot: () => SessionRecord,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Something changed; save within `intervalMs` (no-op when a save is already scheduled). */
  touch(): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.saveNow();
    }, this.intervalMs);
  }

  /** Saves the current state; resolves once it is written (errors go to `onError`). */
  saveNow(): Promise<void> {
    this.cancelTimer();
    this.dirty = true;
    this.writing ??= this.drain();
    return this.writing;
  }

  /** Resolves when no save is in progress. */
  async idle(): Promise<void> {
    while (this.writing) await this.writing;
  }

  /** Drops a scheduled save (the last state is saved by the caller). */
  cancelTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async drain(): Promise<void> {
    try {
      while (this.dirty) {
        this.dirty = false;
        try {
          await this.store.save(this.snapshot());
        } catch (error) {
          this.onError(error);
        }
      }
    } finally {
      this.writing = undefined;
    }
  }
}
