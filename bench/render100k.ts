/**
 * Figure `render-100k`: a 100,000-token Markdown answer (prose, lists, code, tables, quotes)
 * streamed into the built chat webview in headless Chromium at 1,000 deltas/s, batched per
 * frame as the extension host does; total main-thread script time, longest frame, and whether
 * the final DOM equals the one-shot render. Reference: the same answer rendered once (a
 * `transcript` message), median of ONE_SHOT_RUNS fresh pages. The stream itself takes 100 s of
 * real time at that rate, so it runs once (thousands of frames already average it out).
 */
import { runCase } from './lib/childCase';
import { emitFigures, progress, reasonOf, unmeasured } from './lib/emit';
import { median, round, roundAll } from './lib/stats';

const TOKENS = 100_000;
const RATE = Number(process.env.BENCH_RENDER_RATE ?? 1000);
const ONE_SHOT_RUNS = 3;

interface RenderCost {
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
  taskMs: number;
  wallMs: number;
  maxGap: number;
  frames: number;
  loafMax: number;
  loafCount: number;
  problems: string[];
}

interface StreamCost extends RenderCost {
  messages: number;
  deltas: number;
  chars: number;
  domEqualsOneShot: boolean;
  domLength: number;
}

async function main(): Promise<void> {
  const name = `stream a ${TOKENS.toLocaleString('en-US')}-token Markdown answer into the chat webview at ${RATE.toLocaleString('en-US')} deltas/s: main-thread script time`;
  try {
    const oneShot: RenderCost[] = [];
    for (let i = 0; i < ONE_SHOT_RUNS; i++) oneShot.push(await runCase<RenderCost>('renderWebview.ts', { mode: 'oneShot', tokens: TOKENS, rate: RATE }));
    progress(`render one-shot: script ${roundAll(oneShot.map((r) => r.scriptMs)).join(', ')} ms`);
    const stream = await runCase<StreamCost>('renderWebview.ts', { mode: 'stream', tokens: TOKENS, rate: RATE }, { timeoutMs: 280_000 });
    progress(`render stream: script ${round(stream.scriptMs, 0)} ms, longest frame ${round(stream.maxGap, 0)} ms, DOM equal: ${stream.domEqualsOneShot}`);
    const notes: string[] = [];
    if (!stream.domEqualsOneShot) notes.push('The streamed DOM differs from the one-shot render.');
    if (stream.problems.length > 0) notes.push(`Page problems: ${stream.problems.slice(0, 3).join('; ')}`);
    emitFigures([
      {
        id: 'render-100k',
        name,
        value: round(stream.scriptMs, 0),
        unit: 'ms',
        reference: 'the final Markdown rendered once (transcript load)',
        referenceValue: round(median(oneShot.map((r) => r.scriptMs)), 0),
        details: {
          finalDomEqualsOneShot: stream.domEqualsOneShot,
          longestFrameMs: round(stream.maxGap, 0),
          longAnimationFrames: { count: stream.loafCount, maxMs: round(stream.loafMax, 0) },
          framesSeen: stream.frames,
          streamWallSeconds: round(stream.wallMs / 1000, 1),
          hostMessages: stream.messages,
          deltas: stream.deltas,
          markdownChars: stream.chars,
          streamLayoutMs: round(stream.layoutMs, 0),
          streamStyleMs: round(stream.styleMs, 0),
          streamTaskMs: round(stream.taskMs, 0),
          oneShot: {
            runs: ONE_SHOT_RUNS,
            scriptMs: roundAll(oneShot.map((r) => r.scriptMs)),
            layoutMs: round(median(oneShot.map((r) => r.layoutMs)), 0),
            taskMs: round(median(oneShot.map((r) => r.taskMs)), 0),
            longestFrameMs: round(median(oneShot.map((r) => r.maxGap)), 0),
          },
          method: 'CDP Performance.getMetrics ScriptDuration (main thread) from the first delta to the final flush; longest frame = largest gap between requestAnimationFrame callbacks',
        },
        ...(notes.length > 0 && { note: notes.join(' ') }),
      },
    ]);
  } catch (error) {
    emitFigures([unmeasured('render-100k', name, 'ms', reasonOf(error))]);
  }
}

void main();
