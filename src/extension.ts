/**
 * Composition root: creates the adapters and services and registers the UI. No logic lives here.
 */
import { readFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { loadConfig } from './core/config/loadConfig';
import { createCredentialResolver } from './core/providers/credentialResolver';
import type { WireDeps } from './core/wire/wireDeps';
import { createNodeConfigFs } from './node/nodeConfigFs';
import { createNodeProcessRunner } from './node/processRunner';
import { registerChat, type ChatRegistration } from './vscode/chat/registerChat';
import { registerProviderCommands } from './vscode/commands/registerCommands';
import { EXPLAIN_SCHEME, ExplainDocumentProvider } from './vscode/commands/explainCommand';
import { ConfigDiagnostics } from './vscode/configDiagnostics';
import { ConfigService } from './vscode/configService';
import { ConfigWatcher } from './vscode/configWatcher';
import { updateContextKeys } from './vscode/contextKeys';
import { CredentialConsent } from './vscode/credentialConsent';
import { createEditorProxyEnv } from './vscode/editorProxyEnv';
import { createOutputLogger } from './vscode/outputLogger';
import { ProviderService } from './vscode/providerService';
import { ProviderStatusBar } from './vscode/statusBar';
import { ProviderTreeProvider } from './vscode/providerTree';
import { SecretStorageStore } from './vscode/secretStorageStore';
import { SelectionStore } from './vscode/selectionStore';
import { createListModels, createTestConnection } from './vscode/wireAdapters';

/** The provider service of the running extension (for the chat view). */
export let providers: ProviderService | undefined;
let chat: ChatRegistration | undefined;

export function activate(context: vscode.ExtensionContext): { providers: ProviderService } {
  const started = performance.now();
  const channel = vscode.window.createOutputChannel('Switchboard', { log: true });
  const logger = createOutputLogger(channel);
  const env = process.env;
  const homeDir = homedir();

  const secrets = new SecretStorageStore(context.secrets);
  const selection = new SelectionStore(context.workspaceState);
  const config = new ConfigService({
    load: loadConfig,
    fs: createNodeConfigFs(),
    env,
    homeDir,
    workspaceRoot: () => vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    noWorkspaceCwd: join(tmpdir(), 'switchboard-no-workspace'),
    selection,
    logger,
  });
  const consent = new CredentialConsent(context.workspaceState, (id) => config.current?.display.fieldSources[id], logger);
  const credentials = createCredentialResolver({
    env,
    processRunner: createNodeProcessRunner(),
    secretStore: secrets,
    get allowWorkspaceCommands() {
      return vscode.workspace.isTrusted;
    },
    mayUseCredential: consent.mayUseCredential,
  });
  const wireEnv = createEditorProxyEnv(env);
  context.subscriptions.push(wireEnv.subscription);
  const wire: WireDeps = { credentials, env: wireEnv.env, logger, readFile: (path) => readFile(path, 'utf8') };
  providers = new ProviderService({
    config, selection, secrets, credentials, consent, wire, env, logger, homeDir,
    listModels: createListModels(wire),
    testConnection: createTestConnection(wire, () => config.current?.display),
  });
  const service = providers;
  const tree = new ProviderTreeProvider(service);
  const diagnostics = new ConfigDiagnostics(logger);

  context.subscriptions.push(
    channel, secrets, selection, config, service, tree, diagnostics,
    vscode.window.createTreeView('switchboard.providers', { treeDataProvider: tree, showCollapseAll: true }),
    vscode.window.registerTreeDataProvider('switchboard.welcome', { getChildren: () => [], getTreeItem: (item: vscode.TreeItem) => item }),
    new ProviderStatusBar(service),
    new ConfigWatcher(config),
    vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, new ExplainDocumentProvider(service)),
    config.onDidChange((snapshot) => {
      void diagnostics.publish(snapshot.display.diagnostics);
      updateContextKeys(snapshot);
    }),
    ...registerProviderCommands(service, () => channel.show(true)),
  );
  chat = registerChat(context, service, logger);
  context.subscriptions.push(...chat.disposables);
  logger.info(`Switchboard activated in ${Math.round(performance.now() - started)} ms (workspace ${vscode.workspace.isTrusted ? 'trusted' : 'not trusted'}).`);
  void config.ready().catch((error: unknown) => logger.error(`First configuration load failed: ${String(error)}`));
  return { providers: service };
}

export async function deactivate(): Promise<void> {
  await chat?.flush();
  chat = undefined;
  providers = undefined;
}
