/**
 * Shows a Switchboard error as a notification with its fix and action buttons ("Set API Key",
 * "Open Config", "Manage Workspace Trust", "Show Logs", "Test Connection"). The chat view can use
 * it too. Messages never contain secrets (errors are built without them).
 */
import * as vscode from 'vscode';
import { toErrorInfo, type FixAction } from '../shared/errors';

const BUTTONS: Partial<Record<FixAction, { label: string; run: (providerId: string | undefined) => Thenable<unknown> }>> = {
  setApiKey: { label: 'Set API Key', run: (id) => vscode.commands.executeCommand('switchboard.setApiKey', id) },
  openConfig: { label: 'Open Config', run: (id) => vscode.commands.executeCommand(id ? 'switchboard.openDefinition' : 'switchboard.openUserConfig', id) },
  trustWorkspace: { label: 'Manage Workspace Trust', run: () => vscode.commands.executeCommand('workbench.trust.manage') },
  showLogs: { label: 'Show Logs', run: () => vscode.commands.executeCommand('switchboard.showLogs') },
  testConnection: { label: 'Test Connection', run: (id) => vscode.commands.executeCommand('switchboard.testConnection', id) },
};

/** The notification text for an error: message, then fix. */
export function errorText(error: unknown): string {
  const info = toErrorInfo(error);
  return info.fix ? `${info.message} ${info.fix}` : info.message;
}

/** Shows `error` as an error notification and runs the button the user clicks. Cancellations are not shown. */
export async function showErrorNotification(error: unknown, fallbackProviderId?: string): Promise<void> {
  const info = toErrorInfo(error);
  if (info.kind === 'cancelled') return;
  const providerId = info.providerId ?? fallbackProviderId;
  const actions = [...(info.actions ?? [])];
  if (!actions.includes('showLogs')) actions.push('showLogs');
  const buttons = actions.flatMap((a) => (BUTTONS[a] ? [{ action: a, ...BUTTONS[a] }] : []));
  const picked = await vscode.window.showErrorMessage(`Switchboard: ${errorText(error)}`, ...buttons.map((b) => b.label));
  const button = buttons.find((b) => b.label === picked);
  if (button) await button.run(providerId);
}
