/**
 * Reads the timing lines Switchboard writes to its "Switchboard" log when it activates (see
 * src/extension.ts): how long its own `activate()` call took, and how long after that call began
 * the first configuration was loaded (the Providers tree, status bar and chat can show it).
 */

/** Times from one activation's log, in ms; a field is missing when its line is not (yet) there. */
export interface ActivationLogTimes {
  /** The synchronous `activate()` call, as the extension measured it. */
  activateCallMs?: number;
  /** From the start of `activate()` until the first configuration was loaded. */
  configReadyAfterActivateMs?: number;
}

const ACTIVATED = /\] Switchboard activated in (\d+(?:\.\d+)?) ms\b/;
const READY = /\] Configuration ready (\d+(?:\.\d+)?) ms after activate\(\) was called\b/;

/** The activation times in `logText` (the first activation it contains). */
export function activationLogTimes(logText: string): ActivationLogTimes {
  const activated = ACTIVATED.exec(logText);
  const ready = READY.exec(logText);
  return {
    ...(activated && { activateCallMs: Number(activated[1]) }),
    ...(ready && { configReadyAfterActivateMs: Number(ready[1]) }),
  };
}

/**
 * From VS Code's activation time (code loading + `activate()` call, as "Show Running Extensions"
 * reports it) and the log's times: code loading alone, and the time from the start of code
 * loading until the first configuration was ready.
 */
export function activationBreakdown(vscodeActivationMs: number, log: ActivationLogTimes): { codeLoadingMs?: number; configReadyMs?: number } {
  if (log.activateCallMs === undefined) return {};
  const codeLoadingMs = Math.max(0, vscodeActivationMs - log.activateCallMs);
  return {
    codeLoadingMs,
    ...(log.configReadyAfterActivateMs !== undefined && { configReadyMs: codeLoadingMs + log.configReadyAfterActivateMs }),
  };
}
