/**
 * Set API Key / Clear API Key: a password input box whose value goes straight into SecretStorage
 * (never into settings, files, logs or notifications).
 */
import * as vscode from 'vscode';
import { effectiveEnvKey, isAwsProvider, readEnvValue } from '../../core/providers/providerAuth';
import type { ProviderService } from '../providerService';
import { providerFromArg } from './providerArg';

/** Set API Key for a provider (from the tree, a notification, or the palette). */
export async function setApiKeyCommand(service: ProviderService, arg?: unknown): Promise<void> {
  const provider = await providerFromArg(service, arg, 'Switchboard: Set API Key', (p) => !p.auth && !isAwsProvider(p));
  if (!provider) return;
  if (provider.auth) {
    void vscode.window.showWarningMessage(`Switchboard: provider "${provider.id}" gets its token from an auth command (\`${provider.auth.command}\`); a saved key would not be used.`);
    return;
  }
  const envKey = effectiveEnvKey(provider);
  const key = await vscode.window.showInputBox({
    title: `Switchboard: API key for ${provider.name || provider.id}`,
    prompt: `Saved in VS Code SecretStorage (your OS keychain), never in settings or files.${envKey ? ` Used when ${envKey} is not set.` : ''}${provider.envKeyInstructions ? ` ${provider.envKeyInstructions}` : ''}`,
    placeHolder: 'Paste the API key',
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === '' ? 'Enter a key, or press Escape to cancel.' : /\s/.test(value.trim()) ? 'An API key has no spaces in it.' : undefined),
  });
  if (key === undefined) return;
  await service.deps.secrets.set(provider.id, key.trim());
  service.deps.logger.info(`Saved an API key for provider ${provider.id} in SecretStorage.`);
  service.notifyChanged();
  const envWins = envKey && readEnvValue(service.deps.env, envKey);
  void vscode.window.showInformationMessage(
    envWins
      ? `Switchboard: key saved for "${provider.id}". Note: ${envKey} is set in the environment and wins over the saved key while it is set.`
      : `Switchboard: key saved for "${provider.id}".`,
  );
}

/** Clear API Key: removes the saved key of a provider. */
export async function clearApiKeyCommand(service: ProviderService, arg?: unknown): Promise<void> {
  const snapshot = await service.deps.config.ready();
  const saved = await service.deps.secrets.has(snapshot.display.providers.map((p) => p.id));
  if (arg === undefined && saved.size === 0) {
    void vscode.window.showInformationMessage('Switchboard: no API keys are saved.');
    return;
  }
  const provider = await providerFromArg(service, arg, 'Switchboard: Clear API Key', (p) => saved.has(p.id));
  if (!provider) return;
  await service.deps.secrets.delete(provider.id);
  service.deps.logger.info(`Removed the saved API key of provider ${provider.id}.`);
  service.notifyChanged();
  void vscode.window.showInformationMessage(`Switchboard: saved key of "${provider.id}" removed.`);
}
