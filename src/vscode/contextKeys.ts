/**
 * Context keys the contributions' `when` clauses use: `switchboard.showWelcome` (no user config
 * file yet: show the Get Started view) and `switchboard.loaded`.
 */
import * as vscode from 'vscode';
import type { ConfigSnapshot } from './configService';

/** Updates the context keys from a snapshot. */
export function updateContextKeys(snapshot: ConfigSnapshot): void {
  const userFile = snapshot.display.files.find((f) => f.role === 'user');
  void vscode.commands.executeCommand('setContext', 'switchboard.showWelcome', !userFile?.exists);
  void vscode.commands.executeCommand('setContext', 'switchboard.loaded', true);
}
