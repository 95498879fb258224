/**
 * Stand-ins registered at activation for providers whose code loads later: each takes a function
 * that loads the real provider (once; see `lazyPart`) and forwards every call to it, waiting for
 * the load when needed. VS Code sees the view, document scheme and webview view registered right
 * away; the modules behind them (config engine, chat, agent) are read only when first used.
 */
import * as vscode from 'vscode';

/** A tree data provider that forwards to `load()`'s provider (elements always come from it). */
export class DeferredTreeDataProvider<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<T | T[] | undefined | null | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private inner: vscode.TreeDataProvider<T> | undefined;
  private subscription: vscode.Disposable | undefined;

  constructor(private readonly load: () => Promise<vscode.TreeDataProvider<T>>) {}

  private async provider(): Promise<vscode.TreeDataProvider<T>> {
    if (this.inner) return this.inner;
    const inner = await this.load();
    if (!this.inner) {
      this.inner = inner;
      this.subscription = inner.onDidChangeTreeData?.((element) => this.changed.fire(element));
    }
    return this.inner;
  }

  async getChildren(element?: T): Promise<T[]> {
    return (await (await this.provider()).getChildren(element)) ?? [];
  }

  getTreeItem(element: T): vscode.TreeItem | Thenable<vscode.TreeItem> {
    // Elements come from getChildren, so the provider is loaded by now.
    return this.inner ? this.inner.getTreeItem(element) : this.provider().then((p) => p.getTreeItem(element));
  }

  dispose(): void {
    this.subscription?.dispose();
    this.changed.dispose();
  }
}

/** A text document content provider that forwards to `load()`'s provider. */
export class DeferredContentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private subscription: vscode.Disposable | undefined;
  private loaded: Promise<vscode.TextDocumentContentProvider> | undefined;

  constructor(private readonly load: () => Promise<vscode.TextDocumentContentProvider>) {}

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    this.loaded ??= this.load().then((inner) => {
      this.subscription = inner.onDidChange?.((changed) => this.changed.fire(changed));
      return inner;
    });
    return (await (await this.loaded).provideTextDocumentContent(uri, token)) ?? '';
  }

  dispose(): void {
    this.subscription?.dispose();
    this.changed.dispose();
  }
}

/** A webview view provider that resolves the view with `load()`'s provider. */
export class DeferredWebviewViewProvider implements vscode.WebviewViewProvider {
  constructor(private readonly load: () => Promise<vscode.WebviewViewProvider>) {}

  async resolveWebviewView(view: vscode.WebviewView, context: vscode.WebviewViewResolveContext, token: vscode.CancellationToken): Promise<void> {
    await (await this.load()).resolveWebviewView(view, context, token);
  }
}
