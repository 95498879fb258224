/**
 * Figure `config-2000`: load and resolve a generated 2,000-provider, 50-profile config (one
 * profile selected) with `loadConfig`, against a plain `smol-toml` parse of the same file; medians
 * of alternating runs in one fresh process after a cold first run and a few unmeasured ones. `details` also has a
 * real-world file from the corpus (/work/shared/corpus/codex-configs/001, all documented keys),
 * and the cost of the provenance the load leaves to be computed on first read (file lines).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT, runCase } from './lib/childCase';
import { generateConfig } from './lib/configGen';
import { emitFigures, progress, reasonOf, unmeasured } from './lib/emit';
import { median, round, roundAll } from './lib/stats';

const PROVIDERS = 2000;
const PROFILES = 50;
const RUNS = Number(process.env.BENCH_CONFIG_RUNS ?? 21);
const CORPUS_FILE = resolve(REPO_ROOT, '..', 'shared', 'corpus', 'codex-configs', '001-openai-docs-example-config-all-keys.toml');

interface ConfigResult {
  oursMs: number[];
  plainMs: number[];
  coldOursMs: number;
  coldPlainMs: number;
  /** First read of the active provider's provenance after a load (Explain). */
  explainActiveMs: number;
  /** First read of every provider's line and field sources after a load. */
  provenanceAllMs: number;
  bytes: number;
  providers: number;
  profiles: number;
  activeProvider: string;
  activeProfile?: string;
  diagnostics: string[];
}

function summary(r: ConfigResult) {
  return {
    bytes: r.bytes,
    medianMs: round(median(r.oursMs), 2),
    smolTomlMedianMs: round(median(r.plainMs), 2),
    ratio: round(median(r.oursMs) / median(r.plainMs), 2),
    coldMs: round(r.coldOursMs, 1),
    smolTomlColdMs: round(r.coldPlainMs, 1),
    explainActiveMs: round(r.explainActiveMs, 2),
    provenanceAllMs: round(r.provenanceAllMs, 1),
    providersResolved: r.providers,
    diagnostics: r.diagnostics.length,
  };
}

async function main(): Promise<void> {
  const name = `load + resolve a ${PROVIDERS.toLocaleString('en-US')}-provider, ${PROFILES}-profile config.toml (warm median)`;
  try {
    const text = generateConfig(PROVIDERS, PROFILES);
    const big = await runCase<ConfigResult>('configLoad.ts', { text, runs: RUNS });
    progress(`config-2000: loadConfig ${round(median(big.oursMs), 1)} ms, smol-toml ${round(median(big.plainMs), 1)} ms`);
    if (big.providers < PROVIDERS || big.activeProfile === undefined) {
      throw new Error(`loadConfig resolved ${big.providers} providers and profile ${String(big.activeProfile)}; expected at least ${PROVIDERS} and a profile.`);
    }
    let realWorld: unknown = 'corpus not found';
    if (existsSync(CORPUS_FILE)) {
      const real = await runCase<ConfigResult>('configLoad.ts', { text: readFileSync(CORPUS_FILE, 'utf8'), runs: RUNS });
      realWorld = { file: 'codex-configs/001-openai-docs-example-config-all-keys.toml', ...summary(real) };
      progress(`config 001: loadConfig ${round(median(real.oursMs), 2)} ms, smol-toml ${round(median(real.plainMs), 2)} ms`);
    }
    emitFigures([
      {
        id: 'config-2000',
        name,
        value: round(median(big.oursMs), 1),
        unit: 'ms',
        reference: 'read + smol-toml parse of the same file',
        referenceValue: round(median(big.plainMs), 1),
        details: {
          runs: RUNS,
          generated: summary(big),
          oursMs: roundAll(big.oursMs),
          smolTomlMs: roundAll(big.plainMs),
          diagnosticsSample: big.diagnostics.slice(0, 5),
          realWorld,
        },
      },
    ]);
  } catch (error) {
    emitFigures([unmeasured('config-2000', name, 'ms', reasonOf(error))]);
  }
}

void main();
