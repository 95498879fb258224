/**
 * Launches the system Chrome/Chromium (from the setup cache's lookup: $CHROME_PATH or
 * /usr/bin/chromium) headless through playwright-core, with the flags this offline machine needs.
 */
import { chromium, type Browser } from 'playwright-core';

/**
 * Flags that keep Chromium quiet and working without a network or sandbox (we run as root).
 * The host-resolver rule makes every host name but 127.0.0.1 unresolvable, so the workbench's
 * own calls (extension gallery, CDNs) fail at once instead of leaving the machine.
 */
export const CHROMIUM_ARGS = [
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * A launched browser. playwright-core itself kills browsers it launched when this process
 * exits, so an abrupt end of the test process leaves no Chromium behind.
 */
export interface LaunchedBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/** Starts headless Chromium at `executablePath`. */
export async function launchBrowser(executablePath: string): Promise<LaunchedBrowser> {
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
  let closed = false;
  return {
    browser,
    async close() {
      if (closed) return;
      closed = true;
      await browser.close().catch(() => undefined);
    },
  };
}
