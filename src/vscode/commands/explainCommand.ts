/**
 * Explain Active Configuration: a read-only markdown document (virtual `switchboard-explain:`
 * scheme) that updates when the configuration changes.
 */
import * as vscode from 'vscode';
import { explainMarkdown } from '../../core/config/explainMarkdown';
import { credentialPhrase } from '../../core/providers/authStatus';
import { EXPLAIN_SCHEME } from '../contributionIds';
import type { ProviderService } from '../providerService';

const EXPLAIN_URI = vscode.Uri.from({ scheme: EXPLAIN_SCHEME, path: '/Switchboard Configuration.md' });

/** Serves the document's text from the current snapshot. */
export class ExplainDocumentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly service: ProviderService) {
    this.subscription = service.onDidChange(() => this.changed.fire(EXPLAIN_URI));
  }

  async provideTextDocumentContent(): Promise<string> {
    const snapshot = await this.service.deps.config.ready();
    const active = this.service.current();
    let credential: string | undefined;
    if (active) {
      const saved = await this.service.deps.secrets.has([active.provider.id]);
      credential = credentialPhrase(
        this.service.authStatus(active.provider, saved.has(active.provider.id)),
      );
    }
    return explainMarkdown({
      config: snapshot.config,
      display: snapshot.display,
      origins: snapshot.origins,
      credential,
      workspaceTrusted: snapshot.workspaceTrusted,
      keptLastGood: snapshot.keptLastGood,
      homeDir: this.service.deps.homeDir,
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** Opens the explanation as a read-only markdown document (refreshed while it is open). */
export async function explainCommand(): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(EXPLAIN_URI);
  await vscode.languages.setTextDocumentLanguage(doc, 'markdown').then(undefined, () => doc);
  await vscode.window.showTextDocument(doc, { preview: true });
}
