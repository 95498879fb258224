/**
 * Figure `render-100k`: a 100,000-token Markdown answer streamed into the built chat webview in
 * headless Chromium at 1,000 deltas/s; total main-thread script time, longest frame, and whether
 * the final DOM equals the one-shot render. The stream is measured by bench/renderBench.mts (one
 * `streamEvents` message per host StreamBatcher interval; CDP ScriptDuration, less the
 * benchmark's own driver and monitors, measured in the same page just before). Reference: the same
 * answer rendered once (a `transcript` message) in a fresh page, CDP ScriptDuration, median of
 * ONE_SHOT_RUNS. The stream takes 100 s of real time at that rate, so it runs once (thousands of
 * updates already average it out).
 */
import { spawn } from 'node:child_process';
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
  taskMs: number;
  maxGap: number;
}

/** What bench/renderBench.mts prints as its last line. */
interface WebviewBenchFigures {
  tokens: number;
  chars: number;
  deltas: number;
  hostMessages: number;
  delivery: string;
  streamWallMs: number;
  scriptMs: number;
  rawScriptMs: number;
  harnessScriptMs: number;
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

/** Runs bench/renderBench.mts; rejects with its output when it printed no figures. */
function runWebviewBench(): Promise<WebviewBenchFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WEBVIEW_BENCH, `--tokens=${TOKENS}`, `--rate=${RATE}`], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => process.stderr.write(c));
    const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
    child.on('close', () => {
      clearTimeout(timer);
      const last = stdout.trim().split('\n').pop() ?? '';
      try {
        const parsed = JSON.parse(last) as WebviewBenchFigures;
        if (typeof parsed.scriptMs === 'number') return resolve(parsed);
      } catch {
        // Falls through to the rejection below.
      }
      reject(new Error(`bench/renderBench.mts printed no figures: ${stdout.slice(-300)}`));
    });
  });
}

async function main(): Promise<void> {
  const name = `stream a ${TOKENS.toLocaleString('en-US')}-token Markdown answer into the chat webview at ${RATE.toLocaleString('en-US')} deltas/s: main-thread script time`;
  try {
    const oneShot: RenderCost[] = [];
    for (let i = 0; i < ONE_SHOT_RUNS; i++) oneShot.push(await runCase<RenderCost>('renderWebview.ts', { mode: 'oneShot', tokens: TOKENS, rate: RATE }));
    progress(`render one-shot: script ${roundAll(oneShot.map((r) => r.scriptMs)).join(', ')} ms`);
    const webview = await runWebviewBench();
    progress(`render stream: script ${webview.scriptMs} ms (${webview.rawScriptMs} ms less ${webview.harnessScriptMs} ms of benchmark driver), longest frame ${webview.longestFrameMs} ms, DOM equal: ${webview.finalDomEqualsOneShot}`);
    emitFigures([
      {
        id: 'render-100k',
        name,
        value: webview.scriptMs,
        unit: 'ms',
        reference: 'the final Markdown rendered once (transcript load, fresh page)',
        referenceValue: round(median(oneShot.map((r) => r.scriptMs)), 0),
        details: {
          measuredBy: 'bench/renderBench.mts',
          delivery: webview.delivery,
          hostMessages: webview.hostMessages,
          pageScriptMs: webview.rawScriptMs,
          benchmarkDriverScriptMs: webview.harnessScriptMs,
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
          oneShot: {
            runs: ONE_SHOT_RUNS,
            scriptMs: roundAll(oneShot.map((r) => r.scriptMs)),
            layoutMs: round(median(oneShot.map((r) => r.layoutMs)), 0),
            taskMs: round(median(oneShot.map((r) => r.taskMs)), 0),
            longestFrameMs: round(median(oneShot.map((r) => r.maxGap)), 0),
          },
        },
        ...(!webview.finalDomEqualsOneShot && { note: 'The streamed DOM differs from the one-shot render.' }),
      },
    ]);
  } catch (error) {
    emitFigures([unmeasured('render-100k', name, 'ms', reasonOf(error))]);
  }
}

void main();
