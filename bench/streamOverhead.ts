/**
 * Figures `stream-overhead-chat` and `stream-overhead-responses`: a local server streams 100,000
 * small deltas; the raw `openai` SDK (reference) and Switchboard's wire client each consume the
 * same stream in a fresh process, alternating, RUNS times; medians of the streaming time, and of
 * each process's peak RSS (in `details`).
 */
import { runCase } from './lib/childCase';
import { emitFigures, progress, reasonOf, unmeasured } from './lib/emit';
import type { MeasuredFigure } from './lib/figures';
import { expectedChars, startDeltaServer, type DeltaWire } from './lib/deltaServer';
import { median, mib, round, roundAll } from './lib/stats';

const DELTAS = 100_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

interface SideResult {
  streamMs: number;
  loadMs: number;
  chars: number;
  deltas: number;
  maxRssBytes: number;
}

async function measureWire(wire: DeltaWire, baseUrl: string, bodyBytes: number): Promise<MeasuredFigure> {
  const samples: Record<'sdk' | 'ours', SideResult[]> = { sdk: [], ours: [] };
  for (let run = 0; run < RUNS; run++) {
    // Alternate which side goes first so drift (thermal, page cache) hits both alike.
    const order: ('sdk' | 'ours')[] = run % 2 === 0 ? ['sdk', 'ours'] : ['ours', 'sdk'];
    for (const side of order) {
      samples[side].push(await runCase<SideResult>('streamClient.ts', { side, wire, baseUrl, expectedChars: expectedChars(DELTAS), deltas: DELTAS }));
    }
    progress(`${wire} run ${run + 1}/${RUNS}: sdk ${round(samples.sdk[run].streamMs, 0)} ms, ours ${round(samples.ours[run].streamMs, 0)} ms`);
  }
  const ms = (side: 'sdk' | 'ours') => median(samples[side].map((s) => s.streamMs));
  const rss = (side: 'sdk' | 'ours') => median(samples[side].map((s) => s.maxRssBytes));
  const label = wire === 'chat' ? 'Chat Completions' : 'Responses';
  return {
    id: `stream-overhead-${wire}`,
    name: `${label} SSE, ${DELTAS.toLocaleString('en-US')} deltas: time to consume the stream (wire client -> normalized events)`,
    value: round(ms('ours'), 1),
    unit: 'ms',
    reference: 'raw openai SDK v6 consuming the same stream',
    referenceValue: round(ms('sdk'), 1),
    details: {
      runs: RUNS,
      bodyMiB: mib(bodyBytes),
      oursMs: roundAll(samples.ours.map((s) => s.streamMs)),
      sdkMs: roundAll(samples.sdk.map((s) => s.streamMs)),
      peakRssMiB: { ours: mib(rss('ours')), sdk: mib(rss('sdk')), ratio: round(rss('ours') / rss('sdk'), 3) },
      moduleLoadMs: { ours: round(median(samples.ours.map((s) => s.loadMs)), 0), sdk: round(median(samples.sdk.map((s) => s.loadMs)), 0) },
      usPerDelta: { ours: round((ms('ours') * 1000) / DELTAS, 2), sdk: round((ms('sdk') * 1000) / DELTAS, 2) },
    },
  };
}

async function main(): Promise<void> {
  const figures: MeasuredFigure[] = [];
  const server = await startDeltaServer(DELTAS);
  try {
    for (const wire of ['chat', 'responses'] as const) {
      try {
        figures.push(await measureWire(wire, server.baseUrl, server.bodyBytes[wire]));
      } catch (error) {
        figures.push(unmeasured(`stream-overhead-${wire}`, `${wire} SSE streaming overhead`, 'ms', reasonOf(error)));
      }
    }
  } finally {
    await server.close();
  }
  emitFigures(figures);
}

void main();
