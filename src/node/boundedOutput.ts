/**
 * Collects one output stream of a child process up to a byte cap. Past the cap it keeps
 * accepting (so the child never blocks on a full pipe) but drops the bytes and remembers it did.
 */
import { StringDecoder } from 'node:string_decoder';

/** A capped byte sink for one stream (stdout or stderr). */
export class BoundedOutput {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private readonly decoder = new StringDecoder('utf8');
  /** True once any byte had to be dropped. */
  truncated = false;

  constructor(
    private readonly maxBytes: number,
    private readonly onText?: (text: string) => void,
  ) {}

  /** Takes a chunk; returns nothing, drops whatever is past the cap. */
  push(chunk: Buffer): void {
    const room = Math.max(0, this.maxBytes - this.size);
    if (room === 0) {
      if (chunk.length > 0) this.truncated = true;
      return;
    }
    const kept = chunk.length > room ? chunk.subarray(0, room) : chunk;
    if (kept.length < chunk.length) this.truncated = true;
    this.chunks.push(kept);
    this.size += kept.length;
    if (this.onText) {
      const text = this.decoder.write(kept);
      if (text) this.onText(text);
    }
  }

  /** Everything kept, decoded as UTF-8. */
  text(): string {
    return Buffer.concat(this.chunks, this.size).toString('utf8');
  }
}
