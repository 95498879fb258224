/**
 * How a benchmark group (bench/<group>.ts, run by scripts/runBench.mjs) hands its figures back:
 * one `BENCH_FIGURES <json array>` line on stdout. A group that fails still reports its figures,
 * with value null and the reason in `note`.
 */
import type { FigureId, MeasuredFigure } from './figures';

export const FIGURES_MARKER = 'BENCH_FIGURES ';

/** Prints the figures for the runner. */
export function emitFigures(figures: MeasuredFigure[]): void {
  process.stdout.write(`\n${FIGURES_MARKER}${JSON.stringify(figures)}\n`);
}

/** A figure that could not be measured. */
export function unmeasured(id: FigureId, name: string, unit: string, reason: string): MeasuredFigure {
  return { id, name, value: null, unit, reference: null, referenceValue: null, note: reason };
}

/** Progress for people, on stderr (stdout carries the result line). */
export function progress(message: string): void {
  process.stderr.write(`  ${message}\n`);
}

/** The first line of an error, for a figure's note. */
export function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0].slice(0, 300);
}
