// Small building blocks for "provider" servers in connection tests, on top of the capture server:
// a route table (method + path -> answer), JSON and SSE answers for Chat Completions and the
// Responses API, and a stall that sends the headers and a first event, then nothing.
import type { ServerResponse } from 'node:http';
import { responsesSseBody, startCaptureServer, type CaptureServer, type CapturedRequest } from '../../helpers/captureServer';

/** Answers one request. */
export type Answer = (response: ServerResponse, request: CapturedRequest) => void;

/** `{"error": {...}}` with a status. */
export function jsonAnswer(status: number, body: unknown): Answer {
  return (response) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
}

/** A model list (`{data: [{id}]}`). */
export function modelsAnswer(ids: string[]): Answer {
  return jsonAnswer(200, { object: 'list', data: ids.map((id) => ({ id, object: 'model' })) });
}

function chatChunk(delta: Record<string, unknown>, finish: string | null = null): string {
  const data = { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta, finish_reason: finish }] };
  return `data: ${JSON.stringify(data)}\n\n`;
}

/** A complete Chat Completions stream answering `text`. */
export function chatSseBody(text: string): string {
  return `${chatChunk({ role: 'assistant', content: '' })}${chatChunk({ content: text })}${chatChunk({}, 'stop')}data: [DONE]\n\n`;
}

/** An SSE body as a 200 answer. */
export function sseAnswer(body: string): Answer {
  return (response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.end(body);
  };
}

/** Headers and `first`, then silence until the client gives up. */
export function stallAnswer(first: string): Answer {
  return (response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write(first);
  };
}

/** The first chunk of a chat stream, for stalls. */
export const CHAT_FIRST_CHUNK = chatChunk({ role: 'assistant', content: 'O' });

/** The Responses stream of the capture server (answers "ok"). */
export const RESPONSES_OK = responsesSseBody();

/** Routes keyed `"<METHOD> <path>"`; anything else is a 404 with an OpenAI-style error body. */
export function startRoutes(routes: Record<string, Answer>): Promise<CaptureServer> {
  return startCaptureServer({
    handle: (request, response) => {
      const answer = routes[`${request.method} ${request.path}`] ?? jsonAnswer(404, { error: { message: `no route for ${request.method} ${request.path}` } });
      answer(response, request);
      return true;
    },
  });
}
