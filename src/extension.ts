/**
 * Composition root: wires core services to VS Code adapters. No logic lives here.
 */
import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Switchboard', { log: true });
  context.subscriptions.push(log);
  log.info('Switchboard activated');
  context.subscriptions.push(vscode.commands.registerCommand('switchboard.showLogs', () => log.show(true)));
}

export function deactivate(): void {}
