/**
 * The Chat webview view (`switchboard.chat`): serves the webview bundle under a strict CSP with a
 * fresh nonce, lets it load only dist/webview/*, validates every message it sends (malformed ones
 * are dropped and logged) and hands the rest to the controller. The webview is not kept alive
 * while hidden: it posts `ready` when shown again and the controller resends everything.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { Logger } from '../../core/ports';
import { renderChatHtml } from '../../shared/chatHtml';
import { parseToHostMessage, type ToHostMessage, type ToWebviewMessage } from '../../shared/webviewProtocol';

/** The view's id in package.json. */
export const CHAT_VIEW_ID = 'switchboard.chat';

export class ChatViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly onMessage: (message: ToHostMessage) => void,
    private readonly logger: Logger,
  ) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    const assets = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
    const webview = view.webview;
    webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: [assets] };
    const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(assets, name)).toString();
    webview.html = renderChatHtml({
      cspSource: webview.cspSource,
      nonce: randomBytes(18).toString('base64url'),
      scriptUri: asset('chat.js'),
      styleUri: asset('chat.css'),
      codiconUri: asset('codicon.css'),
    });
    this.subscriptions.push(
      webview.onDidReceiveMessage((raw: unknown) => {
        const result = parseToHostMessage(raw);
        if (!result.ok) {
          this.logger.warn(`Chat: ${result.error}`);
          return;
        }
        this.onMessage(result.message);
      }),
      view.onDidDispose(() => {
        if (this.view === view) this.view = undefined;
      }),
    );
  }

  /** Posts to the webview when it is showing; otherwise the message is dropped (`ready` resends the state). */
  post(message: ToWebviewMessage): void {
    const view = this.view;
    if (!view) return;
    view.webview.postMessage(message).then(undefined, (error: unknown) => this.logger.debug(`Chat: postMessage failed: ${String(error)}`));
  }

  /** Shows the view (opening its container) and gives it the keyboard focus. */
  async reveal(): Promise<void> {
    // The view's built-in focus command opens its container (wherever the user moved it) and focuses it.
    await vscode.commands.executeCommand(`${CHAT_VIEW_ID}.focus`);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.subscriptions.length = 0;
  }
}
