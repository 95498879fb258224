/**
 * The status bar item `$(plug) provider · model`: tooltip says where each came from and which
 * credential source is used; a click runs Select Provider. Redrawn on every change.
 */
import * as vscode from 'vscode';
import { statusText } from '../core/config/statusText';
import { credentialPhrase } from '../core/providers/authStatus';
import type { ProviderService } from './providerService';

export class ProviderStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('switchboard.status', vscode.StatusBarAlignment.Left, 50);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly service: ProviderService) {
    this.item.name = 'Switchboard Provider';
    this.item.command = 'switchboard.selectProvider';
    this.subscription = service.onDidChange(() => void this.update());
    void this.update();
    this.item.show();
  }

  /** Redraws from the current snapshot. */
  async update(): Promise<void> {
    const snapshot = this.service.snapshot;
    const active = this.service.current();
    let credential: string | undefined;
    if (active && snapshot) {
      const saved = await this.service.deps.secrets.has([active.provider.id]);
      const auth = this.service.authStatus(active.provider, saved.has(active.provider.id));
      credential = credentialPhrase(auth);
    }
    const text = statusText({
      // Problems come from everything read (also workspace files not applied while untrusted).
      config: snapshot && { ...snapshot.config, diagnostics: snapshot.display.diagnostics },
      origins: snapshot?.origins ?? {},
      credential,
      keptLastGood: snapshot?.keptLastGood,
      homeDir: this.service.deps.homeDir,
    });
    this.item.text = text.text;
    this.item.tooltip = new vscode.MarkdownString(text.tooltip);
    this.item.backgroundColor = text.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
