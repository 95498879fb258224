/**
 * Small additions to the harness for the provider UI tests: wait until the Problems panel's
 * entries satisfy a condition (including "none left"), and answer workspace-trust prompts.
 */
import type { Page } from 'playwright-core';
import { INNER_WAIT_MS } from './quickInput';
import { normalizeSpace, pollUntil } from './text';
import type { Workbench } from './workbench';

/** A problem row as shown: file of its group, message and 1-based position. */
export interface ProblemRow {
  file: string;
  message: string;
  line: number;
  column: number;
}

async function readProblems(page: Page): Promise<ProblemRow[]> {
  const rows = await page.locator('.markers-panel .monaco-list-row').evaluateAll((all) =>
    all.map((row) => ({
      level: row.getAttribute('aria-level'),
      name: row.querySelector('.resource-label-container .label-name')?.textContent ?? '',
      message: row.querySelector('.marker-message')?.textContent ?? '',
      position: row.querySelector('.marker-line')?.textContent ?? '',
    })),
  );
  const out: ProblemRow[] = [];
  let file = '';
  for (const row of rows) {
    if (row.level === '1') {
      file = normalizeSpace(row.name);
      continue;
    }
    const [, line = '0', column = '0'] = /Ln (\d+), Col (\d+)/.exec(row.position) ?? [];
    out.push({ file, message: normalizeSpace(row.message), line: Number(line), column: Number(column) });
  }
  return out;
}

/**
 * Waits (as a named step) until the open Problems panel's rows satisfy `accept`; open the panel
 * first with `workbench.problems.entries()` or the palette.
 */
export function waitForProblems(workbench: Workbench, description: string, accept: (rows: ProblemRow[]) => boolean): Promise<ProblemRow[]> {
  return workbench.steps.run(description, () =>
    pollUntil(() => readProblems(workbench.page), accept, INNER_WAIT_MS, description, (rows) => rows.map((r) => `${r.file}:${r.line}:${r.column} ${r.message}`).join(' | ') || '(no problems)'),
  );
}

/**
 * Makes sure the window is in Restricted Mode: answers "No" if VS Code asks "Do you trust the
 * authors…" (desktop does; code-server opens restricted directly), then waits for the banner.
 */
export async function declineWorkspaceTrust(workbench: Workbench): Promise<void> {
  await workbench.steps.run('the window is in Restricted Mode (workspace not trusted)', async () => {
    const page = workbench.page;
    const banner = page.locator('.part.banner', { hasText: /Restricted Mode/ });
    const dialog = page.locator('.monaco-dialog-box', { hasText: /trust the authors/i });
    await Promise.race([banner.waitFor({ state: 'visible', timeout: INNER_WAIT_MS }), dialog.waitFor({ state: 'visible', timeout: INNER_WAIT_MS })]);
    if (await dialog.isVisible()) {
      await dialog.locator('.dialog-buttons .monaco-button', { hasText: /don't trust|do not trust|^\s*No\b/i }).first().click();
      await banner.waitFor({ state: 'visible', timeout: INNER_WAIT_MS });
    }
  });
}

/** Trusts the workspace through "Workspaces: Manage Workspace Trust", as a user would. */
export async function grantWorkspaceTrust(workbench: Workbench): Promise<void> {
  await workbench.palette.run('Workspaces: Manage Workspace Trust');
  await workbench.steps.run('the workspace trust editor: click "Trust"', async () => {
    const button = workbench.page.locator('.workspace-trust-editor .workspace-trust-buttons-row .monaco-button', { hasText: /^\s*Trust\s*$/ }).first();
    await button.click({ timeout: INNER_WAIT_MS });
    await workbench.page.locator('.part.banner', { hasText: /Restricted Mode/ }).waitFor({ state: 'hidden', timeout: INNER_WAIT_MS });
  });
  await workbench.steps.run('close the workspace trust editor', async () => {
    // It opens as a modal editor over the side bar; close it as a user would.
    const editor = workbench.page.locator('.workspace-trust-editor');
    await workbench.palette.run('View: Close Editor').catch(() => undefined);
    if (await editor.isVisible()) await workbench.page.keyboard.press('Escape');
    await editor.waitFor({ state: 'hidden', timeout: INNER_WAIT_MS });
  });
}

/** One rendered row of a tree view: label and description. */
export interface TreeRow {
  label: string;
  description: string;
}

async function readTreeRows(page: Page, view: string): Promise<TreeRow[]> {
  const pane = page.locator('.pane').filter({ has: page.locator('.pane-header h3.title', { hasText: new RegExp(`^\\s*${view}\\s*$`) }) }).first();
  const rows = await pane.locator('.pane-body .monaco-list-row').evaluateAll((all) =>
    all.map((row) => ({ label: row.querySelector('.label-name')?.textContent ?? '', description: row.querySelector('.label-description')?.textContent ?? '' })),
  );
  return rows.map((r) => ({ label: normalizeSpace(r.label), description: normalizeSpace(r.description) }));
}

/** Waits (as a named step) until the tree item `label` in `view` has the description `description`. */
export function waitForTreeItem(workbench: Workbench, view: string, label: string, description: string | RegExp): Promise<TreeRow> {
  const accept = (row: TreeRow | undefined) => row !== undefined && (typeof description === 'string' ? row.description === description : description.test(row.description));
  return workbench.steps.run(`the "${label}" item in "${view}" reads "${description}"`, async () => {
    await workbench.views.reveal(view);
    const rows = await pollUntil(() => readTreeRows(workbench.page, view), (all) => accept(all.find((r) => r.label === label)), INNER_WAIT_MS, `"${label}" described as ${description}`, (all) => JSON.stringify(all.find((r) => r.label === label) ?? all.map((r) => r.label)));
    return rows.find((r) => r.label === label) as TreeRow;
  });
}
