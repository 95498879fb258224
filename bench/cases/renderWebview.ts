/**
 * The render benchmark's reference in its own process: the chat webview bundle in headless
 * Chromium (through test/helpers/webviewHarness), a fresh page, and the finished answer arriving
 * once in a `transcript` message. Measures the page's main-thread script time (CDP
 * Performance.getMetrics ScriptDuration, plus layout and style) and the longest frame (largest
 * gap between animation frames, and long-animation-frame entries). The stream itself is measured
 * by bench/renderBench.mts.
 */
import type { CDPSession, Page } from 'playwright-core';
import { startWebviewHarness } from '../../test/helpers/webviewHarness';
import { sessionState, transcript } from '../../test/webview/hostMessages';
import { caseInput, reportCase } from '../lib/childCase';
import { generateMarkdown } from '../lib/markdownGen';

interface Input {
  tokens: number;
}

type Metrics = Record<string, number>;

async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

function costBetween(before: Metrics, after: Metrics) {
  const ms = (name: string) => ((after[name] ?? 0) - (before[name] ?? 0)) * 1000;
  return { scriptMs: ms('ScriptDuration'), layoutMs: ms('LayoutDuration'), styleMs: ms('RecalcStyleDuration'), taskMs: ms('TaskDuration') };
}

/** Starts recording frame gaps and long animation frames in the page. */
async function startFrameMonitor(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: { maxGap: number; frames: number; loafMax: number; loafCount: number; stop: boolean } };
    const state = { maxGap: 0, frames: 0, loafMax: 0, loafCount: 0, stop: false };
    w.__frames = state;
    let last = performance.now();
    const loop = (now: number) => {
      state.maxGap = Math.max(state.maxGap, now - last);
      state.frames++;
      last = now;
      if (!state.stop) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          state.loafMax = Math.max(state.loafMax, entry.duration);
          state.loafCount++;
        }
      }).observe({ type: 'long-animation-frame', buffered: false });
    } catch {
      // Older Chromium: no long-animation-frame entries; the frame gaps still count.
    }
  });
}

async function stopFrameMonitor(page: Page): Promise<{ maxGap: number; frames: number; loafMax: number; loafCount: number }> {
  return page.evaluate(() => {
    const w = window as unknown as { __frames: { maxGap: number; frames: number; loafMax: number; loafCount: number; stop: boolean } };
    w.__frames.stop = true;
    const { maxGap, frames, loafMax, loafCount } = w.__frames;
    return { maxGap, frames, loafMax, loafCount };
  });
}

async function main(): Promise<void> {
  const input = caseInput<Input>();
  const { text } = generateMarkdown(input.tokens);
  const harness = await startWebviewHarness();
  try {
    const chat = await harness.openChat({ viewport: { width: 420, height: 900 } });
    const cdp = await chat.page.context().newCDPSession(chat.page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' } as never);
    await chat.post(sessionState());
    await startFrameMonitor(chat.page);
    const before = await metrics(cdp);
    const started = Date.now();
    await chat.post(transcript([{ role: 'user', content: 'Explain' }, { role: 'assistant', content: text }]));
    await chat.page.locator('.turn[data-turn-id^="loaded-"] .markdown').first().waitFor({ timeout: 60_000 });
    await chat.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const after = await metrics(cdp);
    const frames = await stopFrameMonitor(chat.page);
    reportCase({ ...costBetween(before, after), wallMs: Date.now() - started, chars: text.length, ...frames, problems: await chat.problems() });
  } finally {
    await harness.close();
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
