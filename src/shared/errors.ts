/**
 * Error types shared by core, the extension host, the CLI and the webview.
 * A `SwitchboardError` always says what is wrong in plain words, and where possible how to fix it
 * (`fix`) and which buttons the UI should offer (`actions`). Messages never contain secrets.
 */

/** What went wrong, coarsely: decides retry policy and which fix the UI offers. */
export type ErrorKind =
  | 'config' // the configuration is invalid or incomplete
  | 'auth' // missing, rejected or unobtainable credential (401/403, auth.command failure)
  | 'not_found' // 404: wrong base URL, wrong wire_api, unknown model
  | 'bad_request' // 400/422: the provider rejected the request
  | 'rate_limited' // 429
  | 'server' // 5xx
  | 'network' // connect error, reset, idle timeout, TLS failure
  | 'protocol' // the provider answered something we cannot understand
  | 'cancelled' // the user stopped it
  | 'tool' // an agent tool failed
  | 'internal'; // a bug in Switchboard

/** Buttons the UI can show next to an error. */
export type FixAction = 'setApiKey' | 'openConfig' | 'testConnection' | 'retry' | 'trustWorkspace' | 'showLogs';

/** The serializable form of an error: what crosses the webview boundary and `--json` output. */
export interface ErrorInfo {
  kind: ErrorKind;
  message: string;
  /** One sentence on how to fix it, if we know. */
  fix?: string;
  /** HTTP status, when the error came from a response. */
  status?: number;
  /** Provider id the error concerns, if any. */
  providerId?: string;
  actions?: FixAction[];
  /** Whether retrying the same request may succeed. */
  retryable?: boolean;
}

export class SwitchboardError extends Error implements ErrorInfo {
  readonly kind: ErrorKind;
  readonly fix?: string;
  readonly status?: number;
  readonly providerId?: string;
  readonly actions?: FixAction[];
  readonly retryable?: boolean;

  constructor(info: ErrorInfo, options?: { cause?: unknown }) {
    super(info.message, options);
    this.name = 'SwitchboardError';
    this.kind = info.kind;
    this.fix = info.fix;
    this.status = info.status;
    this.providerId = info.providerId;
    this.actions = info.actions;
    this.retryable = info.retryable;
  }

  toInfo(): ErrorInfo {
    return {
      kind: this.kind,
      message: this.message,
      ...(this.fix !== undefined && { fix: this.fix }),
      ...(this.status !== undefined && { status: this.status }),
      ...(this.providerId !== undefined && { providerId: this.providerId }),
      ...(this.actions !== undefined && { actions: this.actions }),
      ...(this.retryable !== undefined && { retryable: this.retryable }),
    };
  }
}

/** Turns anything thrown into an ErrorInfo (unknown errors become `internal`). */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof SwitchboardError) return error.toInfo();
  if (error instanceof Error && error.name === 'AbortError') return { kind: 'cancelled', message: 'Cancelled.' };
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'internal', message };
}
