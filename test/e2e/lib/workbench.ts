/**
 * The VS Code workbench page object: one entry point to every part a test drives
 * (`workbench.palette.run("Switchboard: Show Logs")`, `workbench.output.waitFor(...)`, ...).
 */
import type { Page } from 'playwright-core';
import { Dialogs } from './dialogs';
import { Notifications } from './notifications';
import { Output } from './output';
import { CommandPalette } from './palette';
import { Problems } from './problems';
import { QuickInput } from './quickInput';
import { StatusBar } from './statusBar';
import { normalizeSpace } from './text';
import type { Steps } from './steps';
import { Views } from './views';
import { Webviews } from './webview';

/** How long the first load of the workbench may take (cold extension host on a 2-core machine). */
export const WORKBENCH_LOAD_TIMEOUT_MS = 90_000;

/** Page object for the whole workbench. */
export class Workbench {
  readonly quickInput: QuickInput;
  readonly palette: CommandPalette;
  readonly notifications: Notifications;
  readonly problems: Problems;
  readonly views: Views;
  readonly statusBar: StatusBar;
  readonly webviews: Webviews;
  readonly output: Output;
  readonly dialogs: Dialogs;

  constructor(readonly page: Page, readonly steps: Steps) {
    this.quickInput = new QuickInput(page, steps);
    this.palette = new CommandPalette(page, steps, this.quickInput);
    this.notifications = new Notifications(page, steps, this.palette);
    this.problems = new Problems(page, steps, this.palette);
    this.views = new Views(page, steps);
    this.statusBar = new StatusBar(page, steps);
    this.webviews = new Webviews(page, steps);
    this.output = new Output(page, steps, this.palette, this.quickInput);
    this.dialogs = new Dialogs(page, steps);
  }

  /** Navigates to `url` and waits for `.monaco-workbench` and its status bar. */
  async load(url: string): Promise<void> {
    await this.steps.run(
      'the workbench loads (.monaco-workbench with its status bar)',
      async () => {
        await this.page.goto(url, { timeout: WORKBENCH_LOAD_TIMEOUT_MS });
        await this.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: WORKBENCH_LOAD_TIMEOUT_MS });
        await this.page.locator('.part.statusbar .statusbar-item').first().waitFor({ state: 'visible', timeout: WORKBENCH_LOAD_TIMEOUT_MS });
      },
      { timeoutMs: WORKBENCH_LOAD_TIMEOUT_MS + 5_000 },
    );
  }

  /** Text of the banner at the top of the window (e.g. the Restricted Mode banner); '' when none. */
  async bannerText(): Promise<string> {
    const banner = this.page.locator('.part.banner');
    return (await banner.isVisible()) ? normalizeSpace(await banner.innerText()) : '';
  }

  /** Takes a numbered screenshot of the whole page; returns its path. */
  screenshot(name: string): Promise<string> {
    return this.steps.screenshot(name);
  }
}
