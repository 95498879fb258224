/**
 * Collects one model response from its stream events: text, reasoning, tool calls, usage and how
 * it ended. Per-event work is O(1): deltas are pushed to arrays and joined only when asked.
 */
import type { ChatMessage, ReasoningPart, ToolCall } from '../../shared/conversation';
import type { ErrorInfo } from '../../shared/errors';
import type { StopReason, StreamEvent, Usage } from '../../shared/streamEvents';

interface PendingCall {
  id: string;
  name: string;
  deltas: string[];
  /** The complete arguments from `tool-call-end`. */
  final?: string;
}

/** A growing string kept as chunks; `value()` joins once and keeps the result. */
class TextBuilder {
  private chunks: string[] = [];

  push(text: string): void {
    this.chunks.push(text);
  }

  get empty(): boolean {
    return this.chunks.length === 0;
  }

  value(): string {
    if (this.chunks.length > 1) this.chunks = [this.chunks.join('')];
    return this.chunks[0] ?? '';
  }
}

export class StepAccumulator {
  private readonly text = new TextBuilder();
  private readonly reasoning = new TextBuilder();
  private readonly calls = new Map<string, PendingCall>();
  /** The last usage event (each wire reports a response's usage, not increments). */
  usage: Usage | undefined;
  stopReason: StopReason | undefined;
  /** Opaque reasoning the protocol needs back next request (from `done`). */
  reasoningParts: ReasoningPart[] | undefined;
  error: ErrorInfo | undefined;
  /** Text or reasoning deltas since the last `takeDirty()`. */
  private dirty = false;

  add(event: StreamEvent): void {
    switch (event.type) {
      case 'text-delta':
        this.text.push(event.text);
        this.dirty = true;
        break;
      case 'reasoning-delta':
        this.reasoning.push(event.text);
        this.dirty = true;
        break;
      case 'tool-call-start':
        if (!this.calls.has(event.id)) this.calls.set(event.id, { id: event.id, name: event.name, deltas: [] });
        break;
      case 'tool-call-delta':
        this.calls.get(event.id)?.deltas.push(event.argumentsDelta);
        break;
      case 'tool-call-end': {
        const call = this.calls.get(event.id);
        if (call) {
          call.final = event.arguments;
          if (event.name) call.name = event.name;
        } else {
          this.calls.set(event.id, { id: event.id, name: event.name, deltas: [], final: event.arguments });
        }
        break;
      }
      case 'usage':
        this.usage = event.usage;
        break;
      case 'done':
        this.stopReason = event.stopReason;
        if (event.reasoningParts && event.reasoningParts.length > 0) this.reasoningParts = event.reasoningParts;
        break;
      case 'error':
        this.error = event.error;
        break;
      case 'retry':
        break;
    }
  }

  /** True when text or reasoning arrived since the last call. */
  takeDirty(): boolean {
    const was = this.dirty;
    this.dirty = false;
    return was;
  }

  get hasContent(): boolean {
    return !this.text.empty || !this.reasoning.empty;
  }

  textValue(): string {
    return this.text.value();
  }

  reasoningValue(): string | undefined {
    return this.reasoning.empty ? undefined : this.reasoning.value();
  }

  /** The assistant message shown so far (text and reasoning; tool calls are left out). */
  partialMessage(): ChatMessage {
    const reasoning = this.reasoningValue();
    return { role: 'assistant', content: this.textValue(), ...(reasoning !== undefined && { reasoning }) };
  }

  /**
   * Complete tool calls in the order the model started them. A call that never got its
   * `tool-call-end` (the answer was cut off by max tokens, or the stream failed) has partial
   * arguments and is never run.
   */
  toolCalls(): ToolCall[] {
    const complete: ToolCall[] = [];
    for (const c of this.calls.values()) {
      if (c.final !== undefined) complete.push({ id: c.id, name: c.name, arguments: c.final });
    }
    return complete;
  }

  /** Names of tool calls that started but never finished (cut off). */
  unfinishedToolCalls(): string[] {
    return [...this.calls.values()].filter((c) => c.final === undefined).map((c) => c.name);
  }
}
