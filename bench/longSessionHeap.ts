/**
 * Figure `long-session-heap`: 1,000 turns (each a read_file tool call and a streamed answer) in
 * one AgentSession with the node session store on, in a fresh process with --expose-gc. Value:
 * heap growth after forced GCs; reference: the size of the saved session file (the data the
 * session has to keep), so the ratio says how many bytes of heap each byte of transcript costs.
 */
import { runCase } from './lib/childCase';
import { emitFigures, progress, reasonOf, unmeasured } from './lib/emit';
import { mib, round } from './lib/stats';

const TURNS = Number(process.env.BENCH_SESSION_TURNS ?? 1000);

interface SessionResult {
  heapBeforeBytes: number;
  heapAfterBytes: number;
  savedBytes: number;
  transcriptEntries: number;
  totalMs: number;
  firstTurnsMs: number;
  lastTurnsMs: number;
  rssBytes: number;
}

async function main(): Promise<void> {
  const name = `heap growth over ${TURNS.toLocaleString('en-US')} turns in one AgentSession (node session store on, after GC)`;
  try {
    const r = await runCase<SessionResult>('longSession.ts', { turns: TURNS }, { nodeFlags: ['--expose-gc'], timeoutMs: 300_000 });
    const growth = r.heapAfterBytes - r.heapBeforeBytes;
    progress(`long session: heap ${mib(r.heapBeforeBytes)} -> ${mib(r.heapAfterBytes)} MiB, saved file ${mib(r.savedBytes)} MiB`);
    emitFigures([
      {
        id: 'long-session-heap',
        name,
        value: mib(growth),
        unit: 'MiB',
        reference: 'size of the saved session file (the transcript itself)',
        referenceValue: mib(r.savedBytes),
        details: {
          heapBeforeMiB: mib(r.heapBeforeBytes),
          heapAfterMiB: mib(r.heapAfterBytes),
          savedSessionBytes: r.savedBytes,
          transcriptEntries: r.transcriptEntries,
          rssAfterMiB: mib(r.rssBytes),
          totalSeconds: round(r.totalMs / 1000, 1),
          msPerTurnFirst100: round(r.firstTurnsMs, 1),
          msPerTurnLast100: round(r.lastTurnsMs, 1),
        },
      },
    ]);
  } catch (error) {
    emitFigures([unmeasured('long-session-heap', name, 'MiB', reasonOf(error))]);
  }
}

void main();
