/**
 * Chat Completions chunks -> StreamEvents.
 * - Only choice index 0 is used (`n > 1` streams interleave choices).
 * - `delta.content` -> text; `delta.refusal` -> text (stop reason `refusal`);
 *   `delta.reasoning_content` (DeepSeek, GLM, Qwen, vLLM) or `delta.reasoning` (Groq,
 *   OpenRouter) -> reasoning.
 * - `delta.tool_calls[]` by `index`: the id and name arrive first, arguments in pieces; parallel
 *   calls interleave. Start when the name is known, deltas as arguments come, end at
 *   `finish_reason` (or the end of the stream).
 * - `usage` may come in a final chunk with empty `choices` (stream_options.include_usage), so
 *   `done` is emitted at `[DONE]`, or at the end of the body once a finish_reason was seen.
 * - An `error` object in a chunk (OpenRouter) or an `event: error` frame (Groq) -> InStreamError.
 */
import type { StreamEvent } from '../../../shared/streamEvents';
import type { ErrorContext } from '../errors/errorContext';
import { inStreamErrorInfo } from '../errors/inStreamErrorInfo';
import { InStreamError, TruncatedStreamError } from '../http/wireErrors';
import type { StreamMapper } from '../sse/pumpSse';
import { makeUsage } from '../shared/usage';
import type { ChatToolCallDelta, ChatUsage } from './chatApi';
import { mapChatFinishReason } from './mapChatFinishReason';

interface ChatCall {
  id: string;
  name: string;
  args: string[];
  started: boolean;
  ended: boolean;
}

type Json = Record<string, unknown>;

export class ChatStreamMapper implements StreamMapper {
  finished = false;
  private readonly byIndex = new Map<number, ChatCall>();
  private readonly calls: ChatCall[] = [];
  private finishReason: string | undefined;
  private usage: ChatUsage | undefined;
  private sawRefusal = false;

  constructor(private readonly ctx: ErrorContext) {}

  onData(data: unknown, event: string | undefined, out: StreamEvent[]): void {
    const chunk = data as Json;
    if ((chunk.error !== undefined && chunk.error !== null) || event === 'error') {
      throw new InStreamError(inStreamErrorInfo(chunk, this.ctx));
    }
    const usage = chunk.usage;
    if (usage !== null && typeof usage === 'object') this.usage = usage as ChatUsage;
    const choices = chunk.choices;
    if (!Array.isArray(choices)) return;
    for (let i = 0; i < choices.length; i++) {
      const choice = choices[i] as Json;
      const index = choice.index;
      if (typeof index === 'number' && index !== 0) continue;
      const delta = choice.delta as Json | null | undefined;
      if (delta) {
        const reasoning = delta.reasoning_content ?? delta.reasoning;
        if (typeof reasoning === 'string' && reasoning !== '') out.push({ type: 'reasoning-delta', text: reasoning });
        const content = delta.content;
        if (typeof content === 'string' && content !== '') out.push({ type: 'text-delta', text: content });
        const refusal = delta.refusal;
        if (typeof refusal === 'string' && refusal !== '') {
          this.sawRefusal = true;
          out.push({ type: 'text-delta', text: refusal });
        }
        const toolCalls = delta.tool_calls;
        if (Array.isArray(toolCalls)) this.toolCallDeltas(toolCalls as ChatToolCallDelta[], out);
      }
      const finish = choice.finish_reason;
      if (typeof finish === 'string' && finish !== '') {
        this.finishReason = finish;
        this.closeCalls(out);
      }
    }
  }

  onDoneMarker(out: StreamEvent[]): void {
    this.finish(out);
  }

  onEnd(out: StreamEvent[]): void {
    if (this.finishReason === undefined) throw new TruncatedStreamError();
    this.finish(out);
  }

  private toolCallDeltas(deltas: ChatToolCallDelta[], out: StreamEvent[]): void {
    for (let j = 0; j < deltas.length; j++) {
      const tc = deltas[j];
      const index = typeof tc.index === 'number' ? tc.index : j;
      const id = typeof tc.id === 'string' && tc.id !== '' ? tc.id : undefined;
      let call = this.byIndex.get(index);
      if (call && id && call.id && id !== call.id) {
        // Some servers reuse index 0 for every call; a new id means a new call.
        this.endCall(call, out);
        call = undefined;
      }
      if (!call) {
        call = { id: id ?? '', name: '', args: [], started: false, ended: false };
        this.byIndex.set(index, call);
        this.calls.push(call);
      } else if (id && !call.id) {
        call.id = id;
      }
      const fn = tc.function;
      const name = fn?.name;
      if (!call.started && typeof name === 'string' && name !== '') {
        call.name = name;
        call.started = true;
        if (!call.id) call.id = `call_${this.calls.length - 1}`;
        out.push({ type: 'tool-call-start', id: call.id, name: call.name });
        if (call.args.length > 0) out.push({ type: 'tool-call-delta', id: call.id, argumentsDelta: call.args.join('') });
      }
      const args = fn?.arguments;
      if (typeof args === 'string' && args !== '') {
        call.args.push(args);
        if (call.started) out.push({ type: 'tool-call-delta', id: call.id, argumentsDelta: args });
      }
    }
  }

  private endCall(call: ChatCall, out: StreamEvent[]): void {
    if (!call.started || call.ended) return;
    call.ended = true;
    const args = call.args.join('');
    out.push({ type: 'tool-call-end', id: call.id, name: call.name, arguments: args === '' ? '{}' : args });
  }

  private closeCalls(out: StreamEvent[]): void {
    for (const call of this.calls) this.endCall(call, out);
  }

  private finish(out: StreamEvent[]): void {
    if (this.finished) return;
    this.finished = true;
    this.closeCalls(out);
    const usage = this.usage;
    if (usage) {
      const u = usage as ChatUsage & { prompt_cache_hit_tokens?: unknown };
      out.push({
        type: 'usage',
        usage: makeUsage(
          u.prompt_tokens,
          u.completion_tokens,
          u.prompt_tokens_details?.cached_tokens ?? u.prompt_cache_hit_tokens,
          u.completion_tokens_details?.reasoning_tokens,
        ),
      });
    }
    const toolCalls = this.calls.some((c) => c.ended);
    out.push({
      type: 'done',
      stopReason: mapChatFinishReason(this.finishReason, { toolCalls, refusal: this.sawRefusal }),
      ...(this.finishReason !== undefined && { providerStopReason: this.finishReason }),
    });
  }
}
