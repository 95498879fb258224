/** The Problems panel: opens it and reads its entries (file, message, line, column, severity). */
import type { Page } from 'playwright-core';
import type { CommandPalette } from './palette';
import { INNER_WAIT_MS } from './quickInput';
import type { Steps } from './steps';
import { normalizeSpace, pollUntil } from './text';

/** One problem as listed in the Problems panel. */
export interface ProblemEntry {
  /** File name as shown (e.g. "codex.toml"). */
  file: string;
  /** Full path of the file (from the row's label). */
  path: string;
  message: string;
  /** 1-based, as shown ("[Ln 2, Col 3]"). */
  line: number;
  column: number;
  severity: 'error' | 'warning' | 'info';
  /** Source and code shown after the message ('' when none), e.g. "switchboard(config)". */
  source: string;
}

/** Page object for the Problems panel. */
export class Problems {
  constructor(private readonly page: Page, private readonly steps: Steps, private readonly palette: CommandPalette) {}

  /** Opens the Problems panel (through the palette, as a user would). */
  async open(): Promise<void> {
    await this.palette.run('Problems: Focus on Problems View');
    await this.page.locator('.markers-panel').waitFor({ state: 'visible', timeout: INNER_WAIT_MS });
  }

  /** Reads the entries the (open) Problems panel lists right now, without waiting. */
  async read(): Promise<ProblemEntry[]> {
    const rows = await this.page.locator('.markers-panel .monaco-list-row').evaluateAll((all) =>
      all.map((row) => ({
        level: row.getAttribute('aria-level'),
        name: row.querySelector('.resource-label-container .label-name')?.textContent ?? '',
        path: row.querySelector('.resource-label-container .monaco-icon-label')?.getAttribute('aria-label') ?? '',
        message: row.querySelector('.marker-message')?.textContent ?? '',
        position: row.querySelector('.marker-line')?.textContent ?? '',
        icon: row.querySelector('.marker-icon')?.className ?? '',
        source: [row.querySelector('.marker-source')?.textContent ?? '', row.querySelector('.marker-code')?.textContent ?? ''].join(''),
      })),
    );
    const entries: ProblemEntry[] = [];
    let file = '';
    let path = '';
    for (const row of rows) {
      if (row.level === '1') {
        file = normalizeSpace(row.name);
        path = row.path;
        continue;
      }
      const [, line = '0', column = '0'] = /Ln (\d+), Col (\d+)/.exec(row.position) ?? [];
      entries.push({
        file,
        path,
        message: normalizeSpace(row.message),
        line: Number(line),
        column: Number(column),
        severity: row.icon.includes('error') ? 'error' : row.icon.includes('warning') ? 'warning' : 'info',
        source: normalizeSpace(row.source),
      });
    }
    return entries;
  }

  /** Opens the panel and waits until it lists at least `atLeast` problems; returns them all. */
  async entries({ atLeast = 1 } = {}): Promise<ProblemEntry[]> {
    await this.open();
    return this.waitUntil(`the Problems panel lists at least ${atLeast} problem(s)`, (list) => list.length >= atLeast);
  }

  /**
   * Waits (as the step `description`) until the Problems panel's entries satisfy `accept`,
   * e.g. `(list) => list.length === 0` after a fix. Opens the panel first when it is hidden.
   */
  async waitUntil(description: string, accept: (entries: ProblemEntry[]) => boolean): Promise<ProblemEntry[]> {
    if (!(await this.page.locator('.markers-panel').isVisible())) await this.open();
    return this.steps.run(description, () =>
      pollUntil(() => this.read(), accept, INNER_WAIT_MS, description, (list) => list.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`).join(' | ') || '(no problems)'),
    );
  }
}
