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
import { PROVIDER_FIELD_OF } from './providerSchema';
import { readProviderTable, type ProviderLayerTable } from './providerTable';
import { finalizeProvider, type FinalizedProvider, type SourcesMode } from './finalizeProvider';
import { setLazyLine } from './lazyLine';
import { lazySourcesRecord, type FieldSourcesRecord } from './lazySources';
import { PROVIDER_CONFIG_FIELDS, SUB_FIELD_NAMES, type MergeContext, type ProviderState } from './providerFields';
import { FieldValues, slotOf } from './fieldValues';

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
 * What one provider is made of: its built-in (if any) and its accepted tables, lowest layer first.
 * A valid table is the parsed file's own table, not a copy (validateTable.ts), so keeping them for
 * provenance, asked for later, costs next to nothing.
 */
interface ProviderSeed {
  id: string;
  builtin?: ProviderInfo;
  tables: ProviderLayerTable[];
}

function builtinState(p: ProviderInfo, tables: readonly ProviderLayerTable[]): ProviderState {
  const values = new FieldValues();
  for (const f of PROVIDER_CONFIG_FIELDS) {
    const v = p[f];
    if (v !== undefined) values.set(f, typeof v === 'object' ? structuredClone(v) : v);
  }
  return { id: p.id, builtin: p, values, tables, fromWorkspace: false };
}

/** How a provider table key merges: a plain value, a map merged entry by entry, or a sub-table (`auth`, `aws`). */
interface KeyMerge {
  field: keyof ProviderInfo;
  slot: number;
  kind: 'value' | 'map' | 'sub';
  /** For a sub-table: its keys' field keys (`timeout_ms` -> `auth.timeoutMs`). */
  subKeys?: Map<string, string>;
}

/** Every provider table key's merge, worked out once. */
const KEY_MERGE = new Map<string, KeyMerge>(
  Object.entries(PROVIDER_FIELD_OF).map(([key, field]): [string, KeyMerge] => {
    const kind = field === 'auth' || field === 'aws' ? 'sub' : MAP_FIELDS.has(field) ? 'map' : 'value';
    return [key, { field, slot: slotOf(field), kind, subKeys: kind === 'sub' ? SUB_FIELD_KEYS.get(field) : undefined }];
  }),
);

/**
 * A plain-object copy of `raw` (a table, often the parsed file's own null-prototype one) on top of
 * `base`, in the file's order. Tables never hold `__proto__` keys (the parser and `-c` overrides drop them).
 */
function copyOnto(base: Record<string, unknown>, raw: Record<string, unknown>): Record<string, unknown> {
  for (const k of Object.keys(raw)) base[k] = raw[k];
  return base;
}

/** Applies one table of the provider (one of `state.tables`, in order) on top of what is merged so far. */
function applyTable(state: ProviderState, t: ProviderLayerTable): void {
  const { layer, values: table } = t;
  const values = state.values;
  for (const key of t.keys) {
    const merge = KEY_MERGE.get(key);
    if (merge === undefined) continue;
    const raw = table[key] as Record<string, unknown>;
    const prev = values.getAt(merge.slot) as Record<string, unknown> | undefined;
    if (merge.kind === 'value') {
      values.setAt(merge.slot, raw);
    } else if (merge.kind === 'map') {
      values.setAt(merge.slot, copyOnto(prev ? { ...prev } : {}, raw));
    } else {
      const merged: Record<string, unknown> = prev ? { ...prev } : {};
      for (const sub of Object.keys(raw)) {
        const name = SUB_FIELD_NAMES[sub] ?? sub;
        merged[name] = raw[sub];
        values.setSub(merge.subKeys?.get(sub) ?? `${merge.field}.${name}`, raw[sub]);
      }
      // The command runs in the directory of the file that set it.
      if (merge.field === 'auth' && typeof raw.command === 'string') merged.cwd = layer.baseDir;
      values.setAt(merge.slot, merged);
    }
    state.origins?.delete(merge.field); // a table's value replaces one from the environment
  }
  if (layer.fromWorkspace) state.fromWorkspace = true;
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

/** Merges built-ins and every layer's provider tables; `layers` lowest precedence first. */
export function mergeProviders(layers: readonly ConfigLayer[], context: MergeContext, diagnostics: Diagnostic[]): MergedProviders {
  const seeds = new Map<string, ProviderSeed>();
  for (const p of BUILTIN_PROVIDERS) seeds.set(p.id, { id: p.id, builtin: p, tables: [] });

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
      if (seed) seed.tables.push(table);
      else seeds.set(id, { id, tables: [table] });
    }
  }

  const providers: ProviderInfo[] = [];
  for (const seed of seeds.values()) providers.push(buildProvider(seed, seed.tables, context, diagnostics, 'none').provider);
  // Provenance runs the same merge again for one provider when asked; its diagnostics were reported above.
  const sourcesOf = (id: string, mode: SourcesMode): Record<string, Sourced<unknown>> => {
    const seed = seeds.get(id);
    return (seed && buildProvider(seed, seed.tables, context, [], mode).sources) ?? {};
  };
  let record: FieldSourcesRecord | undefined;
  const fieldSources = (): FieldSourcesRecord => (record ??= lazySourcesRecord([...seeds.keys()], (id) => sourcesOf(id, 'lines')));
  const sourceOf = (id: string, field: string): Sourced<unknown> | undefined => {
    const source = sourcesOf(id, 'unlined')[field];
    // The line, like every provenance line, is located when first read.
    if (source?.file !== undefined) setLazyLine(source, () => fieldSources()[id]?.[field]?.line);
    return source;
  };
  return { providers, fieldSources, sourceOf, layersOf: (id) => seeds.get(id)?.tables.map((t) => t.layer) ?? [] };
}
