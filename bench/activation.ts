/**
 * Figure `activation`: Switchboard's activation time in real VS Code (code-server through the e2e
 * harness, Chromium headless). The workspace has no codex.toml, so the extension activates lazily
 * on the first Switchboard command ("Switchboard: Show Logs"); VS Code's own number is read from
 * "Developer: Show Running Extensions" (code loading + activate call). One code-server, the
 * window reloaded between runs (a fresh extension host each time); median. Reference: the 50 ms
 * budget. Activation only registers views and commands; the provider side (config engine) loads
 * right after, so `details.configReady` also reports the time from the start of code loading until
 * the first configuration is loaded (from the extension's log lines), the cost activation does
 * not show. `details` add the same build loaded in bare Node with a stand-in vscode module (load,
 * activate(), until ready) and a CPU profile of that, attributed to packages and source folders.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { activationBreakdown, activationLogTimes, type ActivationLogTimes } from './lib/activationLog';
import { REPO_ROOT, runCase } from './lib/childCase';
import { emitFigures, progress, reasonOf } from './lib/emit';
import { attributeBuiltFiles } from './lib/sourceMappedProfile';
import { median, round } from './lib/stats';
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
  /** From the activate() call until the first configuration is loaded. */
  readyMs?: number;
  activateError?: string;
  readyError?: string;
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

/** One fresh extension host: VS Code's activation time and the extension's own log times. */
interface VsCodeRun {
  ms: number;
  log: ActivationLogTimes;
}

