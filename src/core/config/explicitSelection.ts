/**
 * The explicit layer in VS Code: `switchboard.provider/model/profile` settings plus the choices made
 * with Select Provider/Model/Profile (saved per workspace). The most recent action wins: a pick
 * overrides the setting, and changing a setting drops the pick for that field.
 */
import type { ExplicitChoice } from './resolvedConfig';
import type { ExplicitOrigin } from './sourceWords';

export interface Selection {
  provider?: string;
  model?: string;
  profile?: string;
}

export type SelectionField = keyof Selection;
export const SELECTION_FIELDS: readonly SelectionField[] = ['provider', 'model', 'profile'];

function clean(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}

/** Combines settings and picks into the explicit choice, and says where each field came from. */
export function mergeExplicit(settings: Selection, picks: Selection): { choice: ExplicitChoice; origins: Partial<Record<SelectionField, ExplicitOrigin>> } {
  const choice: ExplicitChoice = {};
  const origins: Partial<Record<SelectionField, ExplicitOrigin>> = {};
  for (const field of SELECTION_FIELDS) {
    const picked = clean(picks[field]);
    const set = clean(settings[field]);
    if (picked !== undefined) {
      choice[field] = picked;
      origins[field] = 'pick';
    } else if (set !== undefined) {
      choice[field] = set;
      origins[field] = 'setting';
    }
  }
  return { choice, origins };
}

/** Picks after the user changed some `switchboard.*` settings: the setting now wins for those fields. */
export function dropPicksForChangedSettings(picks: Selection, changed: readonly SelectionField[]): Selection {
  const next: Selection = { ...picks };
  for (const field of changed) delete next[field];
  return next;
}

/**
 * Picks after "Select Provider": the provider, and its default_model when it has one (so the pair
 * is coherent); otherwise the model pick is dropped and the config's model chain applies.
 */
export function pickProvider(picks: Selection, providerId: string, defaultModel: string | undefined): Selection {
  const next: Selection = { ...picks, provider: providerId };
  if (defaultModel) next.model = defaultModel;
  else delete next.model;
  return next;
}

/**
 * Picks after "Select Model": the model and the provider that serves it are saved together, so a
 * later config change cannot pair the model with a provider that does not serve it.
 */
export function pickModel(picks: Selection, providerId: string, model: string): Selection {
  return { ...picks, provider: providerId, model };
}

/** Picks after "Select Profile"; `undefined` drops the pick so the config decides. A new profile drops provider/model picks. */
export function pickProfile(picks: Selection, profile: string | undefined): Selection {
  if (profile === undefined) {
    const next = { ...picks };
    delete next.profile;
    return next;
  }
  return { profile };
}
