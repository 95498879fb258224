/**
 * Merges the built-in providers with the `[model_providers.<id>]` tables of every layer, key by
 * key (a workspace table that sets only `base_url` keeps the user file's other keys; maps and the
 * `auth`/`aws` sub-tables merge entry by entry). Which layer set each field is worked out from the
 * tables when provenance is first read.
 */
import { BUILTIN_PROVIDERS } from '../providers/builtins';
import type { ProviderInfo } from '../providers/providerInfo';
import type { Diagnostic, Sourced } from './resolvedConfig';
import { DiagnosticCodes, makeDiagnostic } from './diagnostics';
import { locateIn, subTable, type ConfigLayer } from './layers';
import { PROVIDER_FIELD_OF, type ProviderTableKey } from './providerSchema';
import { readProviderTable, type ProviderLayerTable } from './providerTable';
import { finalizeProvider, type FinalizedProvider, type SourcesMode } from './finalizeProvider';
import { setLazyLine } from './lazyLine';
import { lazySourcesRecord, type FieldSourcesRecord } from './lazySources';
import { PROVIDER_CONFIG_FIELDS, SUB_FIELD_NAMES, type MergeContext, type ProviderState } from './providerFields';
import { FieldValues } from './fieldValues';

const MAP_FIELDS = new Set(['httpHeaders', 'envHttpHeaders', 'queryParams']);
/** `auth.command`, `aws.region`...: the field keys of sub-table keys, made once. */
const SUB_FIELD_KEYS = new Map<string, Map<string, string>>(
  ['auth', 'aws'].map((field) => [field, new Map(Object.entries(SUB_FIELD_NAMES).map(([sub, name]) => [sub, `${field}.${name}`]))]),
);

export interface MergedProviders {
  providers: ProviderInfo[];
  /**
   * Makes (once) the provenance record: per provider id, which layer set each field. Each
   * provider's entry is computed when first read (lazySources.ts): provenance needs the line of
   * every key, i.e. a scan of the file's text.
   */
  fieldSources: () => FieldSourcesRecord;
  /** The provenance of one field of one provider, as `fieldSources` has it, without scanning the file now. */
  sourceOf: (id: string, field: string) => Sourced<unknown> | undefined;
  /** The layers whose table for provider `id` was accepted, lowest first (for positions in later diagnostics). */
  layersOf: (id: string) => readonly ConfigLayer[];
}

/**
 * What one provider is made of: its built-in (if any) and the layers whose table for it was
 * accepted, lowest first. `tables` holds the validated tables only while the load merges them;
 * provenance, asked for later, reads and validates them again from the layers, so a loaded config
 * does not keep a second copy of every table.
 */
interface ProviderSeed {
  id: string;
  builtin?: ProviderInfo;
  layers: ConfigLayer[];
  tables?: ProviderLayerTable[];
}

function builtinState(p: ProviderInfo, tables: readonly ProviderLayerTable[]): ProviderState {
  const values = new FieldValues();
  for (const f of PROVIDER_CONFIG_FIELDS) {
    const v = p[f];
    if (v !== undefined) values.set(f, typeof v === 'object' ? structuredClone(v) : v);
  }
  return { id: p.id, builtin: p, values, tables, fromWorkspace: false };
}

/** Applies one table of the provider (one of `state.tables`, in order) on top of what is merged so far. */
function applyTable(state: ProviderState, t: ProviderLayerTable): void {
  const { layer, values: table } = t;
  for (const key of Object.keys(table)) {
    const field = PROVIDER_FIELD_OF[key as ProviderTableKey];
    if (!field) continue;
    const raw = table[key];
    let value: unknown = raw;
    if (MAP_FIELDS.has(field)) {
      const prev = state.values.get(field) as object | undefined;
      value = prev ? { ...prev, ...(raw as object) } : { ...(raw as object) };
    } else if (field === 'auth' || field === 'aws') {
      const prev = state.values.get(field) as object | undefined;
      const merged: Record<string, unknown> = prev ? { ...prev } : {};
      const subKeys = SUB_FIELD_KEYS.get(field);
      const subTable = raw as Record<string, unknown>;
      for (const sub of Object.keys(subTable)) {
        const name = SUB_FIELD_NAMES[sub] ?? sub;
        merged[name] = subTable[sub];
        if (sub !== 'cwd') state.values.set(subKeys?.get(sub) ?? `${field}.${name}`, subTable[sub]);
      }
      value = merged;
    }
    state.values.set(field, value);
    state.origins?.delete(field); // a table's value replaces one from the environment
  }
  state.fromWorkspace ||= layer.fromWorkspace;
}

