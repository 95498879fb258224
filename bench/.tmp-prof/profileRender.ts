import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { startWebviewHarness } from '/work/main/test/helpers/webviewHarness';
import { generateMarkdown } from '/work/main/bench/lib/markdownGen';
const TOKENS = Number(process.argv[2] ?? 30000);
const BATCHED = process.argv[3] !== 'unbatched';
const VARIANT = process.argv[4] ?? 'base';
(async () => {
  await build({ entryPoints: ['/work/main/src/webview/main.ts'], outfile: '/tmp/sbprof/chat.js', bundle: true, platform: 'browser', format: 'iife', target: 'es2022', minify: false, logLevel: 'error' });
  let js = readFileSync('/tmp/sbprof/chat.js', 'utf8');
  if (VARIANT === 'noscroll') { const before = js.length; js = js.replace(/if \(this\.stick\)\s*this\.element\.scrollTop = this\.element\.scrollHeight;/, ''); console.log('patched', before !== js.length); }
  const harness = await startWebviewHarness();
  const chat = await harness.openChat({ viewport: { width: 420, height: 900 } });
  await chat.page.route('**/chat.js', (route) => route.fulfill({ body: js, contentType: 'text/javascript' }));
  await chat.page.reload();
  await chat.page.waitForFunction(() => (window as any).__vscode.posted.some((m: any) => m.type === 'ready'));
  const cdp = await chat.page.context().newCDPSession(chat.page);
  if (VARIANT === 'cv') await chat.page.evaluate(() => { const sheet = new CSSStyleSheet(); sheet.replaceSync('.markdown > * { content-visibility: auto; contain-intrinsic-size: auto 3em; }'); document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; });
  await cdp.send('Performance.enable');
  const metric = async () => Object.fromEntries(((await cdp.send('Performance.getMetrics')) as any).metrics.map((m: any) => [m.name, m.value]));
  await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  const { deltas } = generateMarkdown(TOKENS);
  await chat.post({ type: 'turnStarted', params: { turnId: 't1' } });
  const m0 = await metric();
  await cdp.send('Profiler.start');
  await chat.page.evaluate(({ list, batched }) => new Promise<void>((resolve) => {
    let sent = 0; const start = performance.now();
    const tick = () => { const due = Math.min(list.length, Math.floor((performance.now() - start))); 
      if (batched) { if (due > sent) { window.postMessage({ type: 'streamEvents', params: { turnId: 't1', events: [{ type: 'text-delta', text: list.slice(sent, due).join('') }] } }, '*'); sent = due; } }
      else for (; sent < due; sent++) window.postMessage({ type: 'streamEvents', params: { turnId: 't1', events: [{ type: 'text-delta', text: list[sent] }] } }, '*');
      if (sent < list.length) setTimeout(tick, batched ? 16 : 1); else setTimeout(resolve, 500); };
    tick(); }), { list: deltas, batched: BATCHED });
  const { profile } = await cdp.send('Profiler.stop') as any;
  const m1 = await metric();
  console.log(VARIANT, BATCHED ? 'batched' : 'unbatched', JSON.stringify(Object.fromEntries(['ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration', 'TaskDuration'].map((k) => [k, Math.round((m1[k] - m0[k]) * 1000)]))));
  writeFileSync('/tmp/sbprof/render.cpuprofile', JSON.stringify(profile));
  await harness.close();
  // self time by function
  const self = new Map<string, number>(); const lines = js.split('\n');
  const section = (line: number) => { for (let i = line; i >= 0; i--) { const m = /^\s*\/\/ (src\/\S+|node_modules\/\S+)/.exec(lines[i]); if (m) return m[1].replace(/^node_modules\/((?:@[^/]+\/)?[^/]+).*/, '$1'); } return '?'; };
  const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
  const dt = new Map<number, number>(); profile.samples.forEach((s: number, i: number) => dt.set(s, (dt.get(s) ?? 0) + profile.timeDeltas[i]));
  const parent = new Map<number, number>(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map<string, number>();
  const bySection = new Map<string, number>();
  for (const [id, t] of dt) { const n: any = byId.get(id); const cf = n.callFrame; const key = `${cf.functionName || '(anon)'} ${cf.url.endsWith('chat.js') ? section(cf.lineNumber) : cf.url.split('/').pop()}`; self.set(key, (self.get(key) ?? 0) + t);
    const seen = new Set<string>(); let sec: string | undefined;
    for (let c: number | undefined = id; c !== undefined; c = parent.get(c)) { const f: any = (byId.get(c) as any).callFrame; const k = `${f.functionName || '(anon)'} ${f.url.endsWith('chat.js') ? section(f.lineNumber) : ''}`; if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + t); } if (!sec && f.url.endsWith('chat.js')) sec = section(f.lineNumber); }
    const s = sec ?? (cf.functionName.startsWith('(') ? cf.functionName : 'other'); bySection.set(s, (bySection.get(s) ?? 0) + t); }
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, t]) => `${(t / 1000).toFixed(0).padStart(6)} ms  ${k}`).join('\n');
  console.log('--- by innermost module\n' + top(bySection, 15)); console.log('--- self\n' + top(self, 25)); console.log('--- inclusive\n' + top(incl, 30));
})();
