/**
 * What `switchboard exec` needs from the process besides the CLI context: stdin (for a piped
 * prompt), Ctrl-C, and a way to quit at once. `nodeExecHost` binds them to the real process;
 * tests pass a fake.
 */

/** The process, as `exec` sees it. */
export interface ExecHost {
  /** Whether stdin is a terminal (then it is never read for the prompt). */
  readonly stdinIsTTY: boolean;
  /** All of stdin as UTF-8 text. */
  readStdin(): Promise<string>;
  /** Calls `handler` on every Ctrl-C (SIGINT) until the returned function is called. */
  onInterrupt(handler: () => void): () => void;
  /** Ends the process now with `code` (a second Ctrl-C). */
  exitNow(code: number): void;
}

/** The real process. */
export function nodeExecHost(): ExecHost {
  return {
    stdinIsTTY: process.stdin.isTTY === true,
    readStdin: () =>
      new Promise<string>((resolve, reject) => {
        const chunks: Buffer[] = [];
        process.stdin.on('data', (chunk: Buffer | string) => chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk));
        process.stdin.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        process.stdin.once('error', reject);
      }),
    onInterrupt(handler) {
      process.on('SIGINT', handler);
      return () => void process.off('SIGINT', handler);
    },
    exitNow(code) {
      process.exit(code);
    },
  };
}
