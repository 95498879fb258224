/**
 * Wires the provider side: settings and picks, SecretStorage keys, the configuration (loaded and
 * kept current), credentials with the trust and consent rules, the provider service, and what
 * shows them (Providers tree, status bar, Problems, context keys, Explain document) plus the
 * provider commands. Loaded right after activation (src/extension.ts registers the views and
 * commands first and forwards to what this returns); the wire layer loads on first use.
 */
import { readFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { loadConfig } from '../core/config/loadConfig';
import type { Logger } from '../core/ports';
import { createCredentialResolver } from '../core/providers/credentialResolver';
import type { WireDeps } from '../core/wire/wireDeps';
import { createNodeConfigFs } from '../node/nodeConfigFs';
import { createNodeProcessRunner } from '../node/processRunner';
import { ExplainDocumentProvider } from './commands/explainCommand';
import { guardedProviderCommands } from './commands/registerCommands';
import { ConfigDiagnostics } from './configDiagnostics';
import { ConfigService } from './configService';
import { ConfigWatcher } from './configWatcher';
import { updateContextKeys } from './contextKeys';
import { CredentialConsent } from './credentialConsent';
import type { CommandHandler } from './deferredCommands';
import { createEditorProxyEnv } from './editorProxyEnv';
import { ProviderService } from './providerService';
import { ProviderTreeProvider, type ProviderTreeNode } from './providerTree';
import { SecretStorageStore } from './secretStorageStore';
import { SelectionStore } from './selectionStore';
import { ProviderStatusBar } from './statusBar';

/** What the extension keeps of the provider side. */
export interface ProviderRegistration {
  service: ProviderService;
  /** The Providers tree's data. */
  tree: vscode.TreeDataProvider<ProviderTreeNode>;
  /** The Explain document's content. */
  explain: vscode.TextDocumentContentProvider;
  /** Provider command id -> handler (failures become notifications). */
  commands: Record<string, CommandHandler>;
  disposables: vscode.Disposable[];
}

/** Creates the provider side; `service.ready()` starts the first configuration load. */
export function registerProviders(context: vscode.ExtensionContext, logger: Logger, showLogs: () => void): ProviderRegistration {
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
  const wire: WireDeps = { credentials, env: wireEnv.env, logger, readFile: (path) => readFile(path, 'utf8') };
  // The wire layer (HTTP clients, stream parsers) loads when a model list or a test first needs it.
  const wireAdapters = () => import('./wireAdapters');
  const service = new ProviderService({
    config, selection, secrets, credentials, consent, wire, env, logger, homeDir,
    listModels: async (provider, signal) => (await wireAdapters()).createListModels(wire)(provider, signal),
    testConnection: async (provider, model, signal) =>
      (await wireAdapters()).createTestConnection(wire, () => config.current?.display)(provider, model, signal),
  });
  const tree = new ProviderTreeProvider(service);
  const explain = new ExplainDocumentProvider(service);
  const diagnostics = new ConfigDiagnostics(logger);
  const disposables: vscode.Disposable[] = [
    wireEnv.subscription, secrets, selection, config, service, tree, explain, diagnostics,
    new ProviderStatusBar(service),
    new ConfigWatcher(config),
    config.onDidChange((snapshot) => {
      void diagnostics.publish(snapshot.display.diagnostics);
      updateContextKeys(snapshot);
    }),
  ];
  return { service, tree, explain, commands: guardedProviderCommands(service, showLogs), disposables };
}
