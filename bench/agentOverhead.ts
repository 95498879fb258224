/**
 * Figure `agent-overhead-per-tool-call`: a scripted 50-tool-call turn (read_file each time) on
 * the local scripted model server, through the real AgentSession and wire client, versus a bare
 * fetch loop replaying the same 51 HTTP requests against the same server script. Overhead per
 * tool call = median over runs of (agent time - bare time) / 50; the server's own time is in both
 * and cancels out. The reference is the bare round trip per request.
 */
import { runCase } from './lib/childCase';
import { emitFigures, progress, reasonOf, unmeasured } from './lib/emit';
import { median, round, roundAll } from './lib/stats';

const CALLS = 50;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

interface AgentResult {
  agentMs: number[];
  bareMs: number[];
  requests: number;
  requestBytes: number;
}

function perCall(result: AgentResult) {
  const overhead = result.agentMs.map((ms, i) => (ms - result.bareMs[i]) / CALLS);
  return {
    overheadMs: median(overhead),
    bareMsPerRequest: median(result.bareMs) / result.requests,
    agentMsPerCall: median(result.agentMs) / CALLS,
    overheadSamples: roundAll(overhead, 2),
  };
}

async function main(): Promise<void> {
  const name = `agent overhead per tool call: ${CALLS} read_file calls in one turn over the Responses wire, server time excluded`;
  try {
    const primary = await runCase<AgentResult>('agentSteps.ts', { calls: CALLS, runs: RUNS, wire: 'responses' });
    const r = perCall(primary);
    progress(`agent: ${round(r.overheadMs, 2)} ms overhead per tool call (bare request ${round(r.bareMsPerRequest, 2)} ms)`);
    const others: Record<string, unknown> = {};
    for (const wire of ['chat', 'anthropic'] as const) {
      const other = perCall(await runCase<AgentResult>('agentSteps.ts', { calls: CALLS, runs: 3, wire }));
      others[wire] = { overheadMsPerCall: round(other.overheadMs, 2), bareMsPerRequest: round(other.bareMsPerRequest, 2) };
      progress(`agent over ${wire}: ${round(other.overheadMs, 2)} ms per tool call`);
    }
    emitFigures([
      {
        id: 'agent-overhead-per-tool-call',
        name,
        value: round(r.overheadMs, 2),
        unit: 'ms',
        reference: 'bare fetch round trip of the same request, per request',
        referenceValue: round(r.bareMsPerRequest, 2),
        details: {
          runs: RUNS,
          agentMsPerCall: round(r.agentMsPerCall, 2),
          overheadMsPerCallSamples: r.overheadSamples,
          agentTurnMs: roundAll(primary.agentMs),
          bareLoopMs: roundAll(primary.bareMs),
          requestBodyBytesTotal: primary.requestBytes,
          otherWires: others,
          includes: 'request building, SSE parsing and normalization, running read_file, transcript bookkeeping, node session store saves',
        },
      },
    ]);
  } catch (error) {
    emitFigures([unmeasured('agent-overhead-per-tool-call', name, 'ms', reasonOf(error))]);
  }
}

void main();
