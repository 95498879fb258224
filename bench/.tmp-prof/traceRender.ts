import { startWebviewHarness } from '/work/main/test/helpers/webviewHarness';
import { generateMarkdown } from '/work/main/bench/lib/markdownGen';
(async () => {
  const harness = await startWebviewHarness();
  const chat = await harness.openChat({ viewport: { width: 420, height: 900 } });
  const { deltas } = generateMarkdown(Number(process.argv[2] ?? 10000));
  await chat.post({ type: 'turnStarted', params: { turnId: 't1' } });
  const browserCdp = await harness.browser.newBrowserCDPSession();
  const events: any[] = [];
  browserCdp.on('Tracing.dataCollected', (e: any) => events.push(...e.value));
  const done = new Promise((r) => browserCdp.once('Tracing.tracingComplete', r));
  await browserCdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] } } as any);
  await chat.page.evaluate((list) => new Promise<void>((resolve) => { let sent = 0; const start = performance.now();
    const tick = () => { const due = Math.min(list.length, Math.floor(performance.now() - start)); if (due > sent) { window.postMessage({ type: 'streamEvents', params: { turnId: 't1', events: [{ type: 'text-delta', text: list.slice(sent, due).join('') }] } }, '*'); sent = due; } if (sent < list.length) setTimeout(tick, 16); else setTimeout(resolve, 300); }; tick(); }), deltas);
  await browserCdp.send('Tracing.end');
  await done;
  // renderer main thread: the thread with most 'RunTask'? group complete events by name, top-level only (self time approximated by name)
  const byThread = new Map<string, number>();
  for (const e of events) if (e.ph === 'X' && e.name === 'RunTask') byThread.set(`${e.pid}:${e.tid}`, (byThread.get(`${e.pid}:${e.tid}`) ?? 0) + e.dur);
  const main = [...byThread].sort((a, b) => b[1] - a[1])[0][0];
  const sums = new Map<string, number>();
  for (const e of events) if (e.ph === 'X' && `${e.pid}:${e.tid}` === main) sums.set(e.name, (sums.get(e.name) ?? 0) + e.dur);
  console.log('main thread', main, [...byThread].sort((a, b) => b[1] - a[1]).slice(0, 4));
  console.log([...sums].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${(v / 1000).toFixed(0).padStart(7)} ms ${k}`).join('\n'));
  await harness.close();
})();