/**
 * Merges one provider: built-in values, the environment's base URL for a built-in, then every
 * table. Deterministic, so it can run again later for the provenance (`sources`) alone.
 */
function buildProvider(seed: ProviderSeed, tables: readonly ProviderLayerTable[], context: MergeContext, diagnostics: Diagnostic[], sources: SourcesMode): FinalizedProvider {
  const state: ProviderState = seed.builtin ? builtinState(seed.builtin, tables) : { id: seed.id, values: new FieldValues(), tables, fromWorkspace: false };
  const url = seed.builtin ? context.builtinBaseUrls.get(seed.id) : undefined;
  if (url) {
    state.values.set('baseUrl', url.value);
    state.origins = new Map([['baseUrl', url]]);
    if (url.fromWorkspace) state.fromWorkspace = true; // `openai_base_url` in a workspace file
  }
  for (const t of tables) applyTable(state, t);
  return finalizeProvider(state, context, diagnostics, sources);
}

/** The provider's tables read again from its layers (all were accepted when loaded). */
function rereadTables(seed: ProviderSeed, context: MergeContext): ProviderLayerTable[] {
  const tables: ProviderLayerTable[] = [];
  for (const layer of seed.layers) {
    const table = readProviderTable(layer, seed.id, subTable(layer, 'model_providers')?.[seed.id], context, []);
    if (table) tables.push(table);
  }
  return tables;
}

/** Merges built-ins and every layer's provider tables; `layers` lowest precedence first. */
export function mergeProviders(layers: readonly ConfigLayer[], context: MergeContext, diagnostics: Diagnostic[]): MergedProviders {
  const seeds = new Map<string, ProviderSeed>();
  for (const p of BUILTIN_PROVIDERS) seeds.set(p.id, { id: p.id, builtin: p, layers: [] });

  for (const layer of layers) {
    if (!Object.hasOwn(layer.table, 'model_providers')) continue;
    const providers = subTable(layer, 'model_providers');
    if (!providers) {
      diagnostics.push(
        makeDiagnostic('error', DiagnosticCodes.wrongType, '`model_providers` must be a table of provider tables; it is ignored.', 'Define providers as [model_providers.<id>] tables.', locateIn(layer, ['model_providers'])),
      );
      continue;
    }
    for (const id of Object.keys(providers)) {
      const table = readProviderTable(layer, id, providers[id], context, diagnostics);
      if (!table) continue;
      const seed = seeds.get(id);
      if (!seed) {
        seeds.set(id, { id, layers: [layer], tables: [table] });
      } else {
        seed.layers.push(layer);
        if (seed.tables) seed.tables.push(table);
        else seed.tables = [table];
      }
    }
  }

  const providers: ProviderInfo[] = [];
  for (const seed of seeds.values()) {
    providers.push(buildProvider(seed, seed.tables ?? [], context, diagnostics, 'none').provider);
    seed.tables = undefined;
  }
  // Provenance runs the same merge again for one provider when asked; its diagnostics were reported above.
  const sourcesOf = (id: string, mode: SourcesMode): Record<string, Sourced<unknown>> => {
    const seed = seeds.get(id);
    return (seed && buildProvider(seed, rereadTables(seed, context), context, [], mode).sources) ?? {};
  };
  let record: FieldSourcesRecord | undefined;
  const fieldSources = (): FieldSourcesRecord => (record ??= lazySourcesRecord([...seeds.keys()], (id) => sourcesOf(id, 'lines')));
  const sourceOf = (id: string, field: string): Sourced<unknown> | undefined => {
    const source = sourcesOf(id, 'unlined')[field];
    // The line, like every provenance line, is located when first read.
    if (source?.file !== undefined) setLazyLine(source, () => fieldSources()[id]?.[field]?.line);
    return source;
  };
  return { providers, fieldSources, sourceOf, layersOf: (id) => seeds.get(id)?.layers ?? [] };
}
