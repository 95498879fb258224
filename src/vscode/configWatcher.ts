/**
 * Watches the config files and asks for a (debounced) reload when one changes: the user file and
 * profile files (`<name>.config.toml`) in $CODEX_HOME — outside the workspace, so a RelativePattern
 * on that folder — and the workspace's `codex.toml` and `.codex/*.toml`. Saving one of them in an
 * editor also triggers a reload, in case a file watcher misses the event.
 */
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { isConfigFile } from '../core/config/configFileMatch';
import type { ConfigService, ConfigSnapshot } from './configService';

export class ConfigWatcher implements vscode.Disposable {
  private watchers: vscode.Disposable[] = [];
  private watchedUserDir: string | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly service: ConfigService) {
    this.watchWorkspace();
    this.subscriptions.push(
      service.onDidChange((snapshot) => this.watchUserDir(snapshot)),
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (doc.uri.scheme === 'file' && isConfigFile(doc.uri.fsPath, this.watchedUserDir)) service.scheduleReload(`saved ${doc.uri.fsPath}`);
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.watchWorkspace()),
    );
  }

  private workspaceWatchers: vscode.Disposable[] = [];

  private watchWorkspace(): void {
    for (const w of this.workspaceWatchers) w.dispose();
    this.workspaceWatchers = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      this.workspaceWatchers.push(this.watch(new vscode.RelativePattern(folder, '{codex.toml,.codex/*.toml}')));
    }
  }

  /** (Re)creates the user-folder watcher when the user config folder changed (setting or CODEX_HOME). */
  private watchUserDir(snapshot: ConfigSnapshot): void {
    const userFile = snapshot.display.files.find((f) => f.role === 'user')?.path;
    const dir = userFile ? dirname(userFile) : undefined;
    if (dir === this.watchedUserDir) return;
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    this.watchedUserDir = dir;
    if (dir) this.watchers.push(this.watch(new vscode.RelativePattern(vscode.Uri.file(dir), '{config.toml,*.config.toml}')));
  }

  private watch(pattern: vscode.RelativePattern): vscode.Disposable {
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
    const reload = (uri: vscode.Uri) => this.service.scheduleReload(`changed ${uri.fsPath}`);
    watcher.onDidChange(reload);
    watcher.onDidCreate(reload);
    watcher.onDidDelete(reload);
    return watcher;
  }

  dispose(): void {
    for (const w of [...this.watchers, ...this.workspaceWatchers, ...this.subscriptions]) w.dispose();
  }
}
