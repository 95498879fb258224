/**
 * One e2e session: a fresh code-server with Switchboard (and any extra VSIX) installed, opened
 * in headless Chromium, wrapped in the {@link Workbench} page object. Always `close()` it
 * (register `t.after(() => vscode.close())` right after starting); a process exit handler
 * cleans up too if the test process dies first.
 *
 * @example
 *   test('shows logs', async (t) => {
 *     const vscode = await startVsCode({ testName: t.name, workspaceFiles: { 'codex.toml': '...' } });
 *     t.after(() => vscode.close());
 *     await vscode.workbench.palette.run('Switchboard: Show Logs');
 *     await vscode.workbench.output.waitFor('Switchboard', 'Switchboard activated');
 *   });
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { startCodeServer, type CodeServer, type CodeServerOptions } from './codeServer';
import { resultsDir, slug } from './paths';
import { ensurePrerequisites } from './prerequisites';
import { INNER_WAIT_MS } from './quickInput';
import { Steps } from './steps';
import { ensureSwitchboardVsix } from './vsix';
import { Workbench } from './workbench';

/** Options for {@link startVsCode}. */
export interface VsCodeOptions extends CodeServerOptions {
  /** Names the results folder test-results/e2e/<slug of testName>/ (screenshots, logs). */
  testName: string;
  /** Install the packaged Switchboard VSIX (default true). */
  switchboard?: boolean;
  /** Browser viewport (default 1400x900). */
  viewport?: { width: number; height: number };
}

/** A running session. */
export interface VsCode {
  workbench: Workbench;
  page: Page;
  server: CodeServer;
  /** test-results/e2e/<test>/ */
  resultsDir: string;
  /** Saves logs, closes the browser, stops code-server and removes its temp folders. Safe to call twice. */
  close(): Promise<void>;
}

/** Starts code-server + Chromium and loads the workbench on a fresh workspace. */
export async function startVsCode(options: VsCodeOptions): Promise<VsCode> {
  const dir = join(resultsDir, slug(options.testName));
  rmSync(dir, { recursive: true, force: true });
  const tools = await ensurePrerequisites();
  const extensions = [...(options.switchboard === false ? [] : [await ensureSwitchboardVsix()]), ...(options.extensions ?? [])];
  const server = await startCodeServer({ ...options, extensions });
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  const consoleErrors: string[] = [];
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    try {
      server.saveLogs(dir);
      writeFileSync(join(dir, 'browser-console-errors.log'), consoleErrors.join('\n'));
    } catch {
      // Logs are a convenience; never fail the teardown on them.
    }
    await browser?.close();
    await server.stop();
  };
  try {
    browser = await launchBrowser(tools.chrome);
    const context = await browser.browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(INNER_WAIT_MS);
    page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    const workbench = new Workbench(page, new Steps(page, dir));
    await workbench.load(server.workspaceUrl);
    return { workbench, page, server, resultsDir: dir, close };
  } catch (error) {
    await close();
    throw error;
  }
}
