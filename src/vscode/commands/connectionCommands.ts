/**
 * Test Connection, List Models and Refresh Token Now: run against a provider with a progress
 * notification; failures become error notifications with fix buttons.
 */
import * as vscode from 'vscode';
import { SwitchboardError } from '../../shared/errors';
import type { ProviderInfo } from '../../core/providers/providerInfo';
import type { ProviderService } from '../providerService';
import { providerFromArg } from './providerArg';

function progress<T>(title: string, task: (signal: AbortSignal) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (_progress, token) => {
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    return task(controller.signal);
  });
}

/** Test Connection: checks base URL, credential and model with the wire's connection test. */
export async function testConnectionCommand(service: ProviderService, arg?: unknown): Promise<void> {
  const provider = await providerFromArg(service, arg, 'Switchboard: Test Connection');
  if (!provider) return;
  const active = service.current();
  const model = active?.provider.id === provider.id ? active.model : provider.defaultModel;
  try {
    const result = await progress(`Switchboard: testing ${provider.id}…`, (signal) => service.testConnection(provider, model, signal));
    service.deps.logger.info(`Test connection ${provider.id}: ${result.summary}${result.details.length ? `\n  ${result.details.join('\n  ')}` : ''}`);
    if (result.ok) void vscode.window.showInformationMessage(`Switchboard: ${provider.id} — ${result.summary}`);
    else await service.showError(new SwitchboardError(result.failure ?? { kind: 'internal', message: `${provider.id} — ${result.summary}` }), provider.id);
  } catch (error) {
    await service.showError(error, provider.id);
  }
}

/** List Models: fetches the provider's models and shows them under it in the tree. */
export async function listModelsCommand(service: ProviderService, arg?: unknown): Promise<void> {
  const provider = await providerFromArg(service, arg, 'Switchboard: List Models');
  if (!provider) return;
  try {
    const list = await progress(`Switchboard: listing models of ${provider.id}…`, (signal) => service.listModels(provider, signal));
    service.deps.logger.info(`Listed ${list.models.length} model(s) of ${provider.id}${list.reason ? ` (${list.reason})` : ''}.`);
    void vscode.window.showInformationMessage(
      list.models.length > 0
        ? `Switchboard: ${provider.id} lists ${list.models.length} model(s); they are under it in the Providers view.`
        : `Switchboard: ${provider.id} lists no models${list.reason ? `: ${list.reason}` : '.'} Type a model name in "Switchboard: Select Model" instead.`,
    );
  } catch (error) {
    await service.showError(error, provider.id);
  }
}

/** Refresh Token Now: runs an auth command again, ignoring the cached token. */
export async function refreshTokenCommand(service: ProviderService, arg?: unknown): Promise<void> {
  const provider: ProviderInfo | undefined = await providerFromArg(service, arg, 'Switchboard: Refresh Token Now', (p) => p.auth !== undefined);
  if (!provider) return;
  if (!provider.auth) {
    void vscode.window.showInformationMessage(`Switchboard: provider "${provider.id}" has no auth command.`);
    return;
  }
  try {
    await progress(`Switchboard: running the auth command of ${provider.id}…`, () => service.refreshToken(provider));
    void vscode.window.showInformationMessage(`Switchboard: fetched a new token for "${provider.id}".`);
  } catch (error) {
    await service.showError(error, provider.id);
  }
}
