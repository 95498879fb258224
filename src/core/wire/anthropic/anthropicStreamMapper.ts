/**
 * Anthropic Messages events -> StreamEvents.
 * - `text_delta` -> text; `thinking_delta` -> reasoning; `signature_delta` and
 *   `redacted_thinking` blocks are kept for `done.reasoningParts` (Anthropic wants them back);
 * - `tool_use` blocks: start at content_block_start, `input_json_delta` -> deltas, end at
 *   content_block_stop. A block cut off by `max_tokens` never ends, so no tool-call-end;
 * - `server_tool_use` / `web_search_tool_result` and other server-side blocks are not our tools
 *   and are skipped; `ping` is ignored; a repeated `message_start` is ignored;
 * - `message_delta` carries stop_reason and usage; `message_stop` -> usage + done;
 *   `error` -> InStreamError (`overloaded_error` is retryable).
 */
import type { ReasoningPart } from '../../../shared/conversation';
import type { StreamEvent } from '../../../shared/streamEvents';
import type { ErrorContext } from '../errors/errorContext';
import { inStreamErrorInfo } from '../errors/inStreamErrorInfo';
import { InStreamError, TruncatedStreamError } from '../http/wireErrors';
import type { StreamMapper } from '../sse/pumpSse';
import { count } from '../shared/usage';
import type { AnthropicUsage } from './anthropicApi';
import { mapAnthropicStopReason } from './mapAnthropicStopReason';

type Block =
  | { kind: 'text' }
  | { kind: 'other' }
  | { kind: 'thinking'; thinking: string[]; signature?: string }
  | { kind: 'tool'; id: string; name: string; args: string[]; initial?: string; ended: boolean };

const TEXT: Block = { kind: 'text' };
const OTHER: Block = { kind: 'other' };

type Json = Record<string, unknown>;

export class AnthropicStreamMapper implements StreamMapper {
  finished = false;
  private started = false;
  private readonly blocks: Block[] = [];
  private stopReason: string | undefined;
  private readonly usage = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, thinking: 0 };
  private readonly reasoningParts: ReasoningPart[] = [];

  constructor(private readonly ctx: ErrorContext) {}

  onData(data: unknown, _event: string | undefined, out: StreamEvent[]): void {
    const event = data as Json;
    switch (event.type) {
      case 'content_block_delta':
        this.delta(event, out);
        return;
      case 'content_block_start':
        this.blockStart(event, out);
        return;
      case 'content_block_stop':
        this.blockStop(event, out);
        return;
      case 'message_start':
        if (this.started) return;
        this.started = true;
        this.addUsage((event.message as Json | undefined)?.usage);
        return;
      case 'message_delta': {
        const reason = (event.delta as Json | undefined)?.stop_reason;
        if (typeof reason === 'string') this.stopReason = reason;
        this.addUsage(event.usage);
        return;
      }
      case 'message_stop':
        this.finish(out);
        return;
      case 'error':
        throw new InStreamError(inStreamErrorInfo(event.error ?? event, this.ctx));
    }
  }

  onDoneMarker(): void {}

  onEnd(out: StreamEvent[]): void {
    // Some servers (and fixtures) end right after message_delta without message_stop.
    if (this.stopReason === undefined) throw new TruncatedStreamError();
    this.finish(out);
  }

  private delta(event: Json, out: StreamEvent[]): void {
    const delta = event.delta as Json;
    const block = this.blocks[event.index as number];
    switch (delta?.type) {
      case 'text_delta': {
        const text = delta.text;
        if (typeof text === 'string' && text !== '') out.push({ type: 'text-delta', text });
        return;
      }
      case 'input_json_delta': {
        const json = delta.partial_json;
        if (block?.kind !== 'tool' || typeof json !== 'string' || json === '') return;
        block.args.push(json);
        out.push({ type: 'tool-call-delta', id: block.id, argumentsDelta: json });
        return;
      }
      case 'thinking_delta': {
        const text = delta.thinking;
        if (typeof text !== 'string' || text === '') return;
        if (block?.kind === 'thinking') block.thinking.push(text);
        out.push({ type: 'reasoning-delta', text });
        return;
      }
      case 'signature_delta':
        if (block?.kind === 'thinking' && typeof delta.signature === 'string') block.signature = delta.signature;
        return;
    }
  }

  private blockStart(event: Json, out: StreamEvent[]): void {
    const index = event.index as number;
    const cb = (event.content_block ?? {}) as Json;
    switch (cb.type) {
      case 'text':
        this.blocks[index] = TEXT;
        if (typeof cb.text === 'string' && cb.text !== '') out.push({ type: 'text-delta', text: cb.text });
        return;
      case 'thinking': {
        const first = typeof cb.thinking === 'string' ? cb.thinking : '';
        this.blocks[index] = {
          kind: 'thinking',
          thinking: first ? [first] : [],
          ...(typeof cb.signature === 'string' && cb.signature && { signature: cb.signature }),
        };
        if (first) out.push({ type: 'reasoning-delta', text: first });
        return;
      }
      case 'redacted_thinking':
        this.blocks[index] = OTHER;
        if (typeof cb.data === 'string') this.reasoningParts.push({ type: 'anthropic-redacted-thinking', data: cb.data });
        return;
      case 'tool_use': {
        const input = cb.input;
        const initial =
          input && typeof input === 'object' && Object.keys(input).length > 0 ? JSON.stringify(input) : undefined;
        const block: Block = { kind: 'tool', id: String(cb.id), name: String(cb.name), args: [], ended: false, initial };
        this.blocks[index] = block;
        out.push({ type: 'tool-call-start', id: block.id, name: block.name });
        return;
      }
      default:
        this.blocks[index] = OTHER; // server_tool_use, web_search_tool_result, ...: not ours
    }
  }

  private blockStop(event: Json, out: StreamEvent[]): void {
    const block = this.blocks[event.index as number];
    if (block?.kind === 'tool' && !block.ended) {
      block.ended = true;
      const args = block.args.length > 0 ? block.args.join('') : (block.initial ?? '{}');
      out.push({ type: 'tool-call-end', id: block.id, name: block.name, arguments: args });
    } else if (block?.kind === 'thinking' && block.signature) {
      this.reasoningParts.push({ type: 'anthropic-thinking', thinking: block.thinking.join(''), signature: block.signature });
    }
  }

  private addUsage(raw: unknown): void {
    if (!raw || typeof raw !== 'object') return;
    const u = raw as AnthropicUsage;
    if (u.input_tokens != null) this.usage.input = count(u.input_tokens);
    if (u.output_tokens != null) this.usage.output = count(u.output_tokens);
    if (u.cache_read_input_tokens != null) this.usage.cacheRead = count(u.cache_read_input_tokens);
    if (u.cache_creation_input_tokens != null) this.usage.cacheWrite = count(u.cache_creation_input_tokens);
    const thinking = u.output_tokens_details?.thinking_tokens;
    if (thinking != null) this.usage.thinking = count(thinking);
  }

  private finish(out: StreamEvent[]): void {
    if (this.finished) return;
    this.finished = true;
    const u = this.usage;
    out.push({
      type: 'usage',
      usage: {
        inputTokens: u.input + u.cacheRead + u.cacheWrite,
        outputTokens: u.output,
        cachedInputTokens: u.cacheRead,
        reasoningTokens: u.thinking,
      },
    });
    out.push({
      type: 'done',
      stopReason: mapAnthropicStopReason(this.stopReason),
      ...(this.stopReason !== undefined && { providerStopReason: this.stopReason }),
      ...(this.reasoningParts.length > 0 && { reasoningParts: this.reasoningParts }),
    });
  }
}
