/**
 * "Select Model": which models to offer and what picking one means. Offers the active provider's
 * fetched models, its default_model and the current model, other providers' fetched models
 * (picking one switches provider too), and free text. Never keeps a provider that is known not to
 * serve the picked model without asking.
 */
import type { ModelListEntry } from '../wire/modelClient';
import type { ProviderInfo } from './providerInfo';

export interface ModelChoice {
  model: string;
  providerId: string;
  /** Why it is offered. */
  origin: 'current' | 'default' | 'listed';
  /** Display name from the provider's list, when given. */
  name?: string;
}

export interface ModelChoicesInput {
  activeProviderId: string;
  providers: readonly ProviderInfo[];
  /** Fetched model lists by provider id (only providers where "List models" ran). */
  modelLists: Readonly<Record<string, readonly ModelListEntry[]>>;
  currentModel?: string;
}

/** Choices in display order: active provider first (current, default, listed), then other providers' lists. */
export function modelChoices(input: ModelChoicesInput): ModelChoice[] {
  const out: ModelChoice[] = [];
  const seen = new Set<string>();
  const add = (choice: ModelChoice) => {
    const key = `${choice.providerId}\n${choice.model}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(choice);
  };
  const active = input.providers.find((p) => p.id === input.activeProviderId);
  const activeList = input.modelLists[input.activeProviderId];
  if (input.currentModel) add({ model: input.currentModel, providerId: input.activeProviderId, origin: 'current' });
  if (active?.defaultModel) add({ model: active.defaultModel, providerId: input.activeProviderId, origin: 'default' });
  for (const entry of activeList ?? []) add({ model: entry.id, providerId: input.activeProviderId, origin: 'listed', name: entry.name });
  for (const provider of input.providers) {
    if (provider.id === input.activeProviderId) continue;
    for (const entry of input.modelLists[provider.id] ?? []) add({ model: entry.id, providerId: provider.id, origin: 'listed', name: entry.name });
  }
  return out;
}

export type ModelPickOutcome =
  | { kind: 'apply'; providerId: string; model: string }
  /** Ask the user; each option is a full (provider, model) pair, the first one recommended. */
  | { kind: 'confirm'; message: string; options: { label: string; providerId: string; model: string }[] };

/** What picking `choice` (or typing `typed`) means for the (provider, model) selection. */
export function decideModelPick(
  pick: { choice: ModelChoice } | { typed: string },
  input: { activeProviderId: string; modelLists: Readonly<Record<string, readonly ModelListEntry[]>> },
): ModelPickOutcome {
  if ('choice' in pick) return { kind: 'apply', providerId: pick.choice.providerId, model: pick.choice.model };
  const model = pick.typed.trim();
  const activeList = input.modelLists[input.activeProviderId];
  if (!activeList || activeList.some((m) => m.id === model)) return { kind: 'apply', providerId: input.activeProviderId, model };
  const servers = Object.entries(input.modelLists)
    .filter(([id, list]) => id !== input.activeProviderId && list.some((m) => m.id === model))
    .map(([id]) => id);
  const keep = { label: `Use "${model}" with ${input.activeProviderId} anyway`, providerId: input.activeProviderId, model };
  if (servers.length > 0) {
    return {
      kind: 'confirm',
      message: `"${model}" is not in ${input.activeProviderId}'s model list, but ${servers.join(', ')} lists it.`,
      options: [...servers.map((id) => ({ label: `Switch to ${id} and use "${model}"`, providerId: id, model })), keep],
    };
  }
  return { kind: 'confirm', message: `"${model}" is not in ${input.activeProviderId}'s model list.`, options: [keep] };
}

/**
 * Whether pressing Enter in the model picker means "use the typed name" rather than the
 * highlighted row: when a name was typed and the row does not contain it (the picker may not have
 * caught up with the typing yet), or when no row is highlighted.
 */
export function prefersTypedName(rowLabel: string | undefined, typed: string): boolean {
  const value = typed.trim().toLowerCase();
  if (!value) return false;
  return rowLabel === undefined || !rowLabel.toLowerCase().includes(value);
}
