// A local model server for integration tests that speaks all three wire protocols
// (POST <base>/responses, <base>/chat/completions, <base>/messages; each streamed as SSE) and
// answers from a script of turns. Each turn can check the request it receives (e.g. the tool
// results the agent sent back) before replying with text, reasoning and/or tool calls.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type WireProtocolName = 'responses' | 'chat' | 'anthropic';

/** A tool result as found in a request body, whatever the protocol. */
export interface ReceivedToolResult {
  callId: string;
  output: string;
  isError?: boolean;
}

/** What one request carried, normalized across protocols. */
export interface ReceivedRequest {
  protocol: WireProtocolName;
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
  model: string;
  /** Tool names offered. */
  toolNames: string[];
  /** Every tool result in the conversation, in order. */
  toolResults: ReceivedToolResult[];
  /** Text of every user message, in order. */
  userTexts: string[];
}

export interface ScriptedToolCall {
  id: string;
  name: string;
  /** Objects are JSON-encoded; strings are sent as is. */
  arguments: unknown;
}

export interface ScriptedTurn {
  /** Checks the request; a throw fails the request with HTTP 400 and is kept in `failures`. */
  expect?: (request: ReceivedRequest) => void;
  reasoning?: string;
  text?: string;
  toolCalls?: ScriptedToolCall[];
  usage?: { input: number; output: number };
}

export interface ScriptedModelServer {
  /** Base URL to use as the provider's base_url (ends in `/v1`). */
  baseUrl: string;
  requests: ReceivedRequest[];
  /** Errors thrown by `expect` or protocol mismatches; a test should assert this is empty. */
  failures: Error[];
  /** Turns not used yet. */
  remaining(): number;
  close(): Promise<void>;
}

const PATHS: Record<string, WireProtocolName> = {
  '/v1/responses': 'responses',
  '/v1/chat/completions': 'chat',
  '/v1/messages': 'anthropic',
};

/** Starts the server on 127.0.0.1 with an ephemeral port. */
export async function startScriptedModelServer(turns: ScriptedTurn[]): Promise<ScriptedModelServer> {
  const script = [...turns];
  const requests: ReceivedRequest[] = [];
  const failures: Error[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0];
      const protocol = PATHS[path];
      const fail = (status: number, message: string) => {
        failures.push(new Error(message));
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { type: 'invalid_request_error', message } }));
      };
      if (req.method !== 'POST' || !protocol) return fail(404, `Unexpected ${req.method} ${req.url}`);
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        return fail(400, 'Request body is not JSON');
      }
      const received = normalize(protocol, path, req.headers, body);
      requests.push(received);
      const turn = script.shift();
      if (!turn) return fail(400, `The script has no turn left for request ${requests.length}`);
      try {
        turn.expect?.(received);
      } catch (error) {
        return fail(400, `Request ${requests.length} (${protocol}) did not match the script: ${(error as Error).message}`);
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      const events = ENCODERS[protocol](turn, requests.length, received.model);
      writeSse(res, events, protocol === 'chat');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    failures,
    remaining: () => script.length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type SseEvent = { event?: string; data: unknown };

function writeSse(res: ServerResponse, events: SseEvent[], doneMarker: boolean): void {
  let out = '';
  for (const e of events) out += `${e.event ? `event: ${e.event}\n` : ''}data: ${JSON.stringify(e.data)}\n\n`;
  if (doneMarker) out += 'data: [DONE]\n\n';
  res.end(out);
}

function argsText(call: ScriptedToolCall): string {
  return typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments);
}

/** Splits text in two pieces so every reply streams more than one delta. */
function halves(text: string): string[] {
  const mid = Math.ceil(text.length / 2);
  return [text.slice(0, mid), text.slice(mid)].filter((s) => s !== '');
}

