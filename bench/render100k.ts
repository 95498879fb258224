/**
 * Figure `render-100k`: a 100,000-token Markdown answer streamed into the built chat webview in
 * headless Chromium at 1,000 deltas/s; total main-thread script time, longest frame, and whether
 * the final DOM equals the one-shot render. The stream is measured by the webview engineer's
 * bench/renderBench.mts (one `streamEvents` message per 16 ms, like the host's StreamBatcher; CDP ScriptDuration);
 * if that script is missing or fails, by bench/cases/renderWebview.ts (batched per frame like
 * the extension's StreamBatcher). Reference: the same answer rendered once (a `transcript`
 * message) in a fresh page, CDP ScriptDuration, median of ONE_SHOT_RUNS. The stream takes 100 s
 * of real time at that rate, so it runs once (thousands of frames already average it out).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, runCase } from './lib/childCase';
import { emitFigures, progress, reasonOf, unmeasured } from './lib/emit';
import { median, round, roundAll } from './lib/stats';

const TOKENS = 100_000;
const RATE = Number(process.env.BENCH_RENDER_RATE ?? 1000);
const ONE_SHOT_RUNS = 3;
const WEBVIEW_BENCH = join(REPO_ROOT, 'bench', 'renderBench.mts');

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

/** What bench/renderBench.mts prints as its last line. */
interface WebviewBenchFigures {
  tokens: number;
  chars: number;
  deltas: number;
  streamWallMs: number;
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
  taskMs: number;
  frames: number;
  longestFrameMs: number;
  p95FrameMs: number;
  framesOver50ms: number;
  longTasks: number;
  longestTaskMs: number;
  domElements: number;
  finalDomEqualsOneShot: boolean;
  oneShotRenderMs: number;
}

/** Runs the webview engineer's benchmark; undefined when it is absent or printed no figures. */
function runWebviewBench(): Promise<WebviewBenchFigures | undefined> {
  if (!existsSync(WEBVIEW_BENCH)) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WEBVIEW_BENCH, `--tokens=${TOKENS}`, `--rate=${RATE}`], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => process.stderr.write(c));
    const timer = setTimeout(() => child.kill('SIGKILL'), 280_000);
    child.on('close', () => {
      clearTimeout(timer);
      const last = stdout.trim().split('\n').pop() ?? '';
      try {
        const parsed = JSON.parse(last) as WebviewBenchFigures;
        resolve(typeof parsed.scriptMs === 'number' ? parsed : undefined);
      } catch {
        progress(`bench/renderBench.mts printed no figures; using bench/cases/renderWebview.ts. Output: ${stdout.slice(-300)}`);
        resolve(undefined);
      }
    });
  });
}

async function main(): Promise<void> {
  const name = `stream a ${TOKENS.toLocaleString('en-US')}-token Markdown answer into the chat webview at ${RATE.toLocaleString('en-US')} deltas/s: main-thread script time`;
  try {
    const oneShot: RenderCost[] = [];
    for (let i = 0; i < ONE_SHOT_RUNS; i++) oneShot.push(await runCase<RenderCost>('renderWebview.ts', { mode: 'oneShot', tokens: TOKENS, rate: RATE }));
    progress(`render one-shot: script ${roundAll(oneShot.map((r) => r.scriptMs)).join(', ')} ms`);
    const oneShotDetails = {
      runs: ONE_SHOT_RUNS,
      scriptMs: roundAll(oneShot.map((r) => r.scriptMs)),
      layoutMs: round(median(oneShot.map((r) => r.layoutMs)), 0),
      taskMs: round(median(oneShot.map((r) => r.taskMs)), 0),
      longestFrameMs: round(median(oneShot.map((r) => r.maxGap)), 0),
    };
    const referenceValue = round(median(oneShot.map((r) => r.scriptMs)), 0);
    const reference = 'the final Markdown rendered once (transcript load, fresh page)';
    const notes: string[] = [];

    const webview = await runWebviewBench();
    if (webview) {
      progress(`render stream (renderBench.mts): script ${webview.scriptMs} ms, longest frame ${webview.longestFrameMs} ms, DOM equal: ${webview.finalDomEqualsOneShot}`);
      if (!webview.finalDomEqualsOneShot) notes.push('The streamed DOM differs from the one-shot render.');
      emitFigures([
        {
          id: 'render-100k',
          name,
          value: webview.scriptMs,
          unit: 'ms',
          reference,
          referenceValue,
          details: {
            measuredBy: 'bench/renderBench.mts (host messages batched per 16 ms, like StreamBatcher)',
            finalDomEqualsOneShot: webview.finalDomEqualsOneShot,
            longestFrameMs: webview.longestFrameMs,
            p95FrameMs: webview.p95FrameMs,
            framesOver50ms: webview.framesOver50ms,
            frames: webview.frames,
            longTasks: { count: webview.longTasks, longestMs: webview.longestTaskMs },
            streamWallSeconds: round(webview.streamWallMs / 1000, 1),
            streamLayoutMs: webview.layoutMs,
            streamStyleMs: webview.styleMs,
            streamTaskMs: webview.taskMs,
            tokens: webview.tokens,
            markdownChars: webview.chars,
            domElements: webview.domElements,
            oneShotAfterStreamWallMs: webview.oneShotRenderMs,
            oneShot: oneShotDetails,
          },
          ...(notes.length > 0 && { note: notes.join(' ') }),
        },
      ]);
      return;
    }

    const stream = await runCase<StreamCost>('renderWebview.ts', { mode: 'stream', tokens: TOKENS, rate: RATE }, { timeoutMs: 280_000 });
    progress(`render stream: script ${round(stream.scriptMs, 0)} ms, longest frame ${round(stream.maxGap, 0)} ms, DOM equal: ${stream.domEqualsOneShot}`);
    if (!stream.domEqualsOneShot) notes.push('The streamed DOM differs from the one-shot render.');
    if (stream.problems.length > 0) notes.push(`Page problems: ${stream.problems.slice(0, 3).join('; ')}`);
    emitFigures([
      {
        id: 'render-100k',
        name,
        value: round(stream.scriptMs, 0),
        unit: 'ms',
        reference,
        referenceValue,
        details: {
          measuredBy: 'bench/cases/renderWebview.ts (host messages batched per ~16 ms, like StreamBatcher)',
          finalDomEqualsOneShot: stream.domEqualsOneShot,
          longestFrameMs: round(stream.maxGap, 0),
          longAnimationFrames: { count: stream.loafCount, maxMs: round(stream.loafMax, 0) },
          frames: stream.frames,
          streamWallSeconds: round(stream.wallMs / 1000, 1),
          hostMessages: stream.messages,
          deltas: stream.deltas,
          markdownChars: stream.chars,
          streamLayoutMs: round(stream.layoutMs, 0),
          streamStyleMs: round(stream.styleMs, 0),
          streamTaskMs: round(stream.taskMs, 0),
          oneShot: oneShotDetails,
        },
        ...(notes.length > 0 && { note: notes.join(' ') }),
      },
    ]);
  } catch (error) {
    emitFigures([unmeasured('render-100k', name, 'ms', reasonOf(error))]);
  }
}

void main();
