/**
 * Open User Config / Open Workspace Config (created from a commented template when missing),
 * Open Definition (jumps to a provider's table line) and Copy as TOML.
 */
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { userConfigTemplate, workspaceConfigTemplate } from '../../core/config/configTemplate';
import { providerToToml } from '../../core/providers/providerToml';
import type { ProviderService } from '../providerService';
import { providerFromArg } from './providerArg';

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Opens `path` in an editor, first writing `template` if the file does not exist; line is 1-based. */
export async function openConfigFile(path: string, template: string, line?: number): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.file(path);
  if (!(await exists(uri))) {
    await vscode.workspace.fs.createDirectory(vscode.Uri.file(dirname(path)));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(template));
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  const position = new vscode.Position(Math.max(0, (line ?? 1) - 1), 0);
  return vscode.window.showTextDocument(doc, { selection: new vscode.Range(position, position), preview: false });
}

/** The user config file path ($CODEX_HOME/config.toml or the switchboard.userConfigPath override). */
export async function userConfigPath(service: ProviderService): Promise<string | undefined> {
  const snapshot = await service.deps.config.ready();
  return snapshot.display.files.find((f) => f.role === 'user')?.path;
}

/** Open User Config. */
export async function openUserConfigCommand(service: ProviderService): Promise<void> {
  const path = await userConfigPath(service);
  if (!path) {
    void vscode.window.showErrorMessage('Switchboard: could not work out where the user config file is; check the switchboard.userConfigPath setting and CODEX_HOME.');
    return;
  }
  await openConfigFile(path, userConfigTemplate());
  service.deps.config.scheduleReload('user config opened');
}

/** Open Workspace Config: an existing `codex.toml` / `.codex/config.toml`, or a new `codex.toml`. */
export async function openWorkspaceConfigCommand(service: ProviderService): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showErrorMessage('Switchboard: open a folder first; workspace config lives in its codex.toml or .codex/config.toml.');
    return;
  }
  const snapshot = await service.deps.config.ready();
  const present = snapshot.display.files.filter((f) => f.role === 'workspace' && f.exists).map((f) => f.path);
  let path = present[0];
  if (present.length > 1) {
    const picked = await vscode.window.showQuickPick(present, { title: 'Switchboard: Open Workspace Config' });
    if (!picked) return;
    path = picked;
  }
  await openConfigFile(path ?? join(folder.uri.fsPath, 'codex.toml'), workspaceConfigTemplate());
  service.deps.config.scheduleReload('workspace config opened');
}

/** Open Definition: the provider's `[model_providers.<id>]` line in its TOML file (the user file for built-ins). */
export async function openDefinitionCommand(service: ProviderService, arg?: unknown): Promise<void> {
  const provider = await providerFromArg(service, arg, 'Switchboard: Open Provider Definition', (p) => p.file !== undefined);
  if (!provider) return;
  if (!provider.file) {
    // A built-in (e.g. from a "missing key" notification): its settings go in the user file.
    await openUserConfigCommand(service);
    return;
  }
  await openConfigFile(provider.file, '', provider.line);
}

/** Copy as TOML: the provider's effective table (secrets left out) to the clipboard. */
export async function copyAsTomlCommand(service: ProviderService, arg?: unknown): Promise<void> {
  const provider = await providerFromArg(service, arg, 'Switchboard: Copy Provider as TOML');
  if (!provider) return;
  await vscode.env.clipboard.writeText(providerToToml(provider));
  void vscode.window.showInformationMessage(`Switchboard: [model_providers.${provider.id}] copied to the clipboard (secrets left out).`);
}
