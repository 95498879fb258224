/**
 * One side of the streaming-overhead benchmark, in its own process: either the raw `openai` SDK
 * (v6) consuming the stream (`sdk`), or Switchboard's wire client producing normalized events
 * from it (`ours`). Reports the time from sending the request to the end of the stream, the
 * module load time, the characters received (checked against the expected count), and the
 * process's peak RSS.
 */
import { caseInput, reportCase } from '../lib/childCase';

interface Input {
  side: 'sdk' | 'ours';
  wire: 'chat' | 'responses';
  baseUrl: string;
  expectedChars: number;
  deltas: number;
}

interface Counted {
  chars: number;
  deltas: number;
}

async function viaSdk(input: Input): Promise<Counted> {
  const { default: OpenAI } = await import('openai');
  const client = new OpenAI({ apiKey: 'sk-bench-0123456789', baseURL: input.baseUrl, maxRetries: 0 });
  const counted = { chars: 0, deltas: 0 };
  if (input.wire === 'chat') {
    const stream = await client.chat.completions.create({
      model: 'bench-model',
      messages: [{ role: 'user', content: 'Write a long answer.' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    for await (const chunk of stream) {
      const text = chunk.choices[0]?.delta?.content;
      if (text) {
        counted.chars += text.length;
        counted.deltas++;
      }
    }
  } else {
    const stream = await client.responses.create({ model: 'bench-model', input: 'Write a long answer.', stream: true });
    for await (const event of stream) {
      if (event.type === 'response.output_text.delta') {
        counted.chars += event.delta.length;
        counted.deltas++;
      }
    }
  }
  return counted;
}

async function viaSwitchboard(input: Input): Promise<Counted> {
  const { createModelClient } = await import('../../src/core/wire/createModelClient');
  const client = createModelClient({
    credentials: { resolve: async () => ({ token: 'sk-bench-0123456789', source: { type: 'env', name: 'BENCH_API_KEY' } }) },
    env: {},
  });
  const counted = { chars: 0, deltas: 0 };
  const stream = client.stream({
    provider: {
      id: 'bench',
      name: 'Bench',
      baseUrl: input.baseUrl,
      wireApi: input.wire,
      envKey: 'BENCH_API_KEY',
      httpHeaders: {},
      envHttpHeaders: {},
      queryParams: {},
      requestMaxRetries: 0,
      streamMaxRetries: 0,
      streamIdleTimeoutMs: 300_000,
      supportsWebsockets: false,
      requiresOpenaiAuth: false,
      source: 'user',
      fromWorkspace: false,
    },
    model: 'bench-model',
    messages: [{ role: 'user', content: 'Write a long answer.' }],
  });
  let done = false;
  for await (const event of stream) {
    if (event.type === 'text-delta') {
      counted.chars += event.text.length;
      counted.deltas++;
    } else if (event.type === 'error') {
      throw new Error(`Switchboard's stream failed: ${event.error.message}`);
    } else if (event.type === 'done') {
      done = true;
    }
  }
  if (!done) throw new Error('Switchboard stream ended without a done event.');
  return counted;
}

async function main(): Promise<void> {
  const input = caseInput<Input>();
  const run = input.side === 'sdk' ? viaSdk : viaSwitchboard;
  // Load the modules first (not part of the streaming time), then stream.
  const loadStart = performance.now();
  if (input.side === 'sdk') await import('openai');
  else await import('../../src/core/wire/createModelClient');
  const loadMs = performance.now() - loadStart;
  const start = performance.now();
  const counted = await run(input);
  const streamMs = performance.now() - start;
  if (counted.chars !== input.expectedChars) {
    throw new Error(`${input.side} received ${counted.chars} characters, expected ${input.expectedChars}.`);
  }
  reportCase({ streamMs, loadMs, chars: counted.chars, deltas: counted.deltas, maxRssBytes: process.resourceUsage().maxRSS * 1024 });
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
