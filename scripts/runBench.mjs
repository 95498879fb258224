// `npm run bench`: measures Switchboard against its peers and limits, prints a table, and writes
// bench/results/latest.json (the documented format, see bench/lib/figures.ts) and latest.md (the
// table the README embeds). Each group (bench/<group>.ts) runs in its own process, one after the
// other (the machine is small and noisy: never two benchmarks at once), and reports its figures
// on one `BENCH_FIGURES [...]` stdout line; a group that dies still gets its figures, as n/a.
//
// Usage: node scripts/runBench.mjs [--only=<figure-id>,...]
//   --only  run just the groups of those figures and write bench/results/partial.json.tmp
//           (latest.json/latest.md are only written by a full run).
import { spawn } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(repo, 'bench', 'results');
const MARKER = 'BENCH_FIGURES ';

/** Run order: sizes first (it builds dist/, which exec and activation use). */
const GROUPS = [
  { file: 'sizes.ts', ids: ['bundle-size', 'vsix-size'], timeoutMs: 240_000 },
  { file: 'streamOverhead.ts', ids: ['stream-overhead-chat', 'stream-overhead-responses'], timeoutMs: 300_000 },
  { file: 'execVsCodex.ts', ids: ['exec-vs-codex-wall', 'exec-vs-codex-rss'], timeoutMs: 180_000 },
  { file: 'agentOverhead.ts', ids: ['agent-overhead-per-tool-call'], timeoutMs: 240_000 },
  { file: 'render100k.ts', ids: ['render-100k'], timeoutMs: 300_000 },
  { file: 'configLoad.ts', ids: ['config-2000'], timeoutMs: 180_000 },
  { file: 'longSessionHeap.ts', ids: ['long-session-heap'], timeoutMs: 300_000 },
  { file: 'activation.ts', ids: ['activation'], timeoutMs: 360_000 },
];

const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',').filter(Boolean);
if (only) {
  const known = GROUPS.flatMap((g) => g.ids);
  const unknown = only.filter((id) => !known.includes(id));
  if (unknown.length > 0) {
    console.error(`runBench: unknown figure id(s) ${unknown.join(', ')}; the ids are: ${known.join(', ')}.`);
    process.exit(2);
  }
}
const groups = only ? GROUPS.filter((g) => g.ids.some((id) => only.includes(id))) : GROUPS;

function runGroup(group) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', join(repo, 'bench', group.file)], {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Each group is its own process group, so a timeout can end everything it started.
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c.toString()));
    child.stderr.on('data', (c) => {
      stderr += c.toString();
      process.stderr.write(c);
    });
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, group.timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const line = stdout.split('\n').find((l) => l.startsWith(MARKER));
      if (line) {
        console.error(`[bench] ${group.file} done in ${seconds} s`);
        resolve(JSON.parse(line.slice(MARKER.length)));
        return;
      }
      const why = signal === 'SIGKILL' ? `timed out after ${group.timeoutMs / 1000} s` : `exited with ${code ?? signal}`;
      const last = (stderr || stdout).trim().split('\n').slice(-1)[0] ?? '';
      console.error(`[bench] ${group.file} ${why} without figures: ${last}`);
      resolve(group.ids.map((id) => ({ id, name: id, value: null, unit: '', reference: null, referenceValue: null, note: `Benchmark ${why}: ${last.slice(0, 200)}` })));
    });
  });
}

const { tsImport } = await import('tsx/esm/api');
const results = await tsImport('../bench/lib/resultsFile.ts', import.meta.url);

const started = Date.now();
const measured = [];
for (const group of groups) {
  console.error(`[bench] ${group.file} (${group.ids.join(', ')})`);
  measured.push(...(await runGroup(group)));
}
const wanted = only ? measured.filter((f) => only.includes(f.id)) : measured;
const output = results.buildResults(wanted, results.currentMachine(), new Date());
const seconds = Math.round((Date.now() - started) / 1000);
if (only) {
  output.figures = output.figures.filter((f) => only.includes(f.id));
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, 'partial.json.tmp'), `${JSON.stringify(output, null, 2)}\n`);
  process.stdout.write(`\n${results.renderText(output)}\n(partial run of ${only.join(', ')} in ${seconds} s; latest.json not touched)\n`);
} else {
  const written = results.writeResults(resultsDir, output);
  process.stdout.write(`\n${results.renderText(output)}\nWrote ${written.json} and ${written.markdown} (${seconds} s).\n`);
}
