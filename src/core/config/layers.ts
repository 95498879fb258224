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
import { copyLine, setLazyLine } from './lazyLine';

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

/**
 * File and position of `path` (relative to the layer's table) for a diagnostic. The position is
 * looked up (scanning the file, once) when first read: a location made in case a diagnostic needs
 * it costs nothing until one does.
 */
export function locateIn(layer: ConfigLayer, path: readonly string[]): DiagnosticLocation {
  const positions = layer.positions;
  if (!positions) return { file: layer.file, position: undefined };
  const full = [...layer.prefix, ...path];
  let position: SourcePosition | undefined;
  let found = false;
  return {
    file: layer.file,
    get position() {
      if (!found) {
        position = positions.findNearest(full);
        found = true;
      }
      return position;
    },
  };
}

/** `sourced` with another value (same layer, file and line; a line not computed yet stays lazy). */
export function withValue<T>(sourced: Omit<Sourced<unknown>, 'value'>, value: T): Sourced<T> {
  const s: Sourced<T> = { value, source: sourced.source };
  if (sourced.file !== undefined) s.file = sourced.file;
  copyLine(sourced, s);
  return s;
}

/** A Sourced value set by `layer` at `path`; its line is computed when first read (lazyLine.ts). */
export function sourcedFrom<T>(layer: ConfigLayer, path: readonly string[], value: T): Sourced<T> {
  const s: Sourced<T> = { value, source: layer.source };
  if (layer.file !== undefined) {
    s.file = layer.file;
    const positions = layer.positions;
    if (positions) {
      const full = layer.prefix.length > 0 ? [...layer.prefix, ...path] : [...path];
      setLazyLine(s, () => positions.lineOf(full));
    }
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
