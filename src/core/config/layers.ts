/**
 * A config layer: one table of config keys with where it came from. Layers are stacked lowest
 * precedence first (user file, workspace `.codex/config.toml`, workspace `codex.toml`, profile,
 * `-c` overrides) and merged key by key. The explicit and environment choices of provider/model/
 * profile are layers too, holding only those keys.
 */
import type { ConfigSource } from '../providers/providerInfo';
import type { Diagnostic, Sourced } from './resolvedConfig';
import { DiagnosticCodes, describeTomlType, makeDiagnostic, type DiagnosticLocation } from './diagnostics';
import type { PositionIndex, SourcePosition } from './locate';
import type { TomlTable } from './tomlParse';
import { isTable } from './validateTable';

export type LayerKind = 'file' | 'profile' | 'flag' | 'env' | 'explicit';

/** Top-level keys that pick things; read from every layer that has them. */
export const SELECTION_KEYS = ['model', 'model_provider', 'profile', 'openai_base_url'] as const;
export type SelectionKey = (typeof SELECTION_KEYS)[number];

export interface ConfigLayer {
  kind: LayerKind;
  /** Label used in provenance (`fieldSources`, `Sourced.source`). */
  source: ConfigSource;
  /** The file the table came from (undefined for flags and environment). */
  file?: string;
  /** Directory against which relative paths in this layer resolve. */
  baseDir: string;
  /** The layer's keys (for a legacy profile, the `[profiles.<name>]` table). */
  table: TomlTable;
  positions?: PositionIndex;
  /** Key path of `table` inside the file (`['profiles', name]` for a legacy profile). */
  prefix: string[];
  /** Whether the table came from a workspace file (a security boundary). */
  fromWorkspace: boolean;
  /** Validated top-level selection keys. */
  selection: Partial<Record<SelectionKey, Sourced<string>>>;
}

/** File and position of `path` (relative to the layer's table) for a diagnostic. */
export function locateIn(layer: ConfigLayer, path: readonly string[]): DiagnosticLocation {
  const position: SourcePosition | undefined = layer.positions?.findNearest([...layer.prefix, ...path]);
  return { file: layer.file, position };
}

/** Sourced values for the keys of one table of `layer` (walks to the table once). */
export function sourcesIn(layer: ConfigLayer, tablePath: readonly string[]): (key: string, value: unknown) => Sourced<unknown> {
  const source = layer.source;
  const file = layer.file;
  if (file === undefined) return (_key, value) => ({ value, source });
  const lines = layer.positions?.childLines(layer.prefix.length > 0 ? [...layer.prefix, ...tablePath] : tablePath);
  return (key, value) => {
    const s: Sourced<unknown> = { value, source, file };
    const line = lines?.(key);
    if (line !== undefined) s.line = line;
    return s;
  };
}

/** `sourced` with another value (same layer, file and line). */
export function withValue<T>(sourced: Omit<Sourced<unknown>, 'value'>, value: T): Sourced<T> {
  const s: Sourced<T> = { value, source: sourced.source };
  if (sourced.file !== undefined) s.file = sourced.file;
  if (sourced.line !== undefined) s.line = sourced.line;
  return s;
}

/** A Sourced value set by `layer` at `path`. */
export function sourcedFrom<T>(layer: ConfigLayer, path: readonly string[], value: T): Sourced<T> {
  const s: Sourced<T> = { value, source: layer.source };
  if (layer.file !== undefined) {
    s.file = layer.file;
    const line = layer.positions?.lineOf(layer.prefix.length > 0 ? [...layer.prefix, ...path] : path);
    if (line !== undefined) s.line = line;
  }
  return s;
}

/** Dotted key path as written in TOML, for messages (`model_providers.azure.base_url`). */
export function keyPathText(path: readonly string[]): string {
  return path.map((k) => (/^[A-Za-z0-9_-]+$/.test(k) ? k : JSON.stringify(k))).join('.');
}

/** Creates a layer and validates its selection keys (wrong types become diagnostics). */
export function createLayer(init: Omit<ConfigLayer, 'selection'>, diagnostics: Diagnostic[]): ConfigLayer {
  const layer: ConfigLayer = { ...init, selection: {} };
  for (const key of SELECTION_KEYS) {
    if (!Object.hasOwn(layer.table, key)) continue;
    if (key === 'profile' && layer.kind === 'profile') continue; // a profile does not pick a profile
    const value = layer.table[key];
    if (typeof value === 'string' && value.trim() !== '') {
      layer.selection[key] = sourcedFrom(layer, [key], value.trim());
    } else if (typeof value !== 'string') {
      const full = keyPathText([...layer.prefix, key]);
      diagnostics.push(
        makeDiagnostic('error', DiagnosticCodes.wrongType, `\`${full}\` must be a string; found ${describeTomlType(value)}. It was ignored.`, `Write it as a quoted string, e.g. ${key} = "..."`, locateIn(layer, [key])),
      );
    }
  }
  return layer;
}

/** A selection-only layer (explicit choice or environment variables). */
export function selectionLayer(kind: 'env' | 'explicit', values: Partial<Record<'model' | 'model_provider' | 'profile', string | undefined>>, baseDir: string): ConfigLayer {
  const table: TomlTable = {};
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v.trim() !== '') table[k] = v.trim();
  return createLayer({ kind, source: kind === 'env' ? 'env' : 'flag', baseDir, table, prefix: [], fromWorkspace: false }, []);
}

/** The sub-table at `key` of a layer's table, if it is a table. */
export function subTable(layer: ConfigLayer, key: string): TomlTable | undefined {
  const v = Object.hasOwn(layer.table, key) ? layer.table[key] : undefined;
  return isTable(v) ? v : undefined;
}
