/**
 * Select Provider / Select Model / Select Profile (and the tree's "Use this provider" / model
 * click). Choices are saved per workspace as the explicit layer (SelectionStore); the pick rules
 * are in core (explicitSelection.ts, modelPick.ts).
 */
import * as vscode from 'vscode';
import { pickModel, pickProfile, pickProvider as pickProviderSelection } from '../../core/config/explicitSelection';
import { decideModelPick, modelChoices, prefersTypedName, type ModelChoice } from '../../core/providers/modelPick';
import type { ProviderInfo } from '../../core/providers/providerInfo';
import type { ProviderService } from '../providerService';
import { providerFromArg } from './providerArg';

/** Makes `provider` the active one (refusing workspace providers of an untrusted workspace). */
export async function useProvider(service: ProviderService, provider: ProviderInfo): Promise<void> {
  const snapshot = await service.deps.config.ready();
  if (!snapshot.workspaceTrusted && provider.fromWorkspace) {
    const trust = 'Manage Workspace Trust';
    const choice = await vscode.window.showWarningMessage(
      `Switchboard: provider "${provider.id}" is defined by this workspace, which is not trusted. Trust the workspace to use it.`,
      trust,
    );
    if (choice === trust) await vscode.commands.executeCommand('workbench.trust.manage');
    return;
  }
  const selection = service.deps.selection;
  await selection.setPicks(pickProviderSelection(selection.picks(), provider.id, provider.defaultModel));
  await service.deps.config.reload(`selected provider ${provider.id}`);
}

/** Select Provider (palette, status bar) and Use this provider (tree). */
export async function selectProviderCommand(service: ProviderService, arg?: unknown): Promise<void> {
  const provider = await providerFromArg(service, arg, 'Switchboard: Select Provider');
  if (provider) await useProvider(service, provider);
}

/** Saves a (provider, model) pair. */
async function applyModel(service: ProviderService, providerId: string, model: string): Promise<void> {
  const provider = service.findProvider(providerId);
  if (provider && !service.snapshot?.workspaceTrusted && provider.fromWorkspace) return useProvider(service, provider);
  const selection = service.deps.selection;
  await selection.setPicks(pickModel(selection.picks(), providerId, model));
  await service.deps.config.reload(`selected model ${model} (${providerId})`);
}

interface ModelItem extends vscode.QuickPickItem {
  choice?: ModelChoice;
  action?: 'fetch' | 'typed';
}

/** Select Model: the active provider's models (fetched, default, typed), or another provider's listed ones. */
export async function selectModelCommand(service: ProviderService): Promise<void> {
  const active = await service.ready();
  if (!active) {
    void vscode.window.showErrorMessage('Switchboard: the active provider is not in the configuration; run "Switchboard: Select Provider" first.');
    return;
  }
  const snapshot = service.snapshot!;
  const activeId = active.provider.id;
  const quickPick = vscode.window.createQuickPick<ModelItem>();
  quickPick.title = `Switchboard: Select Model (provider ${activeId})`;
  quickPick.placeholder = 'Pick a model, or type a model name and press Enter';
  quickPick.matchOnDescription = true;
  const build = () => {
    const choices = modelChoices({ activeProviderId: activeId, providers: snapshot.display.providers, modelLists: service.modelLists(), currentModel: active.model });
    const typed = quickPick.value.trim();
    const items: ModelItem[] = [];
    if (typed && !choices.some((c) => c.model === typed && c.providerId === activeId)) {
      items.push({ label: typed, description: `use this model name with ${activeId}`, iconPath: new vscode.ThemeIcon('edit'), action: 'typed', alwaysShow: true });
    }
    items.push({ label: activeId, kind: vscode.QuickPickItemKind.Separator });
    for (const choice of choices.filter((c) => c.providerId === activeId)) {
      items.push({ label: `${choice.model === active.model ? '$(check) ' : ''}${choice.model}`, description: choice.origin === 'default' ? 'default_model' : choice.origin === 'current' ? 'current' : choice.name, choice });
    }
    if (!service.modelsOf(activeId)) items.push({ label: `$(cloud-download) List models of ${activeId}…`, action: 'fetch' });
    const others = choices.filter((c) => c.providerId !== activeId);
    if (others.length > 0) items.push({ label: 'Other providers (switches provider too)', kind: vscode.QuickPickItemKind.Separator });
    for (const choice of others) items.push({ label: choice.model, description: `${choice.providerId}${choice.name ? ` · ${choice.name}` : ''}`, choice });
    quickPick.items = items;
  };
  build();
  quickPick.onDidChangeValue(() => build());
  const outcome = await new Promise<{ choice: ModelChoice } | { typed: string } | undefined>((resolve) => {
    quickPick.onDidAccept(async () => {
      const value = quickPick.value.trim();
      let item: ModelItem | undefined = quickPick.selectedItems[0];
      if (prefersTypedName(item?.label, value)) item = undefined;
      if (item?.action === 'fetch') {
        quickPick.busy = true;
        try {
          await service.listModels(active.provider);
        } catch (error) {
          void service.showError(error, activeId);
        }
        quickPick.busy = false;
        build();
        return;
      }
      if (item?.choice) resolve({ choice: item.choice });
      else if (value) resolve({ typed: value });
      quickPick.hide();
    });
    quickPick.onDidHide(() => resolve(undefined));
    quickPick.show();
  });
  quickPick.dispose();
  if (!outcome) return;
  const decision = decideModelPick(outcome, { activeProviderId: activeId, modelLists: service.modelLists() });
  if (decision.kind === 'apply') return applyModel(service, decision.providerId, decision.model);
  const picked = await vscode.window.showWarningMessage(decision.message, { modal: true }, ...decision.options.map((o) => o.label));
  const option = decision.options.find((o) => o.label === picked);
  if (option) await applyModel(service, option.providerId, option.model);
}

/** Click on a model in the tree: use that model with its provider. */
export async function useModelCommand(service: ProviderService, providerId: unknown, model: unknown): Promise<void> {
  if (typeof providerId === 'string' && typeof model === 'string') await applyModel(service, providerId, model);
  else await selectModelCommand(service);
}

/** Select Profile: a profile table or profile file, or none (the config decides). */
export async function selectProfileCommand(service: ProviderService): Promise<void> {
  const snapshot = await service.deps.config.ready();
  const current = snapshot.config.profile.value;
  const items: (vscode.QuickPickItem & { profile?: string })[] = [
    { label: '$(circle-slash) No explicit profile', description: 'use the profile the config files choose, if any' },
    ...snapshot.display.profiles.map((p) => ({
      label: `${p.name === current ? '$(check) ' : ''}${p.name}`,
      description: p.form === 'profile-file' ? 'profile file' : '[profiles] table',
      detail: p.file,
      profile: p.name,
    })),
  ];
  if (snapshot.display.profiles.length === 0) {
    items.push({ label: 'No profiles defined', description: 'add [profiles.<name>] to a config file or create <name>.config.toml next to it', kind: vscode.QuickPickItemKind.Separator });
  }
  const picked = await vscode.window.showQuickPick(items, { title: 'Switchboard: Select Profile' });
  if (!picked) return;
  const selection = service.deps.selection;
  await selection.setPicks(pickProfile(selection.picks(), picked.profile));
  await service.deps.config.reload(`selected profile ${picked.profile ?? '(none)'}`);
}
