// Streams a long Markdown answer (default ~100,000 tokens of prose, lists, tables and code) into
// the built chat webview in headless Chromium at a fixed rate (default 1,000 deltas/s) and measures
// what the user would feel. Deltas arrive the way the extension host sends them: the host's
// StreamBatcher (src/vscode/chat/streamBatcher.ts) posts one `streamEvents` message per batch
// interval (DEFAULT_BATCH_INTERVAL_MS, imported below) holding every delta of that window (adjacent text deltas merged), so the benchmark measures the
// product as it runs; `--per-delta` sends one message per delta instead (an unbatched host).
// It measures:
//   - main-thread script / layout / style time while streaming (Chrome DevTools Protocol metrics),
//   - the longest frame (gaps between animation frames) and long tasks (PerformanceObserver),
//   - whether the final streamed DOM equals a one-shot render of the same Markdown,
//   - how long the one-shot render (a transcript load) takes.
// Usage: npx tsx bench/renderBench.mts [--tokens=100000] [--rate=1000] [--tokens-per-delta=1]
//          [--batch-ms=<host StreamBatcher interval>] [--per-delta] [--baseline-seconds=20]
//          [--profile=top|<file.cpuprofile>] [--trace=top|<file.json>]
// `--profile` records a CDP CPU profile of the stream (prints the top self-time functions, or
// writes the profile to a file for DevTools); `--trace` records a Chromium trace of the last 3 s
// of the stream (prints main-thread time by event, or writes the trace for DevTools). Prints a summary, then the figures as JSON on the
// last line.
import { writeFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';
import type { Page } from 'playwright-core';
import { DEFAULT_BATCH_INTERVAL_MS } from '../src/vscode/chat/streamBatcher';
import { startWebviewHarness } from '../test/helpers/webviewHarness';
import { generateMarkdown } from './lib/markdownGen';

function flag(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = arg ? Number(arg.split('=')[1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, got "${arg}".`);
  return value;
}

const TOKENS = flag('tokens', 100_000);
const RATE = flag('rate', 1000);
const TOKENS_PER_DELTA = flag('tokens-per-delta', 1);
const BATCH_MS = flag('batch-ms', DEFAULT_BATCH_INTERVAL_MS);
const PER_DELTA = process.argv.includes('--per-delta');
const BASELINE_SECONDS = flag('baseline-seconds', 20);
const PROFILE = process.argv.find((a) => a.startsWith('--profile='))?.slice('--profile='.length);
const TRACE = process.argv.find((a) => a.startsWith('--trace='))?.slice('--trace='.length);
const TRACE_SECONDS = Number(process.env.TRACE_SECONDS ?? 3);

interface PageResult {
  messages: number;
  streamWallMs: number;
  catchUpMs: number;
  frames: number;
  longestFrameMs: number;
  p95FrameMs: number;
  framesOver50ms: number;
  longTasks: number;
  longestTaskMs: number;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

/** The 20 functions with the most self time in a CDP CPU profile, one per line. */
function topFunctions(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    const key = frame ? `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}:${frame.columnNumber + 1}` : '?';
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 20)
    .map(([key, ms]) => `${ms.toFixed(0).padStart(7)} ms  ${key}`)
    .join('\n');
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tid: number;
  pid: number;
  ts: number;
}

/** Starts tracing after `delayMs` and returns the events of the following TRACE_SECONDS. */
async function traceStreamEnd(cdp: CDPSession, delayMs: number): Promise<TraceEvent[]> {
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, delayMs)));
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) => {
    events.push(...(data.value as unknown as TraceEvent[]));
  });
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink,cc', transferMode: 'ReportEvents' });
  await new Promise((resolve) => setTimeout(resolve, TRACE_SECONDS * 1000));
  await cdp.send('Tracing.end');
  await complete;
  return events;
}

/** Renderer main-thread time by trace event name (complete events, total duration), top 25. */
function traceSummary(events: TraceEvent[]): string {
  const main = events.find((e) => e.name === 'thread_name' && (e as unknown as { args: { name: string } }).args.name === 'CrRendererMain');
  const totals = new Map<string, { ms: number; count: number }>();
  for (const e of events) {
    if (!main || e.tid !== main.tid || e.pid !== main.pid || e.ph !== 'X' || e.dur === undefined) continue;
    const total = totals.get(e.name) ?? { ms: 0, count: 0 };
    total.ms += e.dur / 1000;
    total.count++;
    totals.set(e.name, total);
  }
  return [...totals]
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, 25)
    .map(([name, t]) => `${t.ms.toFixed(0).padStart(7)} ms ${String(t.count).padStart(6)}x  ${name}`)
    .join('\n');
}

/**
 * Delivers `parts` into the page at RATE deltas/s the way the host does, with the frame and
 * long-task monitors running. `harnessOnly`: the same driver and monitors, but the messages go
 * into a port nobody listens on, so what the page spends is the benchmark's own cost (subtracted
 * from the stream's script time: the host's own work happens in another process in VS Code).
 */
function driveStream(page: Page, parts: string[], harnessOnly: boolean): Promise<PageResult> {
  return page.evaluate(
    async ([parts, rate, batchMs, baseline]) => {
      const sink = baseline ? new MessageChannel().port1 : undefined;
      const frameGaps: number[] = [];
      const nativeRaf = window.requestAnimationFrame.bind(window);
      const longTasks: number[] = [];
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) longTasks.push(entry.duration);
      });
      observer.observe({ type: 'longtask', buffered: false });
      let measuring = true;
      let lastFrame = performance.now();
      const onFrame = (now: number) => {
        frameGaps.push(now - lastFrame);
        lastFrame = now;
        if (measuring) nativeRaf(onFrame);
      };
      nativeRaf(onFrame);

      const start = performance.now();
      let sent = 0;
      let messages = 0;
      const post = (texts: string[]) => {
        messages++;
        const events = texts.map((text) => ({ type: 'text-delta', text }));
        const message = { type: 'streamEvents', params: { turnId: 'bench', events } };
        if (sink) sink.postMessage(message);
        else window.postMessage(message, '*');
      };
      await new Promise<void>((done) => {
        const tick = () => {
          const due = Math.min(parts.length, Math.floor(((performance.now() - start) * rate) / 1000) + 1);
          if (batchMs === 0) {
            for (; sent < due; sent++) post([parts[sent]]);
          } else if (sent < due) {
            // Like the host's StreamBatcher: everything that arrived in the window, adjacent text merged.
            post([parts.slice(sent, due).join('')]);
            sent = due;
          }
          if (sent < parts.length) setTimeout(tick, batchMs === 0 ? 1 : batchMs);
          else done();
        };
        tick();
      });
      const streamWallMs = performance.now() - start;
      // Wait until the last delta is on screen.
      const last = parts[parts.length - 1].trim();
      if (!baseline) {
        await new Promise<void>((done) => {
          const check = () => {
            const markdown = document.querySelector('.turn[data-turn-id="bench"] .markdown');
            if (markdown?.textContent?.trimEnd().endsWith(last)) done();
            else nativeRaf(check);
          };
          check();
        });
      }
      const catchUpMs = performance.now() - start - streamWallMs;
      measuring = false;
      observer.disconnect();
      const sorted = [...frameGaps].sort((a, b) => a - b);
      return {
        messages,
        streamWallMs,
        catchUpMs,
        frames: frameGaps.length,
        longestFrameMs: sorted[sorted.length - 1] ?? 0,
        p95FrameMs: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
        framesOver50ms: frameGaps.filter((g) => g > 50).length,
        longTasks: longTasks.length,
        longestTaskMs: Math.max(0, ...longTasks),
      };
    },
    [parts, RATE, PER_DELTA ? 0 : BATCH_MS, harnessOnly] as const,
  );
}

async function main(): Promise<void> {
  const { text: answer, tokens } = generateMarkdown(TOKENS);
  const deltas: string[] = [];
  for (let i = 0; i < tokens.length; i += TOKENS_PER_DELTA) deltas.push(tokens.slice(i, i + TOKENS_PER_DELTA).join(''));
  console.log(`answer: ${answer.length.toLocaleString()} chars, ${tokens.length.toLocaleString()} tokens, ${deltas.length.toLocaleString()} deltas at ${RATE}/s`);

  const harness = await startWebviewHarness();
  try {
    const chat = await harness.openChat({ viewport: { width: 460, height: 900 } });
    const cdp = await chat.page.context().newCDPSession(chat.page);
    await cdp.send('Performance.enable');
    const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));

    await chat.post({ type: 'turnStarted', params: { turnId: 'bench' } });
    // The benchmark's own cost first: the same driver and monitors for BASELINE_SECONDS, messages to nowhere.
    const harnessBefore = await metrics();
    const harnessRun = await driveStream(chat.page, deltas.slice(0, Math.ceil(RATE * BASELINE_SECONDS)), true);
    const harnessAfter = await metrics();
    const harnessScriptPerMs = ((harnessAfter.ScriptDuration - harnessBefore.ScriptDuration) * 1000) / harnessRun.streamWallMs;
    if (PROFILE) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const before = await metrics();
    const traced = TRACE ? traceStreamEnd(cdp, (deltas.length / RATE - TRACE_SECONDS) * 1000) : undefined;
    const stream = await driveStream(chat.page, deltas, false);
    const after = await metrics();
    if (TRACE && traced) {
      const events = await traced;
      if (TRACE === 'top') console.log(traceSummary(events));
      else writeFileSync(TRACE, JSON.stringify({ traceEvents: events }));
    }
    if (PROFILE) {
      const { profile } = await cdp.send('Profiler.stop');
      if (PROFILE === 'top') console.log(topFunctions(profile));
      else writeFileSync(PROFILE, JSON.stringify(profile));
    }
    await chat.post({ type: 'streamEvents', params: { turnId: 'bench', events: [{ type: 'done', stopReason: 'stop' }] } });

    const oneShot = await chat.page.evaluate(async (text) => {
      const streamed = document.querySelector('.turn[data-turn-id="bench"] .markdown')!.innerHTML;
      const elements = document.querySelectorAll('.turn[data-turn-id="bench"] .markdown *').length;
      let handledAt = 0;
      window.addEventListener('message', () => (handledAt = performance.now()), { once: true });
      const start = performance.now();
      window.postMessage({ type: 'transcript', params: { messages: [{ role: 'user', content: 'bench' }, { role: 'assistant', content: text }] } }, '*');
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const paintedAt = performance.now();
      const oneShotHtml = document.querySelector('.turn .markdown')!.innerHTML;
      return { equal: streamed === oneShotHtml, streamedLength: streamed.length, oneShotLength: oneShotHtml.length, elements, renderMs: handledAt - start, toFrameMs: paintedAt - start };
    }, answer);

    const delta = (name: string) => Math.round(((after[name] ?? 0) - (before[name] ?? 0)) * 1000);
    const figures = {
      tokens: tokens.length,
      chars: answer.length,
      deltas: deltas.length,
      deltasPerSecond: RATE,
      hostMessages: stream.messages,
      delivery: PER_DELTA ? 'one message per delta' : `one streamEvents message per ${BATCH_MS} ms (host StreamBatcher)`,
      streamWallMs: Math.round(stream.streamWallMs),
      catchUpMs: Math.round(stream.catchUpMs),
      // The page's script time minus the benchmark's own (driver and monitors), measured just before.
      scriptMs: Math.round(delta('ScriptDuration') - harnessScriptPerMs * stream.streamWallMs),
      rawScriptMs: delta('ScriptDuration'),
      harnessScriptMs: Math.round(harnessScriptPerMs * stream.streamWallMs),
      layoutMs: delta('LayoutDuration'),
      styleMs: delta('RecalcStyleDuration'),
      taskMs: delta('TaskDuration'),
      frames: stream.frames,
      longestFrameMs: Math.round(stream.longestFrameMs * 10) / 10,
      p95FrameMs: Math.round(stream.p95FrameMs * 10) / 10,
      framesOver50ms: stream.framesOver50ms,
      longTasks: stream.longTasks,
      longestTaskMs: Math.round(stream.longestTaskMs),
      domElements: oneShot.elements,
      finalDomEqualsOneShot: oneShot.equal,
      oneShotRenderMs: Math.round(oneShot.renderMs * 10) / 10,
      oneShotToFrameMs: Math.round(oneShot.toFrameMs * 10) / 10,
    };
    console.log(`delivery: ${figures.delivery}: ${figures.hostMessages.toLocaleString()} host messages`);
    console.log(
      `streamed in ${figures.streamWallMs} ms (+${figures.catchUpMs} ms to catch up); main thread: script ${figures.scriptMs} ms (${figures.rawScriptMs} ms measured, less ${figures.harnessScriptMs} ms of the benchmark's own driver and monitors), layout ${figures.layoutMs} ms, style ${figures.styleMs} ms, tasks ${figures.taskMs} ms`,
    );
    console.log(`frames: ${figures.frames}, longest ${figures.longestFrameMs} ms, p95 ${figures.p95FrameMs} ms, ${figures.framesOver50ms} over 50 ms; long tasks: ${figures.longTasks} (longest ${figures.longestTaskMs} ms)`);
    console.log(`final DOM equals one-shot render: ${figures.finalDomEqualsOneShot} (${oneShot.streamedLength} vs ${oneShot.oneShotLength} chars of HTML, ${figures.domElements} elements); one-shot render ${figures.oneShotRenderMs} ms (${figures.oneShotToFrameMs} ms to the next frame)`);
    console.log(JSON.stringify(figures));
    if (!figures.finalDomEqualsOneShot) process.exitCode = 1;
  } finally {
    await harness.close();
  }
}

await main();
