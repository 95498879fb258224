/**
 * A local HTTP server that misbehaves on purpose, one scripted step per request: error statuses
 * (with Retry-After), streams that drop the connection after N bytes, stall past the client's
 * idle timeout, or never answer. Records each request and when its connection closed, so tests
 * can assert how many requests were made and that a cancel closed the socket promptly.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type FaultStep =
  /** Answer with a status (and optional headers/body) and close. */
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  /**
   * Stream `body` as SSE. `dropAfter`: destroy the socket after that many bytes (connection
   * reset mid-stream). `stallAfter` + `stallMs`: stop writing after that many bytes for
   * `stallMs` (forever when omitted), then continue. `chunkSize`: bytes per write (default all).
   */
  | {
      kind: 'stream';
      body: string | Buffer;
      headers?: Record<string, string>;
      dropAfter?: number;
      stallAfter?: number;
      stallMs?: number;
      chunkSize?: number;
    }
  /** Accept the request and never answer. */
  | { kind: 'hang' };

export interface FaultRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  receivedAt: number;
  /** When the client's connection closed (set later), ms epoch. */
  closedAt?: number;
}

export interface FaultServer {
  baseUrl: string;
  requests: FaultRequest[];
  /** Resolves when request `index` has arrived. */
  waitForRequest(index: number): Promise<FaultRequest>;
  /** Resolves when the connection of request `index` has closed. */
  waitForClose(index: number): Promise<number>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startFaultServer(script: FaultStep[] | ((index: number) => FaultStep)): Promise<FaultServer> {
  const requests: FaultRequest[] = [];
  const arrivals: ((r: FaultRequest) => void)[] = [];
  const closes: ((t: number) => void)[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (chunk: Buffer) => parts.push(chunk));
    req.on('end', () => {
      const index = requests.length;
      const recorded: FaultRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(parts).toString('utf8'),
        receivedAt: Date.now(),
      };
      requests.push(recorded);
      res.on('close', () => {
        recorded.closedAt = Date.now();
        closes[index]?.(recorded.closedAt);
      });
      arrivals[index]?.(recorded);
      const step = typeof script === 'function' ? script(index) : script[index];
      void run(res, step ?? { kind: 'status', status: 500, body: '{"error":{"message":"fault server: no step"}}' });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    waitForRequest: (index) =>
      requests[index] ? Promise.resolve(requests[index]) : new Promise((resolve) => (arrivals[index] = resolve)),
    waitForClose: (index) =>
      requests[index]?.closedAt !== undefined
        ? Promise.resolve(requests[index].closedAt!)
        : new Promise((resolve) => (closes[index] = resolve)),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function run(res: ServerResponse, step: FaultStep): Promise<void> {
  if (step.kind === 'hang') return;
  if (step.kind === 'status') {
    res.writeHead(step.status, { 'content-type': 'application/json', ...step.headers });
    res.end(step.body ?? '');
    return;
  }
  res.socket?.setNoDelay(true);
  res.writeHead(200, { 'content-type': 'text/event-stream', ...step.headers });
  const body = Buffer.isBuffer(step.body) ? step.body : Buffer.from(step.body, 'utf8');
  const limit = step.dropAfter ?? step.stallAfter ?? body.length;
  const size = step.chunkSize ?? body.length;
  let sent = 0;
  const writeUntil = async (end: number) => {
    while (sent < end && !res.destroyed) {
      const next = Math.min(end, sent + size);
      const ok = res.write(body.subarray(sent, next));
      sent = next;
      if (!ok) await new Promise((resolve) => res.once('drain', resolve));
      else if (step.chunkSize) await new Promise((resolve) => setImmediate(resolve));
    }
  };
  await writeUntil(Math.min(limit, body.length));
  if (step.dropAfter !== undefined) {
    await sleep(5);
    res.socket?.destroy();
    return;
  }
  if (step.stallAfter !== undefined) {
    if (step.stallMs === undefined) return; // stall forever
    await sleep(step.stallMs);
    await writeUntil(body.length);
  }
  if (!res.destroyed) res.end();
}
