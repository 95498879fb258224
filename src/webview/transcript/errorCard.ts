/** An error shown inline, with the fix buttons its `actions` name (they post `fixAction`). */
import type { ErrorInfo, FixAction } from '../../shared/errors';
import { h, icon } from '../dom';

/** Button labels for fix actions. */
export const FIX_ACTION_LABELS: Record<FixAction, string> = {
  setApiKey: 'Set API Key',
  openConfig: 'Open Config',
  testConnection: 'Test Connection',
  retry: 'Retry',
  trustWorkspace: 'Trust Workspace',
  showLogs: 'Show Logs',
};

const KIND_TITLES: Partial<Record<ErrorInfo['kind'], string>> = {
  config: 'Configuration problem',
  auth: 'Authentication failed',
  not_found: 'Not found',
  bad_request: 'Request rejected',
  rate_limited: 'Rate limited',
  server: 'Provider error',
  network: 'Connection problem',
  protocol: 'Unexpected response',
  cancelled: 'Stopped',
  tool: 'Tool failed',
  internal: 'Internal error',
};

/** Builds the card; `onFix` receives the clicked action. */
export function createErrorCard(error: ErrorInfo, onFix: (action: FixAction) => void): HTMLElement {
  const title = KIND_TITLES[error.kind] ?? 'Error';
  const status = error.status !== undefined ? ` (HTTP ${error.status})` : '';
  const actions = (error.actions ?? []).map((action) =>
    h('button', { type: 'button', class: 'secondary-button', 'data-fix-action': action, onclick: () => onFix(action) }, FIX_ACTION_LABELS[action]),
  );
  return h(
    'div',
    { class: `error-card error-${error.kind}`, role: 'alert' },
    h('div', { class: 'error-title' }, icon(error.kind === 'cancelled' ? 'debug-stop' : 'error'), `${title}${status}`),
    h('p', { class: 'error-message' }, error.message),
    error.fix ? h('p', { class: 'error-fix' }, error.fix) : null,
    actions.length > 0 ? h('div', { class: 'error-actions' }, ...actions) : null,
  );
}