const ENCODERS: Record<WireProtocolName, (turn: ScriptedTurn, n: number, model: string) => SseEvent[]> = {
  responses(turn, n, model) {
    const events: SseEvent[] = [];
    const add = (type: string, data: Record<string, unknown>) => events.push({ event: type, data: { type, ...data } });
    const output: unknown[] = [];
    add('response.created', { response: { id: `resp_${n}`, object: 'response', status: 'in_progress', model, output: [] } });
    let index = 0;
    if (turn.reasoning) {
      const item = { type: 'reasoning', id: `rs_${n}`, summary: [] as unknown[] };
      add('response.output_item.added', { output_index: index, item });
      add('response.reasoning_summary_part.added', { item_id: item.id, output_index: index, summary_index: 0, part: { type: 'summary_text', text: '' } });
      for (const d of halves(turn.reasoning)) {
        add('response.reasoning_summary_text.delta', { item_id: item.id, output_index: index, summary_index: 0, delta: d });
      }
      const done = { ...item, summary: [{ type: 'summary_text', text: turn.reasoning }] };
      add('response.output_item.done', { output_index: index, item: done });
      output.push(done);
      index++;
    }
    if (turn.text) {
      const id = `msg_${n}`;
      add('response.output_item.added', { output_index: index, item: { type: 'message', id, role: 'assistant', status: 'in_progress', content: [] } });
      add('response.content_part.added', { item_id: id, output_index: index, content_index: 0, part: { type: 'output_text', text: '', annotations: [] } });
      for (const d of halves(turn.text)) add('response.output_text.delta', { item_id: id, output_index: index, content_index: 0, delta: d });
      add('response.output_text.done', { item_id: id, output_index: index, content_index: 0, text: turn.text });
      const done = { type: 'message', id, role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: turn.text, annotations: [] }] };
      add('response.output_item.done', { output_index: index, item: done });
      output.push(done);
      index++;
    }
    for (const call of turn.toolCalls ?? []) {
      const id = `fc_${call.id}`;
      const args = argsText(call);
      add('response.output_item.added', { output_index: index, item: { type: 'function_call', id, call_id: call.id, name: call.name, arguments: '', status: 'in_progress' } });
      for (const d of halves(args)) add('response.function_call_arguments.delta', { item_id: id, output_index: index, delta: d });
      add('response.function_call_arguments.done', { item_id: id, output_index: index, arguments: args });
      const done = { type: 'function_call', id, call_id: call.id, name: call.name, arguments: args, status: 'completed' };
      add('response.output_item.done', { output_index: index, item: done });
      output.push(done);
      index++;
    }
    const usage = turn.usage ?? { input: 100, output: 20 };
    add('response.completed', {
      response: {
        id: `resp_${n}`,
        object: 'response',
        status: 'completed',
        model,
        output,
        usage: {
          input_tokens: usage.input,
          output_tokens: usage.output,
          total_tokens: usage.input + usage.output,
          input_tokens_details: { cached_tokens: 0 },
          output_tokens_details: { reasoning_tokens: 0 },
        },
      },
    });
    return events;
  },

  chat(turn, n, model) {
    const base = { id: `chatcmpl-${n}`, object: 'chat.completion.chunk', created: 1_700_000_000, model };
    const chunk = (delta: Record<string, unknown>, finish: string | null = null): SseEvent => ({
      data: { ...base, choices: [{ index: 0, delta, finish_reason: finish }] },
    });
    const events: SseEvent[] = [chunk({ role: 'assistant', content: '' })];
    if (turn.reasoning) for (const d of halves(turn.reasoning)) events.push(chunk({ reasoning_content: d }));
    if (turn.text) for (const d of halves(turn.text)) events.push(chunk({ content: d }));
    (turn.toolCalls ?? []).forEach((call, index) => {
      events.push(chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] }));
      for (const d of halves(argsText(call))) events.push(chunk({ tool_calls: [{ index, function: { arguments: d } }] }));
    });
    events.push(chunk({}, turn.toolCalls?.length ? 'tool_calls' : 'stop'));
    const usage = turn.usage ?? { input: 100, output: 20 };
    events.push({ data: { ...base, choices: [], usage: { prompt_tokens: usage.input, completion_tokens: usage.output, total_tokens: usage.input + usage.output } } });
    return events;
  },

  anthropic(turn, n, model) {
    const events: SseEvent[] = [];
    const add = (type: string, data: Record<string, unknown>) => events.push({ event: type, data: { type, ...data } });
    const usage = turn.usage ?? { input: 100, output: 20 };
    add('message_start', {
      message: { id: `msg_${n}`, type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: usage.input, output_tokens: 1 } },
    });
    add('ping', {});
    let index = 0;
    if (turn.reasoning) {
      add('content_block_start', { index, content_block: { type: 'thinking', thinking: '', signature: '' } });
      for (const d of halves(turn.reasoning)) add('content_block_delta', { index, delta: { type: 'thinking_delta', thinking: d } });
      add('content_block_delta', { index, delta: { type: 'signature_delta', signature: `sig-${n}` } });
      add('content_block_stop', { index });
      index++;
    }
    if (turn.text) {
      add('content_block_start', { index, content_block: { type: 'text', text: '' } });
      for (const d of halves(turn.text)) add('content_block_delta', { index, delta: { type: 'text_delta', text: d } });
      add('content_block_stop', { index });
      index++;
    }
    for (const call of turn.toolCalls ?? []) {
      add('content_block_start', { index, content_block: { type: 'tool_use', id: call.id, name: call.name, input: {} } });
      add('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: '' } });
      for (const d of halves(argsText(call))) add('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: d } });
      add('content_block_stop', { index });
      index++;
    }
    add('message_delta', { delta: { stop_reason: turn.toolCalls?.length ? 'tool_use' : 'end_turn', stop_sequence: null }, usage: { output_tokens: usage.output } });
    add('message_stop', {});
    return events;
  },
};

