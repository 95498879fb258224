/**
 * The Providers tree: groups (Built-in, User file, Workspace file), one item per provider with its
 * auth status icon, description and tooltip, and its fetched models as children. All words come
 * from core (providerItemText, authStatus); this file only maps them onto TreeItems.
 */
import * as vscode from 'vscode';
import { BUILTIN_PROVIDERS } from '../core/providers/builtins';
import type { AuthStatus, AuthStatusKind } from '../core/providers/authStatus';
import { groupProviders, type ProviderGroup } from '../core/providers/providerGroups';
import { providerItemText } from '../core/providers/providerItemText';
import type { ProviderInfo } from '../core/providers/providerInfo';
import { providerMenuFlags } from '../core/providers/providerMenuFlags';
import type { ModelListEntry } from '../core/wire/modelClient';
import type { ProviderService } from './providerService';

export type ProviderTreeNode =
  | { kind: 'group'; group: ProviderGroup }
  | { kind: 'provider'; provider: ProviderInfo; active: boolean; auth: AuthStatus; hasSecret: boolean }
  | { kind: 'model'; providerId: string; model: ModelListEntry; active: boolean };

const ICONS: Record<AuthStatusKind, vscode.ThemeIcon> = {
  env: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')),
  'secret-storage': new vscode.ThemeIcon('key', new vscode.ThemeColor('testing.iconPassed')),
  'bearer-token': new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')),
  command: new vscode.ThemeIcon('terminal'),
  aws: new vscode.ThemeIcon('cloud'),
  none: new vscode.ThemeIcon('circle-large-outline'),
  missing: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  blocked: new vscode.ThemeIcon('lock', new vscode.ThemeColor('list.warningForeground')),
};

export class ProviderTreeProvider implements vscode.TreeDataProvider<ProviderTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ProviderTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private secretIds = new Set<string>();

  constructor(private readonly service: ProviderService) {
    this.subscription = service.onDidChange(() => void this.refresh());
  }

  /** Re-reads which keys are saved, then redraws. */
  async refresh(): Promise<void> {
    const snapshot = this.service.snapshot;
    if (snapshot) this.secretIds = await this.service.deps.secrets.has(snapshot.display.providers.map((p) => p.id));
    this.changed.fire(undefined);
  }

  getChildren(node?: ProviderTreeNode): ProviderTreeNode[] {
    const snapshot = this.service.snapshot;
    if (!snapshot) return [];
    if (!node) return groupProviders(snapshot.display.providers).map((group) => ({ kind: 'group', group }));
    if (node.kind === 'group') return node.group.providers.map((p) => this.providerNode(p));
    if (node.kind === 'provider') {
      const active = this.service.current();
      return (this.service.modelsOf(node.provider.id) ?? []).map((model) => ({
        kind: 'model',
        providerId: node.provider.id,
        model,
        active: active?.provider.id === node.provider.id && active.model === model.id,
      }));
    }
    return [];
  }

  getTreeItem(node: ProviderTreeNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.group.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${node.group.id}`;
      item.contextValue = `group ${node.group.id}`;
      item.description = node.group.providers.length === 0 ? 'all customized' : String(node.group.providers.length);
      return item;
    }
    if (node.kind === 'model') {
      const item = new vscode.TreeItem(node.model.id, vscode.TreeItemCollapsibleState.None);
      item.id = `model:${node.providerId}:${node.model.id}`;
      item.description = [node.active ? '● active' : undefined, node.model.name && node.model.name !== node.model.id ? node.model.name : undefined].filter(Boolean).join(' · ');
      item.iconPath = new vscode.ThemeIcon('symbol-constant');
      item.contextValue = 'model';
      item.tooltip = `Use ${node.model.id} with ${node.providerId}`;
      item.command = { command: 'switchboard.useModel', title: 'Use this model', arguments: [node.providerId, node.model.id] };
      return item;
    }
    const models = this.service.modelsOf(node.provider.id);
    const text = providerItemText({
      provider: node.provider,
      active: node.active,
      auth: node.auth,
      modelCount: models?.length,
      customizedBuiltin: node.provider.source !== 'builtin' && BUILTIN_PROVIDERS.some((b) => b.id === node.provider.id),
      homeDir: this.service.deps.homeDir,
    });
    const item = new vscode.TreeItem(text.label, models && models.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `provider:${node.provider.id}`;
    item.description = text.description;
    item.tooltip = new vscode.MarkdownString(text.tooltip);
    item.iconPath = ICONS[node.auth.kind];
    item.contextValue = providerMenuFlags(node.provider, { active: node.active, hasSecret: node.hasSecret, auth: node.auth.kind });
    item.accessibilityInformation = { label: `${text.label}, ${text.description}` };
    return item;
  }

  private providerNode(provider: ProviderInfo): ProviderTreeNode {
    const snapshot = this.service.snapshot;
    const auth = this.service.authStatus(provider, this.secretIds.has(provider.id));
    return { kind: 'provider', provider, active: snapshot?.config.provider.value === provider.id, auth, hasSecret: this.secretIds.has(provider.id) };
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
