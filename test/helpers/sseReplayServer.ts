/**
 * A local HTTP server (127.0.0.1, random port) that answers each request with the next scripted
 * response: usually a recorded SSE stream from the corpus, optionally written in small random
 * chunks (1-7 bytes, seeded) to exercise parsers across split lines, events and UTF-8 sequences.
 * Records every request (method, path, headers, body).
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReplayResponse {
  status?: number;
  headers?: Record<string, string>;
  body: string | Buffer;
  /** Write the body in random chunks of `min`..`max` bytes (seeded, deterministic). */
  chunks?: { min: number; max: number; seed: number };
}

export interface RecordedRequest {
  method: string;
  /** Path and query. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface ReplayServer {
  baseUrl: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** Deterministic PRNG (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits `buffer` into chunks of random size in [min, max]. */
export function randomChunks(buffer: Buffer, min: number, max: number, seed: number): Buffer[] {
  const random = seededRandom(seed);
  const out: Buffer[] = [];
  for (let i = 0; i < buffer.length; ) {
    const size = min + Math.floor(random() * (max - min + 1));
    out.push(buffer.subarray(i, i + size));
    i += size;
  }
  return out;
}

export async function startReplayServer(
  script: ReplayResponse[] | ((request: RecordedRequest, index: number) => ReplayResponse),
): Promise<ReplayServer> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (chunk: Buffer) => parts.push(chunk));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(parts).toString('utf8'),
      };
      const index = requests.length;
      requests.push(recorded);
      const response = typeof script === 'function' ? script(recorded, index) : script[index];
      if (!response) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: `replay server: no scripted response #${index + 1}` } }));
        return;
      }
      void send(res, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function send(res: ServerResponse, response: ReplayResponse): Promise<void> {
  res.socket?.setNoDelay(true);
  res.writeHead(response.status ?? 200, { 'content-type': 'text/event-stream', ...response.headers });
  const body = Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body, 'utf8');
  if (!response.chunks) {
    res.end(body);
    return;
  }
  const { min, max, seed } = response.chunks;
  const chunks = randomChunks(body, min, max, seed);
  for (let i = 0; i < chunks.length; i++) {
    if (res.destroyed) return;
    res.write(chunks[i]);
    if (i % 4 === 3) await new Promise((resolve) => setImmediate(resolve));
  }
  res.end();
}

/**
 * A fetch that gets the real response from the server and hands its body to the client in exact
 * random chunks of `min`..`max` bytes (network writes get coalesced; this does not).
 */
export function rechunkingFetch(min: number, max: number, seed: number): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const bytes = Buffer.from(await response.arrayBuffer());
    const chunks = randomChunks(bytes, min, max, seed);
    let i = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (i < chunks.length) controller.enqueue(new Uint8Array(chunks[i++]));
        else controller.close();
      },
    });
    return new Response(body, { status: response.status, headers: response.headers });
  };
}