type Json = Record<string, unknown>;

function textOfContent(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((b) => (typeof (b as Json)?.text === 'string' ? ((b as Json).text as string) : '')).join('');
}

/** Pulls tool results, user texts and tool names out of a request body of any protocol. */
function normalize(protocol: WireProtocolName, path: string, headers: IncomingHttpHeaders, body: Json): ReceivedRequest {
  const toolResults: ReceivedToolResult[] = [];
  const userTexts: string[] = [];
  let toolNames: string[];
  const tools = Array.isArray(body.tools) ? (body.tools as Json[]) : [];
  if (protocol === 'responses') {
    toolNames = tools.map((t) => String(t.name));
    for (const item of (Array.isArray(body.input) ? body.input : []) as Json[]) {
      if (item.type === 'function_call_output') toolResults.push({ callId: String(item.call_id), output: textOfContent(item.output) });
      else if (item.role === 'user') userTexts.push(textOfContent(item.content));
    }
  } else if (protocol === 'chat') {
    toolNames = tools.map((t) => String((t.function as Json | undefined)?.name));
    for (const m of (Array.isArray(body.messages) ? body.messages : []) as Json[]) {
      if (m.role === 'tool') toolResults.push({ callId: String(m.tool_call_id), output: textOfContent(m.content) });
      else if (m.role === 'user') userTexts.push(textOfContent(m.content));
    }
  } else {
    toolNames = tools.map((t) => String(t.name));
    for (const m of (Array.isArray(body.messages) ? body.messages : []) as Json[]) {
      if (m.role !== 'user') continue;
      const blocks = typeof m.content === 'string' ? [{ type: 'text', text: m.content }] : ((m.content ?? []) as Json[]);
      const texts: string[] = [];
      for (const b of blocks) {
        if (b.type === 'tool_result') {
          toolResults.push({ callId: String(b.tool_use_id), output: textOfContent(b.content), ...(b.is_error === true && { isError: true }) });
        } else if (b.type === 'text') {
          texts.push(String(b.text));
        }
      }
      if (texts.length > 0) userTexts.push(texts.join(''));
    }
  }
  return { protocol, path, headers, body, model: String(body.model), toolNames, toolResults, userTexts };
}
