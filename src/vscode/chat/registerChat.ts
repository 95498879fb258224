/**
 * Wires the chat side panel: the webview view, its controller (sessions saved per workspace
 * under the extension's storage), the agent's VS Code adapters (undoable edits through
 * `WorkspaceEdit`, commands run in the workspace folder) and the chat commands. Loaded when the
 * chat view opens or a chat command runs: src/extension.ts registers the view and the command
 * ids at activation and forwards to what this returns.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { AgentSession } from '../../core/agent/agentSession';
import type { Logger } from '../../core/ports';
import { createModelClient } from '../../core/wire/createModelClient';
import { createNodeSessionStore } from '../../node/nodeSessionStore';
import { createNodeProcessRunner } from '../../node/processRunner';
import type { ProviderService } from '../providerService';
import type { CommandHandler } from '../deferredCommands';
import { guardedChatCommands } from './chatCommands';
import { ChatController } from './chatController';
import { createChatMemory, createChatProviders } from './chatServices';
import { ChatViewProvider } from './chatViewProvider';
import { createChatWorkbench } from './chatWorkbench';
import { createVscodeWorkspaceFiles } from './vscodeWorkspaceFiles';

/** What the extension keeps: the view to resolve, the commands, the disposables, and `flush` for deactivate. */
export interface ChatRegistration {
  /** Resolves the `switchboard.chat` webview view (the extension registers it). */
  view: vscode.WebviewViewProvider;
  /** Chat command id -> handler (failures become notifications). */
  commands: Record<string, CommandHandler>;
  disposables: vscode.Disposable[];
  /** Saves what the current session has shown (call from `deactivate`). */
  flush(): Promise<void>;
}

/** The folder the agent works in: the first workspace folder, else an empty scratch folder. */
function agentRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (folder?.scheme === 'file') return folder.fsPath;
  const scratch = join(tmpdir(), 'switchboard-no-workspace');
  mkdirSync(scratch, { recursive: true });
  return scratch;
}

/** Creates the chat view's provider, its controller and the chat commands. */
export function registerChat(context: vscode.ExtensionContext, service: ProviderService, logger: Logger): ChatRegistration {
  const storage = context.storageUri ?? context.globalStorageUri;
  const store = createNodeSessionStore(join(storage.fsPath, 'sessions'));
  const client = createModelClient(service.wireDeps());
  const processRunner = createNodeProcessRunner();
  const controller = new ChatController({
    post: (message) => view.post(message),
    providers: createChatProviders(service),
    workbench: createChatWorkbench(logger),
    memory: createChatMemory(context.workspaceState),
    store,
    logger,
    createSession: (setup) =>
      new AgentSession({
        client,
        files: createVscodeWorkspaceFiles(agentRoot()),
        processRunner,
        store,
        logger,
        provider: setup.provider,
        model: setup.model,
        approvalMode: setup.approvalMode,
        approvalHandler: setup.approvalHandler,
        ...(setup.record && { record: setup.record }),
      }),
  });
  const view: ChatViewProvider = new ChatViewProvider(context.extensionUri, (message) => void controller.handle(message), logger);
  const flush = () =>
    controller.flush().catch((error: unknown) => logger.warn(`Chat: could not save the session on shutdown: ${String(error)}`));
  return {
    view,
    commands: guardedChatCommands(view, controller, (error) => service.showError(error)),
    disposables: [
      view,
      service.onDidChange(() => controller.providersChanged()),
      { dispose: () => void flush().finally(() => controller.dispose()) },
    ],
    flush,
  };
}
