/**
 * Canary secrets: unique random values planted in every place a credential can come from (env
 * var, SecretStorage, `experimental_bearer_token`, an auth command's stdout), then searched for
 * in everything the user or a log can see. Reusable by any test level: core and CLI tests scan
 * events, errors, logs and files; e2e tests scan webview DOM text, output channels and the
 * workbench with `canaries.assertAbsent(label, text)`.
 *
 * Also: a logger that keeps every line, a deep text dump of any value (errors with their cause
 * chain and stack included), a directory scan, and a local provider that ECHOES every request
 * header value back in its error bodies and in-stream errors, the worst a hostile or buggy server
 * can do with the key it was sent.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Logger, SecretStore } from '../../src/core/ports';

/**
 * A fresh canary value. `opaque` (default) matches none of the built-in secret shapes of
 * `redactSecrets` (no `sk-` prefix, no `Bearer`), so only explicit redaction of the value can
 * hide it; `sk` looks like an OpenAI key, as the brief's `sk-canary-<random>` suggests.
 */
export function makeCanary(label: string, style: 'opaque' | 'sk' = 'opaque'): string {
  const tag = label.replace(/[^a-z0-9]/gi, '').toLowerCase().slice(0, 12);
  const random = randomBytes(12).toString('hex');
  return style === 'sk' ? `sk-canary-${tag}-${random}` : `cnry${tag}Q${random}`;
}

/** Where each canary was planted, by label, with helpers to look for all of them at once. */
export class CanarySet {
  private readonly byLabel = new Map<string, string>();

  /** Creates (or returns) the canary for `label`. */
  add(label: string, style: 'opaque' | 'sk' = 'opaque'): string {
    let value = this.byLabel.get(label);
    if (!value) {
      value = makeCanary(label, style);
      this.byLabel.set(label, value);
    }
    return value;
  }

  get(label: string): string {
    const value = this.byLabel.get(label);
    if (!value) throw new Error(`no canary labelled ${label}`);
    return value;
  }

  get values(): string[] {
    return [...this.byLabel.values()];
  }

  /** Labels of the canaries found in `text` (also found: a canary cut in half, 12+ chars of it). */
  findIn(text: string): string[] {
    const found: string[] = [];
    for (const [label, value] of this.byLabel) {
      const random = value.slice(-24);
      if (text.includes(value) || text.includes(random.slice(0, 12)) || text.includes(random.slice(12))) found.push(label);
    }
    return found;
  }

  /** Fails when any canary (or a 12-character piece of its random part) is in any of `things`. */
  assertAbsent(where: string, ...things: unknown[]): void {
    const text = things.map(textOf).join('\n');
    const found = this.findIn(text);
    if (found.length === 0) return;
    const value = this.get(found[0]);
    const at = text.indexOf(value.slice(-24, -12));
    const excerpt = at >= 0 ? text.slice(Math.max(0, at - 160), at + 60) : text.slice(0, 200);
    assert.fail(`secret canary ${found.join(', ')} leaked into ${where}: …${excerpt}…`);
  }
}

/**
 * Everything readable in `value` as one string: strings, JSON of plain data, and for errors
 * their name, message, stack, own properties and cause chain (what a log or a toast could show).
 */
export function textOf(value: unknown): string {
  const seen = new WeakSet<object>();
  const parts: string[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (depth > 40) return;
    if (typeof v === 'string') return void parts.push(v);
    if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return void parts.push(String(v));
    if (typeof v === 'function' || v === null || v === undefined || typeof v === 'symbol') return;
    if (typeof v !== 'object') return;
    if (seen.has(v)) return;
    seen.add(v);
    if (v instanceof Error) {
      parts.push(v.name, v.message, v.stack ?? '');
      walk(v.cause, depth + 1);
    }
    if (v instanceof Map) {
      for (const [k, x] of v) {
        walk(k, depth + 1);
        walk(x, depth + 1);
      }
      return;
    }
    if (v instanceof Set || Array.isArray(v)) {
      for (const x of v) walk(x, depth + 1);
      return;
    }
    if (ArrayBuffer.isView(v)) return void parts.push(Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('utf8'));
    for (const key of Object.getOwnPropertyNames(v)) {
      parts.push(key);
      let x: unknown;
      try {
        x = (v as Record<string, unknown>)[key];
      } catch {
        continue;
      }
      walk(x, depth + 1);
    }
  };
  walk(value, 0);
  return parts.join('\n');
}

/** A `Logger` that keeps every call, debug included. */
export interface CapturingLogger extends Logger {
  readonly lines: { level: 'debug' | 'info' | 'warn' | 'error'; message: string }[];
  text(): string;
}

export function capturingLogger(): CapturingLogger {
  const lines: CapturingLogger['lines'] = [];
  const at = (level: CapturingLogger['lines'][number]['level']) => (message: string) => void lines.push({ level, message });
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), text: () => lines.map((l) => `${l.level}: ${l.message}`).join('\n') };
}

/** A `SecretStore` in memory (the VS Code SecretStorage stand-in). */
export function memorySecretStore(initial: Record<string, string> = {}): SecretStore & { values: Map<string, string> } {
  const values = new Map(Object.entries(initial));
  return {
    values,
    get: async (id) => values.get(id),
    set: async (id, value) => void values.set(id, value),
    delete: async (id) => void values.delete(id),
  };
}

/** Every regular file under `dir` (recursively), with its text; files over `maxBytes` are read in part. */
export function filesUnder(dir: string, maxBytes = 64 * 1024 * 1024): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const name of names) {
      const p = join(d, name);
      const info = statSync(p, { throwIfNoEntry: false });
      if (!info) continue;
      if (info.isDirectory()) walk(p);
      else if (info.isFile()) out.push({ path: p, text: readFileSync(p).subarray(0, maxBytes).toString('utf8') });
    }
  };
  walk(dir);
  return out;
}

