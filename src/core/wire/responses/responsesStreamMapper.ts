/**
 * Responses API events -> StreamEvents.
 * - `output_text.delta` -> text; `refusal.delta` -> text (stop reason `refusal`);
 * - `reasoning_summary_text.delta` / `reasoning_text.delta` -> reasoning (summary parts after the
 *   first are separated by a blank line);
 * - `output_item.added` (function_call) -> tool-call-start (id = `call_id`, what tool results
 *   must reference); `function_call_arguments.delta` (keyed by item id) -> tool-call-delta;
 *   `output_item.done` (function_call) -> tool-call-end with the complete arguments;
 * - a message / reasoning item that arrives complete without deltas (minimal servers) has its
 *   text emitted from `output_item.done`; encrypted reasoning is kept for `done.reasoningParts`;
 * - `response.completed` / `response.incomplete` -> usage + done; `response.failed` and `error`
 *   -> InStreamError.
 */
import type { ReasoningPart } from '../../../shared/conversation';
import type { StreamEvent } from '../../../shared/streamEvents';
import type { ErrorContext } from '../errors/errorContext';
import { inStreamErrorInfo } from '../errors/inStreamErrorInfo';
import { InStreamError, TruncatedStreamError } from '../http/wireErrors';
import type { StreamMapper } from '../sse/pumpSse';
import { makeUsage } from '../shared/usage';
import { mapResponsesFinishReason } from './mapResponsesFinishReason';
import { outputItemSchema, responseObjectSchema, type FunctionCallItem } from './responsesApi';

interface CallState {
  callId: string;
  name: string;
  started: boolean;
}

type Json = Record<string, unknown>;

function textOf(parts: unknown): string {
  if (!Array.isArray(parts)) return '';
  let text = '';
  for (const part of parts) {
    const t = (part as Json | null)?.text;
    if (typeof t === 'string') text += t;
  }
  return text;
}

export class ResponsesStreamMapper implements StreamMapper {
  finished = false;
  private readonly calls = new Map<string, CallState>();
  private readonly textItems = new Set<string>();
  private readonly reasoningItems = new Set<string>();
  private lastTextItem: unknown;
  private lastReasoningItem: unknown;
  private anyText = false;
  private anyReasoning = false;
  private sawToolCall = false;
  private sawRefusal = false;
  private readonly reasoningParts: ReasoningPart[] = [];

  constructor(private readonly ctx: ErrorContext) {}

  onData(data: unknown, _event: string | undefined, out: StreamEvent[]): void {
    const event = data as Json;
    switch (event.type) {
      case 'response.output_text.delta': {
        const delta = event.delta;
        if (typeof delta !== 'string' || delta === '') return;
        if (event.item_id !== this.lastTextItem) this.noteItem(this.textItems, (this.lastTextItem = event.item_id));
        this.anyText = true;
        out.push({ type: 'text-delta', text: delta });
        return;
      }
      case 'response.reasoning_summary_text.delta':
      case 'response.reasoning_text.delta': {
        const delta = event.delta;
        if (typeof delta !== 'string' || delta === '') return;
        if (event.item_id !== this.lastReasoningItem) this.noteItem(this.reasoningItems, (this.lastReasoningItem = event.item_id));
        this.anyReasoning = true;
        out.push({ type: 'reasoning-delta', text: delta });
        return;
      }
      case 'response.function_call_arguments.delta': {
        const delta = event.delta;
        const call = typeof event.item_id === 'string' ? this.calls.get(event.item_id) : undefined;
        if (call?.started && typeof delta === 'string' && delta !== '') {
          out.push({ type: 'tool-call-delta', id: call.callId, argumentsDelta: delta });
        }
        return;
      }
      case 'response.refusal.delta': {
        if (typeof event.delta !== 'string' || event.delta === '') return;
        this.sawRefusal = true;
        this.anyText = true;
        out.push({ type: 'text-delta', text: event.delta });
        return;
      }
      case 'response.reasoning_summary_part.added':
        if (typeof event.summary_index === 'number' && event.summary_index > 0) out.push({ type: 'reasoning-delta', text: '\n\n' });
        return;
      case 'response.output_item.added':
        this.itemAdded(event.item, out);
        return;
      case 'response.output_item.done':
        this.itemDone(event.item, out);
        return;
      case 'response.completed':
      case 'response.incomplete':
        this.complete(event.response, event.type === 'response.incomplete' ? 'incomplete' : 'completed', out);
        return;
      case 'response.failed': {
        const response = responseObjectSchema.safeParse(event.response);
        throw new InStreamError(inStreamErrorInfo(response.success ? (response.data.error ?? {}) : {}, this.ctx));
      }
      case 'error':
        throw new InStreamError(inStreamErrorInfo(event.error ?? event, this.ctx));
    }
  }

