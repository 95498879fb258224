/**
 * The config benchmark in its own process: writes `text` as `$CODEX_HOME/config.toml` in a temp
 * folder, then alternates Switchboard's `loadConfig` (read, parse, validate, merge, resolve the
 * profile and selection) with a plain `smol-toml` parse of the same file (read + parse), `runs`
 * times after one cold run and WARMUP_RUNS unmeasured ones each. Reports every sample, the first (cold) ones, and what resolved;
 * also the first read of provenance after a load (file lines are located on demand).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { loadConfig } from '../../src/core/config/loadConfig';
import { createNodeConfigFs } from '../../src/node/nodeConfigFs';
import { caseInput, reportCase } from '../lib/childCase';

/** Unmeasured runs of each side after the cold one. */
const WARMUP_RUNS = 5;

interface Input {
  text: string;
  runs: number;
}

async function main(): Promise<void> {
  const { text, runs } = caseInput<Input>();
  const root = mkdtempSync(join(tmpdir(), 'sb-bench-config-'));
  try {
    const home = join(root, 'home');
    const codexHome = join(home, '.codex');
    const work = join(root, 'work');
    mkdirSync(codexHome, { recursive: true });
    mkdirSync(work);
    const file = join(codexHome, 'config.toml');
    writeFileSync(file, text);
    const fs = createNodeConfigFs();
    const env = { CODEX_HOME: codexHome };
    const ours = async () => loadConfig({ cwd: work, env, fs, homeDir: home, trustWorkspace: 'user-file' });
    const plain = async () => parse(await readFile(file, 'utf8'));

    const time = async <T>(fn: () => Promise<T>): Promise<[number, T]> => {
      const start = performance.now();
      const value = await fn();
      return [performance.now() - start, value];
    };
    const [coldOurs, config] = await time(ours);
    const [coldPlain] = await time(plain);
    // Warm both the same way before measuring (JIT tiers, and a machine still settling after the
    // previous benchmark's browser): the first samples of a fresh process ran up to 2x slower.
    for (let i = 0; i < WARMUP_RUNS; i++) {
      await ours();
      await plain();
    }
    const oursMs: number[] = [];
    const plainMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      if (i % 2 === 0) {
        oursMs.push((await time(ours))[0]);
        plainMs.push((await time(plain))[0]);
      } else {
        plainMs.push((await time(plain))[0]);
        oursMs.push((await time(ours))[0]);
      }
    }
    // Provenance (file lines, field sources) is computed on first read, not by the load: time that
    // too, on a fresh load, so the deferred work stays visible: the active provider as Explain
    // shows it, then every provider's line and field sources.
    const fresh = await ours();
    const [explainActiveMs] = await time(async () => {
      const active = fresh.providers.find((p) => p.id === fresh.provider.value);
      return [fresh.provider.line, fresh.model.line, active?.line, JSON.stringify(fresh.fieldSources[fresh.provider.value])];
    });
    const [provenanceAllMs] = await time(async () => [fresh.providers.map((p) => p.line), JSON.stringify(fresh.fieldSources).length]);
    reportCase({
      explainActiveMs,
      provenanceAllMs,
      oursMs,
      plainMs,
      coldOursMs: coldOurs,
      coldPlainMs: coldPlain,
      bytes: Buffer.byteLength(text),
      providers: config.providers.length,
      profiles: config.profiles.length,
      activeProvider: config.provider.value,
      activeProfile: config.profile.value,
      diagnostics: config.diagnostics.map((d) => `${d.severity} ${d.code}`),
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
