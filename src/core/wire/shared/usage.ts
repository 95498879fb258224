/** Building `Usage` from provider numbers that may be missing or null. */
import type { Usage } from '../../../shared/streamEvents';

/** A non-negative integer, or 0 for anything else. */
export function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.round(value) : 0;
}

export function makeUsage(input: unknown, output: unknown, cached: unknown, reasoning: unknown): Usage {
  return { inputTokens: count(input), outputTokens: count(output), cachedInputTokens: count(cached), reasoningTokens: count(reasoning) };
}