/** Switchboard's log files of every extension host so far (one per window load). */
function switchboardLogs(userDataDir: string): string[] {
  const logs = join(userDataDir, 'logs');
  if (!existsSync(logs)) return [];
  return readdirSync(logs).flatMap((session) =>
    readdirSync(join(logs, session), { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name.startsWith('exthost'))
      .map((e) => join(logs, session, e.name, 'switchboard-dev.switchboard', 'Switchboard.log'))
      .filter((file) => existsSync(file)),
  );
}

/** The log times of the extension host that activated since `seen` was taken (waits for the ready line). */
async function newActivationLog(userDataDir: string, seen: Set<string>): Promise<ActivationLogTimes> {
  let times: ActivationLogTimes = {};
  for (let waited = 0; waited <= 10_000; waited += 250) {
    const fresh = switchboardLogs(userDataDir).filter((file) => !seen.has(file));
    if (fresh.length === 1) {
      times = activationLogTimes(readFileSync(fresh[0], 'utf8'));
      if (times.configReadyAfterActivateMs !== undefined) {
        seen.add(fresh[0]);
        return times;
      }
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  return times;
}

/**
 * The list of running extensions is sorted slowest first and only renders the rows in view: scroll
 * it until `target` is rendered (a fast extension is near the bottom).
 */
async function scrollIntoList(page: Page, target: Locator): Promise<void> {
  const list = page.locator('.runtime-extensions-editor .monaco-list');
  await list.waitFor({ timeout: 30_000 });
  for (let step = 0; step < 40 && (await target.count()) === 0; step++) {
    await list.hover();
    await page.mouse.wheel(0, 200);
    await page.waitForTimeout(100);
  }
}

/** Activation times as VS Code reports them (with the extension's log times), one per fresh extension host. */
async function activationInVsCode(runs: number, vsix: string): Promise<VsCodeRun[]> {
  const vscode = await startVsCode({ testName: 'bench activation', switchboard: false, extensions: [vsix], workspaceFiles: { 'README.md': '# Activation benchmark\n' } });
  try {
    const { workbench, page } = vscode;
    const row = page.locator('.runtime-extensions-editor .monaco-list-row', { has: page.locator('.name', { hasText: /^Switchboard$/ }) });
    const times: VsCodeRun[] = [];
    const seenLogs = new Set(switchboardLogs(vscode.server.userDataDir));
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
      await scrollIntoList(page, cell);
      await cell.waitFor({ timeout: 30_000 });
      const text = (await cell.textContent()) ?? '';
      const ms = Number(/(\d+)ms/.exec(text)?.[1]);
      if (!Number.isFinite(ms)) throw new Error(`Could not read an activation time from "${text}".`);
      if (/Startup/.test(text)) throw new Error('Switchboard activated at startup, not lazily on its command; check activationEvents.');
      const log = await newActivationLog(vscode.server.userDataDir, seenLogs);
      times.push({ ms, log });
      const { codeLoadingMs, configReadyMs } = activationBreakdown(ms, log);
      const shown = (value: number | undefined) => (value === undefined ? '?' : round(value, 1));
      progress(`activation in VS Code, run ${run + 1}/${runs}: ${ms} ms (code loading ${shown(codeLoadingMs)} ms, activate() ${shown(log.activateCallMs)} ms; configuration ready ${shown(configReadyMs)} ms after code loading started)`);
      await page.keyboard.press('Escape');
    }
    return times;
  } finally {
    await vscode.close();
  }
}

/**
 * CPU profile of bare Node loading a readable build of the extension (esbuild.mjs --no-minify,
 * the real file layout) until its first configuration is loaded, by package / source folder.
 */
async function loadProfile(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'sb-bench-activation-'));
  try {
    const dist = join(dir, 'dist');
    const built = spawnSync(process.execPath, ['esbuild.mjs', `--outdir=${dist}`, '--only=extension', '--no-minify'], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`esbuild.mjs --no-minify failed: ${built.stderr.slice(0, 200)}`);
    const profiles = join(dir, 'profiles');
    for (let i = 0; i < 3; i++) {
      await runCase('activateInNode.ts', { bundle: join(dist, 'extension.js') }, { nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${profiles}`, '--cpu-prof-interval=100'] });
    }
    return Object.fromEntries(Object.entries(attributeBuiltFiles(profiles, dist)).slice(0, 10));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Median of the known values (rounded to 0.1 ms), or null when none is known. */
function medianOf(values: readonly (number | undefined)[]): number | null {
  const known = values.filter((v): v is number => v !== undefined);
  return known.length === 0 ? null : round(median(known), 1);
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
      configReadyAfterActivateMs: medianOf(node.map((n) => n.readyMs)),
      ...(node[0].activateError && { activateError: node[0].activateError }),
      ...(node[0].readyError && { readyError: node[0].readyError }),
    };
    progress(`bare Node: load ${round(median(node.map((n) => n.loadMs)), 1)} ms, activate() ${round(median(node.map((n) => n.activateMs)), 1)} ms, configuration ready ${medianOf(node.map((n) => n.readyMs)) ?? '?'} ms after activate()`);
    details.profileUntilConfigReadyMsByOwner = await loadProfile();
  } catch (error) {
    details.bareNode = `failed: ${reasonOf(error)}`;
  }
  let value: number | null = null;
  const tempDir = mkdtempSync(join(tmpdir(), 'sb-bench-vsix-'));
  try {
    const runs = await activationInVsCode(VSCODE_RUNS, await switchboardVsix(tempDir, details));
    value = median(runs.map((r) => r.ms));
    details.vscodeRunsMs = runs.map((r) => r.ms);
    const split = runs.map((r) => activationBreakdown(r.ms, r.log));
    details.vscodeSplitMs = {
      codeLoading: medianOf(split.map((s) => s.codeLoadingMs)),
      activateCall: medianOf(runs.map((r) => r.log.activateCallMs)),
      how: 'activateCall as the extension logs it ("Switchboard activated in N ms"); codeLoading = VS Code time - activateCall',
    };
    details.configReady = {
      medianMs: medianOf(split.map((s) => s.configReadyMs)),
      runsMs: split.map((s) => (s.configReadyMs === undefined ? null : round(s.configReadyMs, 0))),
      what: 'from the start of code loading until the first configuration is loaded and the Providers tree can render: codeLoading + the log\'s "Configuration ready N ms after activate() was called"',
    };
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
