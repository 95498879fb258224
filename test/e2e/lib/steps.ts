/**
 * Named, time-bounded test steps with a numbered screenshot after each one
 * (test-results/e2e/<test>/NN-<step>.png) and, on failure, an error that says what the test
 * was waiting for, how long it waited, and where the failure screenshot is.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { slug } from './paths';

/** Default bound for one step: generous for a 2-core CI machine, but never endless. */
export const STEP_TIMEOUT_MS = 30_000;

/** A step that failed or timed out. */
export class E2EStepError extends Error {
  constructor(message: string, readonly screenshot: string | undefined) {
    super(message);
    this.name = 'E2EStepError';
  }
}

/** Options for one step. */
export interface StepOptions {
  /** Bound for the whole step in ms (default {@link STEP_TIMEOUT_MS}). */
  timeoutMs?: number;
  /** Take the numbered screenshot after the step (default true). */
  screenshot?: boolean;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Runs steps against one page and keeps the screenshot counter. */
export class Steps {
  private counter = 0;

  constructor(private readonly page: Page, readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  /** Saves `NN-<name>.png` in the test's results folder and returns its path. */
  async screenshot(name: string): Promise<string> {
    this.counter += 1;
    const file = join(this.dir, `${String(this.counter).padStart(2, '0')}-${slug(name)}.png`);
    await this.page.screenshot({ path: file, timeout: 10_000 });
    return file;
  }

  /**
   * Runs `fn` as the step `description` (phrase it as what is awaited, e.g. 'the output channel
   * shows "Switchboard activated"'), bounded by a timeout, then screenshots.
   */
  async run<T>(description: string, fn: () => Promise<T>, options: StepOptions = {}): Promise<T> {
    const timeoutMs = options.timeoutMs ?? STEP_TIMEOUT_MS;
    const started = Date.now();
    let result: T;
    try {
      result = await withTimeout(fn(), timeoutMs, description);
    } catch (error) {
      let shot: string | undefined;
      try {
        shot = await this.screenshot(`FAILED-${description}`);
      } catch {
        shot = undefined;
      }
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      throw new E2EStepError(
        `E2E step failed: ${description} (after ${seconds}s, limit ${timeoutMs / 1000}s): ${reason}${shot ? `\n  screenshot: ${shot}` : ''}`,
        shot,
      );
    }
    if (options.screenshot !== false) await this.screenshot(description);
    return result;
  }
}
