// A local HTTP server (127.0.0.1, port 0) that records every request and answers like a tiny
// OpenAI-compatible provider: GET .../models with a JSON list, POST .../responses with a short,
// valid Responses SSE stream. Used by the Codex differential tests and anything that needs to
// see exactly what a client sent.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the server received it. */
export interface CapturedRequest {
  method: string;
  /** Path without the query string, e.g. `/v1/responses`. */
  path: string;
  /** The raw query string after `?` (empty when none), exactly as sent. */
  rawQuery: string;
  /** Parsed query pairs in order (repeated keys kept). */
  query: [string, string][];
  /** Header names lower-cased (Node's parsing); repeated headers joined with `, `. */
  headers: Record<string, string>;
  body: string;
}

/** A running capture server. */
export interface CaptureServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly requests: CapturedRequest[];
  /** Requests whose path ends with `suffix` (e.g. `/responses`). */
  find(method: string, suffix: string): CapturedRequest[];
  close(): Promise<void>;
}

/** Options: override the answer for some requests (return true when handled). */
export interface CaptureServerOptions {
  handle?: (request: CapturedRequest, response: ServerResponse) => boolean;
  /** Model ids listed by GET /models (default `["test-model"]`). */
  models?: string[];
}

/** The SSE events of one short, complete Responses API turn answering "ok". */
export function responsesSseBody(model = 'test-model'): string {
  const id = 'resp_capture_1';
  const item = { id: 'msg_capture_1', type: 'message', role: 'assistant', status: 'in_progress', content: [] as unknown[] };
  const doneItem = { ...item, status: 'completed', content: [{ type: 'output_text', text: 'ok', annotations: [] }] };
  const usage = {
    input_tokens: 12,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: 1,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: 13,
  };
  const events: [string, unknown][] = [
    ['response.created', { type: 'response.created', response: { id, object: 'response', status: 'in_progress', model, output: [] } }],
    ['response.output_item.added', { type: 'response.output_item.added', output_index: 0, item }],
    [
      'response.output_text.delta',
      { type: 'response.output_text.delta', item_id: item.id, output_index: 0, content_index: 0, delta: 'ok' },
    ],
    ['response.output_item.done', { type: 'response.output_item.done', output_index: 0, item: doneItem }],
    [
      'response.completed',
      { type: 'response.completed', response: { id, object: 'response', status: 'completed', model, output: [doneItem], usage } },
    ],
  ];
  return events.map(([event, data]) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`).join('');
}

function parseQuery(raw: string): [string, string][] {
  return [...new URLSearchParams(raw)];
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function defaultAnswer(captured: CapturedRequest, response: ServerResponse, models: string[]): void {
  if (captured.method === 'GET' && captured.path.endsWith('/models')) {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ object: 'list', data: models.map((id) => ({ id, object: 'model', created: 0, owned_by: 'capture' })), models: [] }));
    return;
  }
  if (captured.method === 'POST' && captured.path.endsWith('/responses')) {
    let model = 'test-model';
    try {
      model = (JSON.parse(captured.body) as { model?: string }).model ?? model;
    } catch {
      // keep the default
    }
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    response.end(responsesSseBody(model));
    return;
  }
  response.writeHead(404, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ error: { message: `no route for ${captured.method} ${captured.path}` } }));
}

/** Starts a capture server on 127.0.0.1 with an OS-chosen port. */
export async function startCaptureServer(options: CaptureServerOptions = {}): Promise<CaptureServer> {
  const requests: CapturedRequest[] = [];
  const models = options.models ?? ['test-model'];
  const server: Server = createServer((request, response) => {
    void (async () => {
      const target = request.url ?? '/';
      const queryAt = target.indexOf('?');
      const rawQuery = queryAt === -1 ? '' : target.slice(queryAt + 1);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
      const captured: CapturedRequest = {
        method: request.method ?? 'GET',
        path: queryAt === -1 ? target : target.slice(0, queryAt),
        rawQuery,
        query: parseQuery(rawQuery),
        headers,
        body: await readBody(request),
      };
      requests.push(captured);
      if (options.handle?.(captured, response)) return;
      defaultAnswer(captured, response, models);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    find: (method, suffix) => requests.filter((r) => r.method === method && r.path.endsWith(suffix)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
