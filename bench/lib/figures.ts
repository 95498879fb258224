/**
 * The benchmark figures: their ids (a contract: `bench/results/latest.json` always carries exactly
 * these, in this order), and the shape of one measured figure.
 */

/** Every figure id, in table order. */
export const FIGURE_IDS = [
  'stream-overhead-chat',
  'stream-overhead-responses',
  'exec-vs-codex-wall',
  'exec-vs-codex-rss',
  'agent-overhead-per-tool-call',
  'render-100k',
  'config-2000',
  'bundle-size',
  'vsix-size',
  'activation',
  'long-session-heap',
] as const;

export type FigureId = (typeof FIGURE_IDS)[number];

/** One figure as a benchmark case measured it (before the ratio is computed). */
export interface MeasuredFigure {
  id: FigureId;
  /** What is measured, in words. */
  name: string;
  /** Switchboard's figure (a median of several runs); null when it could not be measured. */
  value: number | null;
  unit: string;
  /** What it is measured against in the same run, in words; null when there is no reference. */
  reference: string | null;
  referenceValue: number | null;
  /** Secondary numbers (RSS, per-run samples, breakdowns); free-form, for people. */
  details?: Record<string, unknown>;
  /** Why the value is missing or what to keep in mind. */
  note?: string;
}

/** A figure as written to latest.json: `ratio` = value / referenceValue (lower is better), or null. */
export interface Figure extends MeasuredFigure {
  ratio: number | null;
}

/** Facts about the machine the figures were measured on. */
export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  totalMemGiB: number;
  node: string;
  platform: string;
}

/** The whole results file. */
export interface BenchResults {
  /** ISO 8601 time the run finished. */
  date: string;
  machine: MachineInfo;
  figures: Figure[];
}

/** True for a figure id of the contract. */
export function isFigureId(id: string): id is FigureId {
  return (FIGURE_IDS as readonly string[]).includes(id);
}
