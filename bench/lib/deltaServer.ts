/**
 * A local model server (127.0.0.1, port 0) that answers every POST to `/v1/chat/completions` or
 * `/v1/responses` with the same pre-built SSE stream of `deltas` small text deltas, written as
 * fast as the loopback takes it (16 KiB writes, honouring back-pressure). The body is built once,
 * so the server's own cost per request is a memory copy.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type DeltaWire = 'chat' | 'responses';

/** The text of delta `i` (a short token-like word). */
export function deltaText(i: number): string {
  return i % 10 === 9 ? 'tok.\n' : 'tok ';
}

/** Total characters of `deltas` deltas. */
export function expectedChars(deltas: number): number {
  let total = 0;
  for (let i = 0; i < deltas; i++) total += deltaText(i).length;
  return total;
}

const sse = (data: unknown, event?: string) => `${event ? `event: ${event}\n` : ''}data: ${JSON.stringify(data)}\n\n`;

/** A Chat Completions stream, shaped like OpenAI's (id, created, model, choices[0].delta). */
export function chatBody(deltas: number): string {
  const base = { id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 1_700_000_000, model: 'bench-model', system_fingerprint: 'fp_bench' };
  const parts = [sse({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null }] })];
  for (let i = 0; i < deltas; i++) {
    parts.push(sse({ ...base, choices: [{ index: 0, delta: { content: deltaText(i) }, logprobs: null, finish_reason: null }] }));
  }
  parts.push(sse({ ...base, choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }] }));
  parts.push(sse({ ...base, choices: [], usage: { prompt_tokens: 10, completion_tokens: deltas, total_tokens: deltas + 10 } }));
  parts.push('data: [DONE]\n\n');
  return parts.join('');
}

/** A Responses stream, shaped like OpenAI's (typed events with sequence numbers). */
export function responsesBody(deltas: number): string {
  let seq = 0;
  const ev = (type: string, data: Record<string, unknown>) => sse({ type, sequence_number: seq++, ...data }, type);
  const response = { id: 'resp_bench', object: 'response', created_at: 1_700_000_000, status: 'in_progress', model: 'bench-model', output: [] as unknown[] };
  const item = { id: 'msg_bench', type: 'message', status: 'in_progress', role: 'assistant', content: [] as unknown[] };
  const parts = [
    ev('response.created', { response }),
    ev('response.in_progress', { response }),
    ev('response.output_item.added', { output_index: 0, item }),
    ev('response.content_part.added', { item_id: item.id, output_index: 0, content_index: 0, part: { type: 'output_text', text: '', annotations: [] } }),
  ];
  let text = '';
  for (let i = 0; i < deltas; i++) {
    const delta = deltaText(i);
    text += delta;
    parts.push(ev('response.output_text.delta', { item_id: item.id, output_index: 0, content_index: 0, delta, logprobs: [] }));
  }
  const part = { type: 'output_text', text, annotations: [] };
  const doneItem = { ...item, status: 'completed', content: [part] };
  parts.push(ev('response.output_text.done', { item_id: item.id, output_index: 0, content_index: 0, text, logprobs: [] }));
  parts.push(ev('response.content_part.done', { item_id: item.id, output_index: 0, content_index: 0, part }));
  parts.push(ev('response.output_item.done', { output_index: 0, item: doneItem }));
  parts.push(
    ev('response.completed', {
      response: {
        ...response,
        status: 'completed',
        output: [doneItem],
        usage: { input_tokens: 10, input_tokens_details: { cached_tokens: 0 }, output_tokens: deltas, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: deltas + 10 },
      },
    }),
  );
  return parts.join('');
}

export interface DeltaServer {
  /** `http://127.0.0.1:<port>/v1` */
  baseUrl: string;
  /** Bytes of each wire's body. */
  bodyBytes: Record<DeltaWire, number>;
  requests: number;
  close(): Promise<void>;
}

async function writeChunked(res: ServerResponse, body: Buffer): Promise<void> {
  const size = 16 * 1024;
  for (let offset = 0; offset < body.length; offset += size) {
    if (!res.write(body.subarray(offset, offset + size))) await new Promise((r) => res.once('drain', r));
  }
  res.end();
}

/** Starts the server with `deltas` deltas per stream. */
export async function startDeltaServer(deltas: number): Promise<DeltaServer> {
  const bodies: Record<DeltaWire, Buffer> = { chat: Buffer.from(chatBody(deltas)), responses: Buffer.from(responsesBody(deltas)) };
  const state = { requests: 0 };
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0];
      const wire: DeltaWire | undefined = path === '/v1/chat/completions' ? 'chat' : path === '/v1/responses' ? 'responses' : undefined;
      if (req.method !== 'POST' || !wire) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
        return;
      }
      state.requests++;
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      void writeChunked(res, bodies[wire]);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    bodyBytes: { chat: bodies.chat.length, responses: bodies.responses.length },
    get requests() {
      return state.requests;
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
