/**
 * Picks the active provider and the effective model from the layers, highest precedence first:
 * explicit choice, `-c` overrides, environment (`SWITCHBOARD_*`), profile, workspace files, user
 * file; then the default provider / the provider's `default_model`. A `model_provider` naming a
 * provider that does not exist is an error and the next layer's choice applies.
 */
import { DEFAULT_PROVIDER_ID } from '../providers/builtins';
import type { ProviderInfo } from '../providers/providerInfo';
import type { Diagnostic, Sourced } from './resolvedConfig';
import { DiagnosticCodes, closestMatch, makeDiagnostic, type DiagnosticLocation } from './diagnostics';
import { locateIn, type ConfigLayer, type SelectionKey } from './layers';
import { copyLine } from './lazyLine';

/** A chosen value and where to point diagnostics about it. */
export interface Choice<T> {
  sourced: Sourced<T>;
  at: DiagnosticLocation;
  /** Words for who chose it, e.g. "SWITCHBOARD_PROVIDER". */
  origin: string;
}

const ENV_NAMES: Record<string, string> = { model: 'SWITCHBOARD_MODEL', model_provider: 'SWITCHBOARD_PROVIDER', profile: 'SWITCHBOARD_PROFILE' };
const EXPLICIT_NAMES: Record<string, string> = { model: 'the chosen model', model_provider: 'the chosen provider', profile: 'the chosen profile' };

function originOf(layer: ConfigLayer, key: SelectionKey): string {
  switch (layer.kind) {
    case 'explicit':
      return EXPLICIT_NAMES[key] ?? key;
    case 'env':
      return ENV_NAMES[key] ?? key;
    case 'flag':
      return `-c ${key}`;
    default:
      return `\`${[...layer.prefix, key].join('.')}\` in ${layer.file ?? 'config'}`;
  }
}

/** Every layer's value for `key`, highest precedence first. */
export function choicesFor(layersHighFirst: readonly ConfigLayer[], key: SelectionKey): Choice<string>[] {
  const out: Choice<string>[] = [];
  for (const layer of layersHighFirst) {
    const sourced = layer.selection[key];
    if (sourced) out.push({ sourced, at: locateIn(layer, [key]), origin: originOf(layer, key) });
  }
  return out;
}

function listIds(ids: string[]): string {
  const shown = ids.slice(0, 20).map((id) => `"${id}"`).join(', ');
  return ids.length > 20 ? `${shown} and ${ids.length - 20} more` : shown;
}

/** The active provider: the first existing choice, else the default. */
export function chooseProvider(layersHighFirst: readonly ConfigLayer[], providers: readonly ProviderInfo[], diagnostics: Diagnostic[]): Choice<string> {
  for (const choice of choicesFor(layersHighFirst, 'model_provider')) {
    const id = choice.sourced.value;
    if (providers.some((p) => p.id === id)) return choice;
    const ids = providers.map((p) => p.id);
    const close = closestMatch(id, ids);
    diagnostics.push(
      makeDiagnostic(
        'error',
        DiagnosticCodes.unknownProvider,
        `Provider "${id}" (from ${choice.origin}) does not exist; it is ignored. Defined providers: ${listIds(ids)}.`,
        close ? `Did you mean "${close}"? Otherwise define it as [model_providers.${id}] with a base_url.` : `Define it as [model_providers.${id}] with a base_url, or choose one of the defined providers.`,
        choice.at,
      ),
    );
  }
  return { sourced: { value: DEFAULT_PROVIDER_ID, source: 'builtin' }, at: {}, origin: 'the built-in default' };
}

/**
 * The effective model: the first layer that sets `model`, else the provider's `default_model`
 * (`defaultModelSourceOf` gives its provenance; called only then).
 */
export function chooseModel(
  layersHighFirst: readonly ConfigLayer[],
  provider: ProviderInfo | undefined,
  defaultModelSourceOf: () => Sourced<unknown> | undefined,
): { sourced: Sourced<string | undefined>; at: DiagnosticLocation } {
  const first = choicesFor(layersHighFirst, 'model')[0];
  if (first) return { sourced: first.sourced, at: first.at };
  if (provider?.defaultModel !== undefined) {
    const defaultModelSource = defaultModelSourceOf();
    const s: Sourced<string | undefined> = { value: provider.defaultModel, source: defaultModelSource?.source ?? 'builtin' };
    if (defaultModelSource?.file !== undefined) s.file = defaultModelSource.file;
    if (defaultModelSource) copyLine(defaultModelSource, s);
    return { sourced: s, at: {} };
  }
  return { sourced: { value: undefined, source: 'builtin' }, at: {} };
}
