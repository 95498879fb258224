/**
 * Commands run from the tree (argument: the tree node), from a notification button (argument: a
 * provider id) or from the palette (no argument: ask with a quick pick). This turns any of them
 * into a ProviderInfo.
 */
import * as vscode from 'vscode';
import { groupProviders } from '../../core/providers/providerGroups';
import type { ProviderInfo } from '../../core/providers/providerInfo';
import type { ProviderService } from '../providerService';
import type { ProviderTreeNode } from '../providerTree';
import { displayUrl } from '../../core/config/displaySafe';

interface ProviderPickItem extends vscode.QuickPickItem {
  provider?: ProviderInfo;
}

/** Quick pick items for providers, grouped by where they come from, the active one marked. */
export async function providerPickItems(service: ProviderService, filter: (p: ProviderInfo) => boolean = () => true): Promise<ProviderPickItem[]> {
  const snapshot = await service.deps.config.ready();
  const saved = await service.deps.secrets.has(snapshot.display.providers.map((p) => p.id));
  const activeId = snapshot.config.provider.value;
  const items: ProviderPickItem[] = [];
  for (const group of groupProviders(snapshot.display.providers)) {
    const providers = group.providers.filter(filter);
    if (providers.length === 0) continue;
    items.push({ label: group.label, kind: vscode.QuickPickItemKind.Separator });
    for (const provider of providers) {
      const auth = service.authStatus(provider, saved.has(provider.id));
      const icon = provider.id === activeId ? '$(check) ' : auth.kind === 'blocked' ? '$(lock) ' : '';
      items.push({
        label: `${icon}${provider.id}`,
        description: [provider.name !== provider.id ? provider.name : undefined, auth.summary, provider.wireApi, provider.defaultModel].filter(Boolean).join(' · '),
        detail: provider.baseUrl && displayUrl(provider.baseUrl),
        provider,
      });
    }
  }
  return items;
}

/** Shows the provider quick pick; undefined when dismissed. */
export async function pickProvider(service: ProviderService, title: string, filter?: (p: ProviderInfo) => boolean): Promise<ProviderInfo | undefined> {
  const items = await providerPickItems(service, filter);
  if (!items.some((i) => i.provider)) {
    void vscode.window.showInformationMessage(`Switchboard: no provider fits "${title}".`);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'Type to filter providers by id, name, URL or auth', matchOnDescription: true, matchOnDetail: true });
  return picked?.provider;
}

/** The provider a command should act on: from its argument, else the user's pick. */
export async function providerFromArg(service: ProviderService, arg: unknown, title: string, filter?: (p: ProviderInfo) => boolean): Promise<ProviderInfo | undefined> {
  await service.deps.config.ready();
  if (typeof arg === 'string') {
    const found = service.findProvider(arg);
    if (found) return found;
    void vscode.window.showErrorMessage(`Switchboard: there is no provider "${arg}" in the configuration.`);
    return undefined;
  }
  const node = arg as ProviderTreeNode | undefined;
  if (node && typeof node === 'object' && node.kind === 'provider') return service.findProvider(node.provider.id) ?? node.provider;
  return pickProvider(service, title, filter);
}