  onDoneMarker(): void {
    // OpenRouter ends Responses streams with [DONE] after response.completed; nothing to do.
  }

  onEnd(): void {
    throw new TruncatedStreamError();
  }

  private noteItem(set: Set<string>, id: unknown): void {
    if (typeof id === 'string') set.add(id);
  }

  private startCall(item: FunctionCallItem, out: StreamEvent[]): CallState {
    const key = item.id ?? item.call_id ?? `call_${this.calls.size}`;
    let call = this.calls.get(key);
    if (!call) {
      call = { callId: item.call_id ?? item.id ?? key, name: item.name, started: false };
      this.calls.set(key, call);
    }
    if (!call.started) {
      call.started = true;
      this.sawToolCall = true;
      out.push({ type: 'tool-call-start', id: call.callId, name: call.name });
    }
    return call;
  }

  private itemAdded(raw: unknown, out: StreamEvent[]): void {
    const parsed = outputItemSchema.safeParse(raw);
    if (!parsed.success) return;
    const item = parsed.data;
    if (item.type === 'function_call') this.startCall(item as FunctionCallItem, out);
  }

  private itemDone(raw: unknown, out: StreamEvent[]): void {
    const parsed = outputItemSchema.safeParse(raw);
    if (!parsed.success) return;
    const item = parsed.data as Json;
    const id = typeof item.id === 'string' ? item.id : undefined;
    if (item.type === 'function_call') {
      const call = this.startCall(item as FunctionCallItem, out);
      const args = typeof item.arguments === 'string' && item.arguments !== '' ? item.arguments : '{}';
      out.push({ type: 'tool-call-end', id: call.callId, name: call.name, arguments: args });
    } else if (item.type === 'message') {
      const seen = id ? this.textItems.has(id) : this.anyText;
      const text = seen ? '' : textOf(item.content);
      if (text) {
        this.anyText = true;
        out.push({ type: 'text-delta', text });
      }
      if (!seen && Array.isArray(item.content) && item.content.some((p) => (p as Json | null)?.type === 'refusal')) {
        this.sawRefusal = true;
      }
    } else if (item.type === 'reasoning') {
      const seen = id ? this.reasoningItems.has(id) : this.anyReasoning;
      const text = seen ? '' : textOf(item.summary) || textOf(item.content);
      if (text) out.push({ type: 'reasoning-delta', text });
      if (typeof item.encrypted_content === 'string' && item.encrypted_content && id) {
        const summary = Array.isArray(item.summary) ? item.summary.map((p) => textOf([p])) : [];
        this.reasoningParts.push({ type: 'openai-reasoning', id, encryptedContent: item.encrypted_content, summary });
      }
    }
  }

  private complete(raw: unknown, defaultStatus: string, out: StreamEvent[]): void {
    this.finished = true;
    const parsed = responseObjectSchema.safeParse(raw ?? {});
    const response = parsed.success ? parsed.data : {};
    const usage = response.usage;
    if (usage) {
      out.push({
        type: 'usage',
        usage: makeUsage(
          usage.input_tokens,
          usage.output_tokens,
          usage.input_tokens_details?.cached_tokens,
          usage.output_tokens_details?.reasoning_tokens,
        ),
      });
    }
    const status = response.status ?? defaultStatus;
    const reason = response.incomplete_details?.reason;
    out.push({
      type: 'done',
      stopReason: mapResponsesFinishReason(status, reason, { toolCalls: this.sawToolCall, refusal: this.sawRefusal }),
      providerStopReason: reason ? `${status}: ${reason}` : status,
      ...(this.reasoningParts.length > 0 && { reasoningParts: this.reasoningParts }),
    });
  }
}
