/**
 * `ResolvedConfig.settings`: the other top-level keys (approval_policy, sandbox_mode,
 * model_reasoning_effort, mcp_servers, features, ...) merged key by key across layers, lowest
 * first, so a profile or `-c` override changes only what it sets. Unknown keys are kept as they
 * are: Switchboard tolerates every Codex setting.
 */
import type { ConfigLayer } from './layers';
import { isTable } from './validateTable';

/** Keys the engine consumes itself; they are not repeated in `settings`. */
const CONSUMED_KEYS = new Set(['model', 'model_provider', 'profile', 'openai_base_url', 'model_providers', 'profiles', 'projects']);

/** A JSON-friendly plain copy: plain objects, dates as ISO strings. */
export function toPlainValue(value: unknown): unknown {
  if (value instanceof Date) {
    try {
      return value.toISOString();
    } catch {
      return String(value);
    }
  }
  if (Array.isArray(value)) return value.map(toPlainValue);
  if (isTable(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toPlainValue(v);
    return out;
  }
  return value;
}

function mergeInto(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (isTable(existing) && isTable(value)) mergeInto(existing, value);
    else target[key] = toPlainValue(value);
  }
}

/** Merges the non-provider top-level keys of `layers` (lowest precedence first). */
export function mergeSettings(layers: readonly ConfigLayer[]): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const layer of layers) {
    const own: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(layer.table)) if (!CONSUMED_KEYS.has(key)) own[key] = value;
    mergeInto(settings, own);
  }
  return settings;
}
