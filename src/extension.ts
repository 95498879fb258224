/**
 * Composition root. Activation registers only what VS Code must see at once (the output channel,
 * the views, the Explain scheme and every contributed command), each forwarding to a part that
 * loads afterwards, so activating costs almost nothing:
 * - the provider side (config engine, credentials, Providers tree, status bar, provider commands)
 *   starts loading as soon as `activate` returns, and loads the first configuration;
 * - the chat (controller, agent, wire layer) loads when its view opens or a chat command runs.
 * Each `import()` below becomes its own file under dist/lazy/ (see esbuild.mjs).
 */
import * as vscode from 'vscode';
import type { ChatRegistration } from './vscode/chat/registerChat';
import { CHAT_VIEW_ID, contributedCommandIds, EXPLAIN_SCHEME, PROVIDERS_VIEW_ID, WELCOME_VIEW_ID } from './vscode/contributionIds';
import { registerDeferredCommands } from './vscode/deferredCommands';
import { DeferredContentProvider, DeferredTreeDataProvider, DeferredWebviewViewProvider } from './vscode/deferredProviders';
import { lazyPart } from './vscode/lazyPart';
import { createOutputLogger } from './vscode/outputLogger';
import type { ProviderService } from './vscode/providerService';
import type { ProviderRegistration } from './vscode/registerProviders';

/** What `activate` returns (the extension's exports). */
export interface SwitchboardApi {
  /** The provider service, once the first configuration is loaded. */
  ready(): Promise<ProviderService>;
}

let chat: ChatRegistration | undefined;

export function activate(context: vscode.ExtensionContext): SwitchboardApi {
  const started = performance.now();
  const channel = vscode.window.createOutputChannel('Switchboard', { log: true });
  const logger = createOutputLogger(channel);
  const showLogs = () => channel.show(true);
  const since = () => (performance.now() - started).toFixed(1);

  const logFailure = (what: string) => (error: unknown) => {
    logger.error(`Loading ${what} failed: ${error instanceof Error ? error.message : String(error)}`);
    throw error;
  };
  let providersLoadedAfter = '';
  const providerSide = lazyPart(async (): Promise<ProviderRegistration> => {
    const { registerProviders } = await import('./vscode/registerProviders').catch(logFailure('the provider side'));
    const side = registerProviders(context, logger, showLogs);
    context.subscriptions.push(...side.disposables);
    providersLoadedAfter = since();
    return side;
  });
  const chatSide = lazyPart(async (): Promise<ChatRegistration> => {
    const { service } = await providerSide();
    const { registerChat } = await import('./vscode/chat/registerChat').catch(logFailure('the chat'));
    chat = registerChat(context, service, logger);
    context.subscriptions.push(...chat.disposables);
    return chat;
  });

  const tree = new DeferredTreeDataProvider(async () => (await providerSide()).tree);
  const explain = new DeferredContentProvider(async () => (await providerSide()).explain);
  context.subscriptions.push(
    channel, tree, explain,
    vscode.window.createTreeView(PROVIDERS_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true }),
    vscode.window.registerTreeDataProvider(WELCOME_VIEW_ID, { getChildren: () => [], getTreeItem: (item: vscode.TreeItem) => item }),
    vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, explain),
    vscode.window.registerWebviewViewProvider(CHAT_VIEW_ID, new DeferredWebviewViewProvider(async () => (await chatSide()).view)),
    ...registerDeferredCommands(contributedCommandIds(context.extension.packageJSON), {
      handlerFor: async (id) => (await providerSide()).commands[id] ?? (await chatSide()).commands[id],
      onUnavailable: (id, error) => {
        logger.error(`The command ${id} is not available: ${error instanceof Error ? error.message : String(error)}`);
        const message = `Switchboard: the command ${id} could not be loaded. Reinstalling the extension may fix this; the log has the details.`;
        void vscode.window.showErrorMessage(message, 'Show Logs').then((pick) => pick && showLogs());
      },
    }),
  );
  logger.info(`Switchboard activated in ${since()} ms (workspace ${vscode.workspace.isTrusted ? 'trusted' : 'not trusted'}).`);

  const ready = providerSide().then(async ({ service }) => {
    await service.ready();
    logger.info(`Configuration ready ${since()} ms after activate() was called (provider side loaded after ${providersLoadedAfter} ms).`);
    return service;
  });
  ready.catch((error: unknown) => logger.error(`First configuration load failed: ${error instanceof Error ? error.message : String(error)}`));
  return { ready: () => ready };
}

export async function deactivate(): Promise<void> {
  await chat?.flush();
  chat = undefined;
}
