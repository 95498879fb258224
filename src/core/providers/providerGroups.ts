/**
 * Groups providers for the Providers tree by where they come from: Built-in, User file,
 * Workspace file (and Overrides for the rare explicit `-c` definitions).
 */
import type { ProviderInfo } from './providerInfo';

export type ProviderGroupId = 'builtin' | 'user' | 'workspace' | 'override';

export interface ProviderGroup {
  id: ProviderGroupId;
  label: string;
  providers: ProviderInfo[];
}

const LABELS: Record<ProviderGroupId, string> = {
  builtin: 'Built-in',
  user: 'User file',
  workspace: 'Workspace file',
  override: 'Overrides',
};

/** The group a provider belongs to: the layer that last touched its definition. */
export function groupOf(provider: ProviderInfo): ProviderGroupId {
  if (provider.fromWorkspace || provider.source === 'workspace') return 'workspace';
  switch (provider.source) {
    case 'builtin':
      return 'builtin';
    case 'user':
    case 'profile':
      return 'user';
    default:
      return 'override';
  }
}

/**
 * Groups in a fixed order (Built-in, User file, Workspace file, Overrides). Built-in is always
 * present (even if every built-in is customized); other groups only when non-empty. Providers
 * keep their order within a group.
 */
export function groupProviders(providers: readonly ProviderInfo[]): ProviderGroup[] {
  const order: ProviderGroupId[] = ['builtin', 'user', 'workspace', 'override'];
  const groups = order.map((id) => ({ id, label: LABELS[id], providers: providers.filter((p) => groupOf(p) === id) }));
  return groups.filter((g) => g.id === 'builtin' || g.providers.length > 0);
}
