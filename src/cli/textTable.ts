/**
 * Plain-text tables for terminal output: columns padded to the widest cell, two spaces apart.
 */

/** Renders `rows` under `header`, left-aligned; the last column is not padded. */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, col) => Math.max(...all.map((row) => [...(row[col] ?? '')].length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, col) => (col === row.length - 1 ? cell : cell.padEnd(widths[col])))
      .join('  ')
      .trimEnd();
  return `${all.map(line).join('\n')}\n`;
}
