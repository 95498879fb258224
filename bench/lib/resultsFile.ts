/**
 * Turns measured figures into the results file: `bench/results/latest.json`
 * (`{date, machine, figures: [{id, name, value, unit, reference, referenceValue, ratio, ...}]}`,
 * exactly the ids of FIGURE_IDS, in that order) and `latest.md` (the same as a Markdown table).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { FIGURE_IDS, isFigureId, type BenchResults, type Figure, type MachineInfo, type MeasuredFigure } from './figures';

/** The machine this process runs on. */
export function currentMachine(): MachineInfo {
  const list = cpus();
  return {
    cpus: list.length,
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    totalMemGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

/** value / referenceValue, to 3 significant decimals; null unless both are positive numbers. */
export function ratioOf(value: number | null, referenceValue: number | null): number | null {
  if (value === null || referenceValue === null || !Number.isFinite(value) || !Number.isFinite(referenceValue)) return null;
  if (referenceValue <= 0 || value < 0) return null;
  return Math.round((value / referenceValue) * 1000) / 1000;
}

/**
 * Builds the results: one figure per id of FIGURE_IDS in contract order; an id nobody measured
 * gets value null and a note. Throws on an unknown or repeated id (a bug in a benchmark case).
 */
export function buildResults(measured: readonly MeasuredFigure[], machine: MachineInfo, date: Date): BenchResults {
  const byId = new Map<string, MeasuredFigure>();
  for (const figure of measured) {
    if (!isFigureId(figure.id)) throw new Error(`Unknown benchmark figure id "${String(figure.id)}"; the ids are: ${FIGURE_IDS.join(', ')}.`);
    if (byId.has(figure.id)) throw new Error(`Benchmark figure "${figure.id}" was reported twice.`);
    byId.set(figure.id, figure);
  }
  const figures: Figure[] = FIGURE_IDS.map((id) => {
    const found = byId.get(id);
    if (!found) {
      return { id, name: id, value: null, unit: '', reference: null, referenceValue: null, ratio: null, note: 'Not measured in this run.' };
    }
    return {
      id,
      name: found.name,
      value: found.value,
      unit: found.unit,
      reference: found.reference,
      referenceValue: found.referenceValue,
      ratio: ratioOf(found.value, found.referenceValue),
      ...(found.details && { details: found.details }),
      ...(found.note && { note: found.note }),
    };
  });
  return { date: date.toISOString(), machine, figures };
}

/** A number for people: bytes in KiB/MiB, others with sensible decimals. */
export function formatValue(value: number | null, unit: string): string {
  if (value === null) return 'n/a';
  if (unit === 'bytes') {
    if (value >= 1024 * 1024) return `${(value / 1024 / 1024).toFixed(2)} MiB`;
    if (value >= 1024) return `${(value / 1024).toFixed(1)} KiB`;
    return `${value} B`;
  }
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The figures as a Markdown table (what the README embeds). */
export function renderMarkdown(results: BenchResults): string {
  const m = results.machine;
  const lines = [
    `Measured ${results.date.slice(0, 16).replace('T', ' ')} UTC on ${m.cpus}× ${m.cpuModel}, ${m.totalMemGiB} GiB, Node ${m.node}, ${m.platform}. Medians of several runs; ratio = ours / reference (lower is better).`,
    '',
    '| Figure | Switchboard | Reference | Ratio |',
    '| --- | --: | --- | --: |',
  ];
  for (const f of results.figures) {
    const reference = f.reference === null ? '—' : `${formatValue(f.referenceValue, f.unit)} (${f.reference})`;
    const ratio = f.ratio === null ? '—' : `${f.ratio.toFixed(2)}×`;
    const value = formatValue(f.value, f.unit) + (f.value === null && f.note ? ` (${truncate(f.note, 200)})` : '');
    lines.push(`| \`${f.id}\`: ${cell(f.name)} | ${cell(value)} | ${cell(reference)} | ${ratio} |`);
  }
  return `${lines.join('\n')}\n`;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A plain-text table for the terminal. */
export function renderText(results: BenchResults): string {
  const rows = results.figures.map((f) => [
    f.id,
    formatValue(f.value, f.unit),
    f.reference === null ? '—' : formatValue(f.referenceValue, f.unit),
    f.ratio === null ? '—' : `${f.ratio.toFixed(2)}x`,
    truncate(f.value === null ? (f.note ?? '') : (f.reference ?? ''), 110),
  ]);
  const header = ['figure', 'switchboard', 'reference', 'ratio', 'reference is / note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 1 || i === 2 || i === 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n';
}

/** Writes latest.json and latest.md into `dir` (created if needed); returns their paths. */
export function writeResults(dir: string, results: BenchResults): { json: string; markdown: string } {
  mkdirSync(dir, { recursive: true });
  const json = join(dir, 'latest.json');
  const markdown = join(dir, 'latest.md');
  writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(markdown, renderMarkdown(results));
  return { json, markdown };
}