/** Fails when a canary is in any file under `dir` (session stores, log folders, user data dirs). */
export function assertNoCanaryInFiles(canaries: CanarySet, dir: string): number {
  const files = filesUnder(dir);
  for (const file of files) canaries.assertAbsent(`file ${file.path}`, file.text);
  return files.length;
}

/** How the echoing provider answers one request. */
export type EchoMode =
  /** A JSON error body `{error: {message, code, type}}` quoting every header value. */
  | { kind: 'status'; status: number; headers?: Record<string, string> }
  /** The same, as `text/plain` (a proxy's HTML/text error page). */
  | { kind: 'plain-status'; status: number }
  /** 200 with `application/json` holding an error (a gateway that reports errors as 200). */
  | { kind: 'json-200' }
  /** 200 SSE whose first event is the protocol's error event quoting the headers. */
  | { kind: 'in-stream-error' }
  /** 200 SSE with a non-JSON `data:` line quoting the headers, then a valid completed answer. */
  | { kind: 'garbage-then-answer' }
  /** 200 SSE: a valid short answer ("ok"). */
  | { kind: 'answer' };

/** What the echo server received. */
export interface EchoRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface EchoServer {
  /** `http://127.0.0.1:<port>/v1` */
  baseUrl: string;
  requests: EchoRequest[];
  close(): Promise<void>;
}

type Protocol = 'responses' | 'chat' | 'anthropic';

function protocolOf(path: string): Protocol {
  if (path.endsWith('/chat/completions')) return 'chat';
  if (path.endsWith('/messages')) return 'anthropic';
  return 'responses';
}

/** Every header value the client sent, and the token after `Bearer `, as one echo string. */
export function echoOfHeaders(headers: IncomingHttpHeaders): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    const v = Array.isArray(value) ? value.join(', ') : (value ?? '');
    parts.push(`${name}=${v}`);
    const bearer = /^Bearer\s+(.+)$/i.exec(v);
    if (bearer) parts.push(`token ${bearer[1]}`);
    parts.push(`raw ${v}`);
  }
  return parts.join(' | ');
}

const sse = (event: string | undefined, data: unknown) => `${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;

function answerBody(protocol: Protocol): string {
  if (protocol === 'chat') {
    return (
      sse(undefined, { id: 'c1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { role: 'assistant', content: 'ok' }, finish_reason: null }] }) +
      sse(undefined, { id: 'c1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }) +
      sse(undefined, '[DONE]')
    );
  }
  if (protocol === 'anthropic') {
    return (
      sse('message_start', { type: 'message_start', message: { id: 'm1', type: 'message', role: 'assistant', content: [], model: 'x', usage: { input_tokens: 1, output_tokens: 0 } } }) +
      sse('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }) +
      sse('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'ok' } }) +
      sse('content_block_stop', { type: 'content_block_stop', index: 0 }) +
      sse('message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 1 } }) +
      sse('message_stop', { type: 'message_stop' })
    );
  }
  return (
    sse('response.output_text.delta', { type: 'response.output_text.delta', item_id: 'i1', output_index: 0, content_index: 0, delta: 'ok' }) +
    sse('response.completed', { type: 'response.completed', response: { id: 'r1', status: 'completed', usage: { input_tokens: 1, output_tokens: 1 } } })
  );
}

function inStreamError(protocol: Protocol, echo: string): string {
  const error = { type: 'invalid_request_error', code: echo, message: `echo: ${echo}` };
  if (protocol === 'chat') return sse(undefined, { error });
  if (protocol === 'anthropic') return sse('error', { type: 'error', error });
  return sse('error', { type: 'error', code: error.code, message: error.message });
}

function respond(res: ServerResponse, request: EchoRequest, mode: EchoMode): void {
  const echo = echoOfHeaders(request.headers);
  const protocol = protocolOf(request.path);
  // Whole values only: a server that cuts a secret in half defeats any redaction by value.
  const errorJson = JSON.stringify({ error: { message: `Rejected. You sent: ${echo}`, type: echo, code: echo } });
  switch (mode.kind) {
    case 'status':
      res.writeHead(mode.status, { 'content-type': 'application/json', 'x-echo': 'yes', ...mode.headers });
      res.end(errorJson);
      return;
    case 'plain-status':
      res.writeHead(mode.status, { 'content-type': 'text/plain' });
      res.end(`<html><body>Gateway error. Headers were: ${echo}</body></html>`);
      return;
    case 'json-200':
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(errorJson);
      return;
    case 'in-stream-error':
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(inStreamError(protocol, echo));
      return;
    case 'garbage-then-answer':
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(`data: not json; headers ${echo}\n\n` + answerBody(protocol));
      return;
    case 'answer':
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(answerBody(protocol));
      return;
  }
}

/**
 * Starts the echoing provider on 127.0.0.1. `mode(request, index)` picks each answer; GET
 * requests (model lists) get the same treatment, with `answer` meaning an empty model list.
 */
export async function startEchoServer(mode: (request: EchoRequest, index: number) => EchoMode): Promise<EchoServer> {
  const requests: EchoRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request: EchoRequest = { method: req.method ?? '', path: (req.url ?? '').split('?')[0], headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      const index = requests.length;
      requests.push(request);
      const chosen = mode(request, index);
      if (request.method === 'GET' && chosen.kind === 'answer') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ object: 'list', data: [{ id: 'echo-model' }] }));
        return;
      }
      respond(res, request, chosen);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
