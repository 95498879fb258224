/** Small statistics for benchmark samples. */

/** The median of `samples` (mean of the middle two for an even count); NaN when empty. */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Rounds to `digits` decimals (for readable JSON). */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Bytes to MiB, rounded to 1 decimal. */
export function mib(bytes: number): number {
  return round(bytes / 1024 / 1024, 1);
}

/** Samples rounded for the `details` of a figure. */
export function roundAll(samples: readonly number[], digits = 1): number[] {
  return samples.map((s) => round(s, digits));
}
