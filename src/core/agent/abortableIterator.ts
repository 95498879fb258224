/**
 * Reads an async iterator while watching an AbortSignal, so a stop takes effect at once even
 * when the producer does not react to the signal. O(1) per item: one listener per iterator.
 */

export const ABORTED = Symbol('aborted');

export class AbortableIterator<T> {
  private wake: ((value: typeof ABORTED) => void) | undefined;
  private readonly onAbort = () => this.wake?.(ABORTED);

  constructor(
    private readonly iterator: AsyncIterator<T>,
    private readonly signal: AbortSignal,
  ) {
    signal.addEventListener('abort', this.onAbort, { once: true });
  }

  /** The next item, or `ABORTED` once the signal fires (the iterator is then told to return). */
  async next(): Promise<IteratorResult<T> | typeof ABORTED> {
    if (this.signal.aborted) return this.abandon();
    const result = await new Promise<IteratorResult<T> | typeof ABORTED>((resolve, reject) => {
      this.wake = resolve;
      this.iterator.next().then(resolve, reject);
    });
    this.wake = undefined;
    return result === ABORTED ? this.abandon() : result;
  }

  /** Stops watching the signal. */
  close(): void {
    this.signal.removeEventListener('abort', this.onAbort);
  }

  private abandon(): typeof ABORTED {
    this.close();
    // Do not wait: a producer stuck in an await would block `return()` until it yields.
    void this.iterator.return?.()?.catch(() => undefined);
    return ABORTED;
  }
}
