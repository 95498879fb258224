/**
 * Keeps a retried stream from repeating or losing what the user already saw. The first attempt
 * only records (text, reasoning, finished tool calls). A retry replays the answer from the start,
 * so its events are compared with the record: the already-shown prefix of text and reasoning is
 * dropped, tool calls that already finished are dropped when the replay produces the same call,
 * and everything after is passed on. If the replay diverges from the shown text, the rest of the
 * replay after the shown length is passed on and `diverged` tells the runner to say so.
 */
import type { StreamEvent } from '../../../shared/streamEvents';

/** Text shown so far on one channel (answer or reasoning), and the replay position. */
class ShownText {
  private chunks: string[] = [];
  private joined = '';
  length = 0;
  /** Position in the replayed text of the current attempt. */
  private pos = 0;
  private diverged = false;

  record(text: string): void {
    this.chunks.push(text);
    this.length += text.length;
  }

  startReplay(): void {
    if (this.chunks.length > 0) {
      this.joined += this.chunks.join('');
      this.chunks = [];
    }
    this.pos = 0;
    this.diverged = false;
  }

  /** The part of a replayed delta not shown before ('' when all of it was), and whether it diverged. */
  replay(text: string): { rest: string; divergedNow: boolean } {
    const start = this.pos;
    this.pos += text.length;
    const shown = this.joined.length;
    if (start >= shown) {
      this.joined += text;
      return { rest: text, divergedNow: false };
    }
    const overlap = Math.min(text.length, shown - start);
    let divergedNow = false;
    if (!this.diverged && this.joined.slice(start, start + overlap) !== text.slice(0, overlap)) {
      this.diverged = true;
      divergedNow = true;
    }
    const rest = text.slice(overlap);
    if (rest) this.joined += rest;
    return { rest, divergedNow };
  }
}

interface FinishedCall {
  name: string;
  arguments: string;
}

export class ReplayGuard {
  private readonly text = new ShownText();
  private readonly reasoning = new ShownText();
  private readonly finishedCalls: FinishedCall[] = [];
  private replaying = false;
  /** Replay state: index of the next call started in this attempt, and calls being held back. */
  private callIndex = 0;
  private held = new Map<string, { index: number; events: StreamEvent[] }>();
  /** Set when a replay diverged from what was shown; the runner reports it once. */
  divergence: string | undefined;

  /** First attempt: remember what is emitted. Hot path: one type check and an array push. */
  record(event: StreamEvent): void {
    switch (event.type) {
      case 'text-delta':
        this.text.record(event.text);
        break;
      case 'reasoning-delta':
        this.reasoning.record(event.text);
        break;
      case 'tool-call-end':
        this.finishedCalls.push({ name: event.name, arguments: event.arguments });
        break;
    }
  }

  /** A new attempt starts: the next events replay the answer from its beginning. */
  startReplay(): void {
    this.replaying = true;
    this.text.startReplay();
    this.reasoning.startReplay();
    this.callIndex = 0;
    this.held.clear();
  }

  get isReplaying(): boolean {
    return this.replaying;
  }

  /** Replaying: pushes to `out` what should be emitted for `event`. */
  filter(event: StreamEvent, out: StreamEvent[]): void {
    switch (event.type) {
      case 'text-delta':
      case 'reasoning-delta': {
        const channel = event.type === 'text-delta' ? this.text : this.reasoning;
        const { rest, divergedNow } = channel.replay(event.text);
        if (divergedNow) {
          this.divergence = `the retried ${event.type === 'text-delta' ? 'answer' : 'reasoning'} differs from the text already shown; showing only what follows it`;
        }
        if (rest === event.text) out.push(event);
        else if (rest) out.push({ type: event.type, text: rest });
        return;
      }
      case 'tool-call-start': {
        const index = this.callIndex++;
        if (index < this.finishedCalls.length) {
          this.held.set(event.id, { index, events: [event] });
          return;
        }
        out.push(event);
        return;
      }
      case 'tool-call-delta': {
        const held = this.held.get(event.id);
        if (held) held.events.push(event);
        else out.push(event);
        return;
      }
      case 'tool-call-end': {
        const held = this.held.get(event.id);
        if (!held) {
          this.finishedCalls.push({ name: event.name, arguments: event.arguments });
          out.push(event);
          return;
        }
        this.held.delete(event.id);
        const before = this.finishedCalls[held.index];
        if (before.name === event.name && before.arguments === event.arguments) return; // already delivered
        this.divergence = `the retried answer asked for a different tool call (${event.name}) than before`;
        this.finishedCalls.push({ name: event.name, arguments: event.arguments });
        for (const e of held.events) out.push(e);
        out.push(event);
        return;
      }
      default:
        out.push(event);
    }
  }
}
