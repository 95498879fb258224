/**
 * Keeps a retried stream from repeating or losing what the user already saw. The first attempt
 * only records (text, reasoning, tool calls). A retry replays the answer from the start, so its
 * events are compared with the record:
 * - the already-shown prefix of text and reasoning is dropped;
 * - a tool call that already finished is dropped when the replay produces the same call;
 * - a tool call the broken attempt started but never finished is continued by the replayed call
 *   under the id already shown (its shown argument prefix skipped), so consumers never see a
 *   dangling call or a second copy;
 * - everything after is passed on. If the replay diverges from what was shown, the rest of the
 *   replay after the shown length is passed on and `divergence` tells the runner to say so.
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

/** A tool call as shown so far, in the order calls started. */
interface ShownCall {
  id: string;
  name: string;
  /** Argument deltas shown (while unfinished). */
  args: string[];
  /** Complete arguments once `tool-call-end` was shown. */
  final?: string;
}

/** A replayed call that continues an unfinished shown call under that call's id. */
interface Continued {
  call: ShownCall;
  shown: string;
  pos: number;
}

export class ReplayGuard {
  private readonly text = new ShownText();
  private readonly reasoning = new ShownText();
  private readonly calls: ShownCall[] = [];
  private readonly byId = new Map<string, ShownCall>();
  private replaying = false;
  /** Replay state: index of the next call started in this attempt. */
  private callIndex = 0;
  /** Replayed calls matching a finished shown call: held back until their end is compared. */
  private held = new Map<string, { call: ShownCall; events: StreamEvent[] }>();
  private continued = new Map<string, Continued>();
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
      case 'tool-call-start':
        this.addCall(event.id, event.name);
        break;
      case 'tool-call-delta':
        this.byId.get(event.id)?.args.push(event.argumentsDelta);
        break;
      case 'tool-call-end': {
        const call = this.byId.get(event.id) ?? this.addCall(event.id, event.name);
        call.final = event.arguments;
        break;
      }
    }
  }

  /** A new attempt starts: the next events replay the answer from its beginning. */
  startReplay(): void {
    this.replaying = true;
    this.text.startReplay();
    this.reasoning.startReplay();
    this.callIndex = 0;
    this.held.clear();
    this.continued.clear();
  }

  get isReplaying(): boolean {
    return this.replaying;
  }

  private addCall(id: string, name: string): ShownCall {
    const call: ShownCall = { id, name, args: [] };
    this.calls.push(call);
    this.byId.set(id, call);
    return call;
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
      case 'tool-call-start':
        this.replayStart(event, out);
        return;
      case 'tool-call-delta': {
        const held = this.held.get(event.id);
        if (held) {
          held.events.push(event);
          return;
        }
        const cont = this.continued.get(event.id);
        if (!cont) {
          this.byId.get(event.id)?.args.push(event.argumentsDelta);
          out.push(event);
          return;
        }
        // Continue the shown call: skip the part of its arguments already shown.
        const start = cont.pos;
        cont.pos += event.argumentsDelta.length;
        const rest = start >= cont.shown.length ? event.argumentsDelta : event.argumentsDelta.slice(cont.shown.length - start);
        if (rest) {
          cont.call.args.push(rest);
          out.push({ type: 'tool-call-delta', id: cont.call.id, argumentsDelta: rest });
        }
        return;
      }
      case 'tool-call-end':
        this.replayEnd(event, out);
        return;
      default:
        out.push(event);
    }
  }

  private replayStart(event: Extract<StreamEvent, { type: 'tool-call-start' }>, out: StreamEvent[]): void {
    const shown = this.calls[this.callIndex++];
    if (shown?.final !== undefined) {
      this.held.set(event.id, { call: shown, events: [event] });
      return;
    }
    if (shown && shown.name === event.name && (shown.id === event.id || !this.byId.has(event.id))) {
      // The attempt that started this call broke; the replay finishes it under the shown id.
      this.continued.set(event.id, { call: shown, shown: shown.args.join(''), pos: 0 });
      return;
    }
    if (shown) this.divergence = `the retried answer asked for a different tool call (${event.name}) than before`;
    this.addCall(event.id, event.name);
    out.push(event);
  }

  private replayEnd(event: Extract<StreamEvent, { type: 'tool-call-end' }>, out: StreamEvent[]): void {
    const held = this.held.get(event.id);
    if (held) {
      this.held.delete(event.id);
      if (held.call.name === event.name && held.call.final === event.arguments) return; // already delivered
      this.divergence = `the retried answer asked for a different tool call (${event.name}) than before`;
      const call = this.addCall(event.id, event.name);
      call.final = event.arguments;
      for (const e of held.events) out.push(e);
      out.push(event);
      return;
    }
    const cont = this.continued.get(event.id);
    if (cont) {
      this.continued.delete(event.id);
      cont.call.final = event.arguments;
      out.push({ type: 'tool-call-end', id: cont.call.id, name: cont.call.name, arguments: event.arguments });
      return;
    }
    const call = this.byId.get(event.id) ?? this.addCall(event.id, event.name);
    call.final = event.arguments;
    out.push(event);
  }
}
