/**
 * Figure `activation`: Switchboard's activation time in real VS Code (code-server through the e2e
 * harness, Chromium headless). The workspace has no codex.toml, so the extension activates lazily
 * on the first Switchboard command ("Switchboard: Show Logs"); VS Code's own number is read from
 * "Developer: Show Running Extensions" (code loading + activate call). One code-server, the
 * window reloaded between runs (a fresh extension host each time); median. Reference: the 50 ms
 * budget. `details` add the same bundle loaded in bare Node with a stand-in vscode module (load
 * vs activate()) and a CPU profile of that load attributed to npm packages.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { REPO_ROOT, runCase } from './lib/childCase';
import { attributeBundleTime } from './lib/cpuProfile';
import { emitFigures, progress, reasonOf } from './lib/emit';
import { median, round, roundAll } from './lib/stats';
import { startVsCode } from '../test/e2e/lib/session';
import { ensureSwitchboardVsix } from '../test/e2e/lib/vsix';

const VSCODE_RUNS = Number(process.env.BENCH_ACTIVATION_RUNS ?? 5);
const NODE_RUNS = 7;
const BUDGET_MS = 50;
/** Time for the startup extensions (git, github, ...) to finish activating before we measure. */
const SETTLE_MS = 5000;
const BUNDLE = join(REPO_ROOT, 'dist', 'extension.js');

interface NodeActivation {
  loadMs: number;
  activateMs: number;
  activateError?: string;
}

/**
 * The VSIX to install: dist/switchboard.vsix via the e2e harness (`npm run package`); if that
 * fails, the already built dist/ packaged by vsce into a temp folder with placeholder base URLs
 * (vsce refuses relative README images without a repository; activation does not depend on it).
 */
async function switchboardVsix(tempDir: string, details: Record<string, unknown>): Promise<string> {
  try {
    return await ensureSwitchboardVsix();
  } catch (error) {
    const file = join(tempDir, 'switchboard.vsix');
    const base = 'https://switchboard.invalid/';
    const vsce = spawnSync('npx', ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--baseContentUrl', base, '--baseImagesUrl', base, '-o', file], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (vsce.status !== 0 || !existsSync(file)) throw error;
    details.vsix = `npm run package failed (${reasonOf(error).slice(0, 120)}); measured a VSIX of the same dist/ packaged with placeholder README base URLs`;
    return file;
  }
}

/** Activation times (ms) as VS Code reports them, one per fresh extension host. */
async function activationInVsCode(runs: number, vsix: string): Promise<number[]> {
  const vscode = await startVsCode({ testName: 'bench activation', switchboard: false, extensions: [vsix], workspaceFiles: { 'README.md': '# Activation benchmark\n' } });
  try {
    const { workbench, page } = vscode;
    const row = page.locator('.runtime-extensions-editor .monaco-list-row', { has: page.locator('.name', { hasText: /^Switchboard$/ }) });
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      if (run > 0) {
        await page.reload();
        await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
        await page.locator('.part.statusbar .statusbar-item').first().waitFor({ timeout: 60_000 });
      }
      await page.waitForTimeout(SETTLE_MS);
      await workbench.palette.run('Switchboard: Show Logs');
      await workbench.palette.run('Developer: Show Running Extensions');
      const cell = row.locator('.activation-time', { hasText: /\d+ms/ });
      await cell.waitFor({ timeout: 30_000 });
      const text = (await cell.textContent()) ?? '';
      const ms = Number(/(\d+)ms/.exec(text)?.[1]);
      if (!Number.isFinite(ms)) throw new Error(`Could not read an activation time from "${text}".`);
      if (/Startup/.test(text)) throw new Error('Switchboard activated at startup, not lazily on its command; check activationEvents.');
      times.push(ms);
      progress(`activation in VS Code, run ${run + 1}/${runs}: ${ms} ms`);
      await page.keyboard.press('Escape');
    }
    return times;
  } finally {
    await vscode.close();
  }
}

/** CPU profile of loading an unminified build of the same entry point, by package. */
async function loadProfile(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'sb-bench-activation-'));
  try {
    const bundle = join(dir, 'extension.js');
    await build({
      absWorkingDir: REPO_ROOT, entryPoints: ['src/extension.ts'], outfile: bundle, bundle: true, platform: 'node', format: 'cjs',
      target: 'node20', external: ['vscode'], minify: false, legalComments: 'none', logLevel: 'silent',
    });
    const profiles = join(dir, 'profiles');
    for (let i = 0; i < 3; i++) {
      await runCase('activateInNode.ts', { bundle }, { nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${profiles}`, '--cpu-prof-interval=100'] });
    }
    const byPackage = attributeBundleTime(profiles, 'extension.js', readFileSync(bundle, 'utf8'));
    return Object.fromEntries(Object.entries(byPackage).slice(0, 8));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const details: Record<string, unknown> = { activationEvents: 'onCommand (workspace without codex.toml)', budgetMs: BUDGET_MS };
  let note: string | undefined;
  try {
    const node: NodeActivation[] = [];
    for (let i = 0; i < NODE_RUNS; i++) node.push(await runCase<NodeActivation>('activateInNode.ts', { bundle: BUNDLE }));
    details.bareNode = {
      runs: NODE_RUNS,
      loadMs: round(median(node.map((n) => n.loadMs)), 1),
      activateCallMs: round(median(node.map((n) => n.activateMs)), 1),
      ...(node[0].activateError && { activateError: node[0].activateError }),
    };
    progress(`bare Node: load ${round(median(node.map((n) => n.loadMs)), 1)} ms, activate() ${round(median(node.map((n) => n.activateMs)), 1)} ms`);
    details.loadProfileMsByPackage = await loadProfile();
  } catch (error) {
    details.bareNode = `failed: ${reasonOf(error)}`;
  }
  let value: number | null = null;
  const tempDir = mkdtempSync(join(tmpdir(), 'sb-bench-vsix-'));
  try {
    const times = await activationInVsCode(VSCODE_RUNS, await switchboardVsix(tempDir, details));
    value = median(times);
    details.vscodeRunsMs = roundAll(times, 0);
  } catch (error) {
    note = `Could not measure in code-server: ${reasonOf(error)}`;
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
  }
  emitFigures([
    {
      id: 'activation',
      name: 'activation in VS Code (code-server) on the first Switchboard command: code loading + activate(), as "Show Running Extensions" reports it',
      value,
      unit: 'ms',
      reference: `budget of ${BUDGET_MS} ms`,
      referenceValue: BUDGET_MS,
      details,
      ...(note && { note }),
    },
  ]);
}

void main();
