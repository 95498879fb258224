/**
 * Every `switchboard.*` provider command (the chat has its own, in chat/chatCommands.ts). The
 * activation shell registers the ids; the handlers below run once this module has loaded.
 */
import * as vscode from 'vscode';
import type { CommandHandler } from '../deferredCommands';
import type { ProviderService } from '../providerService';
import { guardCommands } from './guardCommands';
import { addProviderCommand } from './addProviderCommand';
import { clearApiKeyCommand, setApiKeyCommand } from './apiKeyCommands';
import { copyAsTomlCommand, openDefinitionCommand, openUserConfigCommand, openWorkspaceConfigCommand } from './configFileCommands';
import { listModelsCommand, refreshTokenCommand, testConnectionCommand } from './connectionCommands';
import { explainCommand } from './explainCommand';
import { selectModelCommand, selectProfileCommand, selectProviderCommand, useModelCommand } from './selectCommands';

/** Command id -> handler. */
export function providerCommands(service: ProviderService, showLogs: () => void): Record<string, CommandHandler> {
  return {
    'switchboard.selectProvider': (arg) => selectProviderCommand(service, arg),
    'switchboard.useProvider': (arg) => selectProviderCommand(service, arg),
    'switchboard.selectModel': () => selectModelCommand(service),
    'switchboard.useModel': (providerId, model) => useModelCommand(service, providerId, model),
    'switchboard.selectProfile': () => selectProfileCommand(service),
    'switchboard.setApiKey': (arg) => setApiKeyCommand(service, arg),
    'switchboard.clearApiKey': (arg) => clearApiKeyCommand(service, arg),
    'switchboard.testConnection': (arg) => testConnectionCommand(service, arg),
    'switchboard.listModels': (arg) => listModelsCommand(service, arg),
    'switchboard.refreshToken': (arg) => refreshTokenCommand(service, arg),
    'switchboard.addProvider': () => addProviderCommand(service),
    'switchboard.openUserConfig': () => openUserConfigCommand(service),
    'switchboard.openWorkspaceConfig': () => openWorkspaceConfigCommand(service),
    'switchboard.openDefinition': (arg) => openDefinitionCommand(service, arg),
    'switchboard.copyAsToml': (arg) => copyAsTomlCommand(service, arg),
    'switchboard.explainConfig': () => explainCommand(),
    'switchboard.refresh': async () => {
      service.credentials.clearCache();
      await service.deps.config.reload('Refresh');
    },
    'switchboard.resetConsent': async () => {
      await service.deps.consent.reset();
      void vscode.window.showInformationMessage('Switchboard: you will be asked again before your keys are sent to workspace-defined providers.');
    },
    'switchboard.showLogs': () => showLogs(),
  };
}

/** The provider commands, each wrapped so an unexpected failure becomes a notification. */
export function guardedProviderCommands(service: ProviderService, showLogs: () => void): Record<string, CommandHandler> {
  return guardCommands(providerCommands(service, showLogs), (error) => service.showError(error));
}
