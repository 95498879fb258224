/**
 * Figures `exec-vs-codex-wall` and `exec-vs-codex-rss`: `node dist/cli.js exec hi` versus
 * `codex exec --skip-git-repo-check hi` (the Codex CLI from npm, through its Node launcher as
 * users run it) against the same local Responses server and the same `$CODEX_HOME/config.toml`.
 * Each run is a cold process; one warm-up each (disk cache), then RUNS alternating runs; medians
 * of wall time and of peak RSS of the process tree (see lib/processTree.ts).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './lib/childCase';
import { emitFigures, progress, reasonOf, unmeasured } from './lib/emit';
import type { MeasuredFigure } from './lib/figures';
import { runMeasured, type TreeRun } from './lib/processTree';
import { median, mib, round, roundAll } from './lib/stats';
import { startCaptureServer } from '../test/helpers/captureServer';

const RUNS = Number(process.env.BENCH_EXEC_RUNS ?? 7);
const CLI = join(REPO_ROOT, 'dist', 'cli.js');

type Side = 'ours' | 'codex';

function configToml(origin: string): string {
  return [
    'model_provider = "bench"',
    'model = "test-model"',
    '',
    '[model_providers.bench]',
    'name = "Bench"',
    `base_url = "${origin}/v1"`,
    'env_key = "BENCH_API_KEY"',
    'wire_api = "responses"',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const wallName = 'cold `switchboard exec "hi"` wall time (one turn against a local server)';
  const rssName = 'cold `switchboard exec "hi"` peak RSS (process tree)';
  const fail = (reason: string) =>
    emitFigures([unmeasured('exec-vs-codex-wall', wallName, 'ms', reason), unmeasured('exec-vs-codex-rss', rssName, 'bytes', reason)]);
  if (!existsSync(CLI)) return fail('dist/cli.js is missing; run npm run build.');
  let codexLauncher: string;
  try {
    codexLauncher = createRequire(__filename).resolve('@openai/codex/bin/codex.js');
  } catch {
    return fail('The Codex CLI (@openai/codex) is not installed.');
  }
  const root = mkdtempSync(join(tmpdir(), 'sb-bench-exec-'));
  const server = await startCaptureServer();
  try {
    const home = join(root, 'home');
    const work = join(root, 'work');
    mkdirSync(home);
    mkdirSync(work);
    writeFileSync(join(home, 'config.toml'), configToml(server.origin));
    const env = { PATH: process.env.PATH ?? '', HOME: home, CODEX_HOME: home, BENCH_API_KEY: 'sk-bench-0123456789', LANG: 'C.UTF-8' };
    const commands: Record<Side, string[]> = {
      ours: [CLI, 'exec', 'hi'],
      codex: [codexLauncher, 'exec', '--skip-git-repo-check', 'hi'],
    };
    const runOnce = async (side: Side): Promise<TreeRun> => {
      const before = server.find('POST', '/responses').length;
      const run = await runMeasured(process.execPath, commands[side], { cwd: work, env });
      if (run.exitCode !== 0) throw new Error(`${side} exited with ${run.exitCode}: ${run.stderr.trim().split('\n').slice(-3).join(' ')}`);
      if (server.find('POST', '/responses').length <= before) throw new Error(`${side} sent no request to the local server.`);
      if (!run.stdout.includes('ok')) throw new Error(`${side} did not print the answer "ok": ${run.stdout.slice(0, 200)}`);
      return run;
    };
    await runOnce('ours');
    await runOnce('codex');
    const samples: Record<Side, TreeRun[]> = { ours: [], codex: [] };
    for (let i = 0; i < RUNS; i++) {
      const order: Side[] = i % 2 === 0 ? ['ours', 'codex'] : ['codex', 'ours'];
      for (const side of order) samples[side].push(await runOnce(side));
      progress(`exec run ${i + 1}/${RUNS}: ours ${round(samples.ours[i].wallMs, 0)} ms ${mib(samples.ours[i].peakRssBytes)} MiB, codex ${round(samples.codex[i].wallMs, 0)} ms ${mib(samples.codex[i].peakRssBytes)} MiB`);
    }
    const wall = (side: Side) => median(samples[side].map((r) => r.wallMs));
    const rss = (side: Side) => median(samples[side].map((r) => r.peakRssBytes));
    const codexPackage = JSON.parse(readFileSync(join(codexLauncher, '..', '..', 'package.json'), 'utf8')) as { version: string };
    const common = { runs: RUNS, server: 'local Responses SSE answering "ok"', codexVersion: codexPackage.version };
    const figures: MeasuredFigure[] = [
      {
        id: 'exec-vs-codex-wall',
        name: wallName,
        value: round(wall('ours'), 0),
        unit: 'ms',
        reference: 'codex exec --skip-git-repo-check "hi" (npm @openai/codex), same server and config',
        referenceValue: round(wall('codex'), 0),
        details: { ...common, oursMs: roundAll(samples.ours.map((r) => r.wallMs), 0), codexMs: roundAll(samples.codex.map((r) => r.wallMs), 0) },
      },
      {
        id: 'exec-vs-codex-rss',
        name: rssName,
        value: Math.round(rss('ours')),
        unit: 'bytes',
        reference: 'codex exec (Node launcher + native binary and its helpers, as a tree)',
        referenceValue: Math.round(rss('codex')),
        details: {
          ...common,
          oursMiB: roundAll(samples.ours.map((r) => r.peakRssBytes / 1024 / 1024)),
          codexMiB: roundAll(samples.codex.map((r) => r.peakRssBytes / 1024 / 1024)),
          codexProcessesSpawned: samples.codex[0]?.processes,
          codexLargestProcessMiB: mib(median(samples.codex.map((r) => r.largestProcessBytes))),
          method: 'max(largest sum of live VmRSS over the process tree, polled from /proc every 5 ms; largest single VmHWM)',
        },
      },
    ];
    emitFigures(figures);
  } catch (error) {
    fail(reasonOf(error));
  } finally {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
}

void main();
