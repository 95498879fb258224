/**
 * Merges the built-in providers with the `[model_providers.<id>]` tables of every layer, key by
 * key (a workspace table that sets only `base_url` keeps the user file's other keys; maps and the
 * `auth`/`aws` sub-tables merge entry by entry), recording which layer set each field.
 */
import { BUILTIN_PROVIDERS } from '../providers/builtins';
import type { ProviderInfo } from '../providers/providerInfo';
import type { Diagnostic, Sourced } from './resolvedConfig';
import { DiagnosticCodes, makeDiagnostic } from './diagnostics';
import { locateIn, sourcesIn, subTable, withValue, type ConfigLayer } from './layers';
import { PROVIDER_FIELD_OF, type ProviderTableKey } from './providerSchema';
import { readProviderTable, type ProviderLayerTable } from './providerTable';
import { finalizeProvider } from './finalizeProvider';
import { PROVIDER_CONFIG_FIELDS, type FieldState, type MergeContext, type ProviderState } from './providerFields';

const MAP_FIELDS = new Set(['httpHeaders', 'envHttpHeaders', 'queryParams']);
const SUB_FIELD_NAMES: Record<string, string> = {
  command: 'command',
  args: 'args',
  timeout_ms: 'timeoutMs',
  refresh_interval_ms: 'refreshIntervalMs',
  cwd: 'cwd',
  profile: 'profile',
  region: 'region',
};

export interface MergedProviders {
  providers: ProviderInfo[];
  fieldSources: Record<string, Record<string, Sourced<unknown>>>;
  /** Per provider id, the accepted tables lowest layer first (for positions in later diagnostics). */
  tables: Map<string, ProviderLayerTable[]>;
}

function builtinState(p: ProviderInfo): ProviderState {
  const fields = new Map<string, FieldState>();
  for (const f of PROVIDER_CONFIG_FIELDS) {
    const v = p[f];
    if (v === undefined) continue;
    fields.set(f, { value: typeof v === 'object' ? structuredClone(v) : v, source: 'builtin' });
  }
  return { id: p.id, builtin: p, fields, tables: [], fromWorkspace: false };
}

function applyTable(state: ProviderState, t: ProviderLayerTable): void {
  const { layer, values, id } = t;
  const sourced = sourcesIn(layer, ['model_providers', id]);
  for (const key of Object.keys(values)) {
    const field = PROVIDER_FIELD_OF[key as ProviderTableKey];
    if (!field) continue;
    const raw = values[key];
    let value: unknown = raw;
    if (MAP_FIELDS.has(field)) {
      value = { ...((state.fields.get(field)?.value as object | undefined) ?? {}), ...(raw as object) };
    } else if (field === 'auth' || field === 'aws') {
      const merged: Record<string, unknown> = { ...((state.fields.get(field)?.value as object | undefined) ?? {}) };
      const sourcedSub = sourcesIn(layer, ['model_providers', id, key]);
      for (const [sub, subValue] of Object.entries(raw as Record<string, unknown>)) {
        const name = SUB_FIELD_NAMES[sub] ?? sub;
        merged[name] = subValue;
        if (sub !== 'cwd') state.fields.set(`${field}.${name}`, sourcedSub(sub, subValue));
      }
      value = merged;
    }
    state.fields.set(field, sourced(key, value));
  }
  state.tables.push(t);
  state.fromWorkspace ||= layer.fromWorkspace;
}

function applyBuiltinBaseUrls(states: Map<string, ProviderState>, context: MergeContext): void {
  for (const [id, { fromWorkspace, ...sourced }] of context.builtinBaseUrls) {
    const state = states.get(id);
    if (!state) continue;
    state.fields.set('baseUrl', withValue(sourced, sourced.value));
    if (fromWorkspace) state.fromWorkspace = true; // `openai_base_url` in a workspace file
  }
}

/** Merges built-ins and every layer's provider tables; `layers` lowest precedence first. */
export function mergeProviders(layers: readonly ConfigLayer[], context: MergeContext, diagnostics: Diagnostic[]): MergedProviders {
  const states = new Map<string, ProviderState>();
  for (const p of BUILTIN_PROVIDERS) states.set(p.id, builtinState(p));
  applyBuiltinBaseUrls(states, context);

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
      let state = states.get(id);
      if (!state) {
        state = { id, fields: new Map(), tables: [], fromWorkspace: false };
        states.set(id, state);
      }
      applyTable(state, table);
    }
  }

  const providers: ProviderInfo[] = [];
  const fieldSources: Record<string, Record<string, Sourced<unknown>>> = {};
  const tables = new Map<string, ProviderLayerTable[]>();
  for (const state of states.values()) {
    const { provider, sources } = finalizeProvider(state, context, diagnostics);
    providers.push(provider);
    fieldSources[state.id] = sources;
    tables.set(state.id, state.tables);
  }
  return { providers, fieldSources, tables };
}
