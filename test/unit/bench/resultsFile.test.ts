// The benchmark results file is a contract (the README embeds latest.md; tools read latest.json):
// exactly the 11 figure ids in order, each with the documented fields and ratio = value / reference.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIGURE_IDS, type MeasuredFigure } from '../../../bench/lib/figures';
import { buildResults, currentMachine, writeResults } from '../../../bench/lib/resultsFile';

const MACHINE = { cpus: 2, cpuModel: 'Test CPU', totalMemGiB: 24, node: 'v20.0.0', platform: 'linux-x64' };

function fake(id: MeasuredFigure['id'], value: number | null, referenceValue: number | null): MeasuredFigure {
  return { id, name: `figure ${id}`, value, unit: 'ms', reference: referenceValue === null ? null : 'the peer', referenceValue };
}

test('latest.json has date, machine and exactly the 11 figure ids in contract order, each with the documented fields', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sb-bench-results-'));
  try {
    // Reported out of order, one figure missing: the file still lists all ids in order.
    const measured = [...FIGURE_IDS].reverse().filter((id) => id !== 'activation').map((id) => fake(id, 30, 20));
    const results = buildResults(measured, MACHINE, new Date('2025-01-02T03:04:05Z'));
    const { json, markdown } = writeResults(dir, results);
    const parsed = JSON.parse(readFileSync(json, 'utf8')) as Record<string, unknown>;

    assert.deepEqual(Object.keys(parsed).sort(), ['date', 'figures', 'machine']);
    assert.equal(parsed.date, '2025-01-02T03:04:05.000Z');
    assert.deepEqual(parsed.machine, MACHINE);
    const figures = parsed.figures as Record<string, unknown>[];
    assert.deepEqual(figures.map((f) => f.id), [
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
    ]);
    for (const figure of figures) {
      for (const key of ['id', 'name', 'value', 'unit', 'reference', 'referenceValue', 'ratio']) {
        assert.ok(key in figure, `${String(figure.id)} has "${key}"`);
      }
    }
    const stream = figures.find((f) => f.id === 'stream-overhead-chat')!;
    assert.equal(stream.value, 30);
    assert.equal(stream.referenceValue, 20);
    assert.equal(stream.ratio, 1.5, 'ratio = ours / reference');
    const missing = figures.find((f) => f.id === 'activation')!;
    assert.equal(missing.value, null);
    assert.equal(missing.ratio, null);
    assert.match(String(missing.note), /not measured/i);

    const table = readFileSync(markdown, 'utf8');
    for (const id of FIGURE_IDS) assert.ok(table.includes(`\`${id}\``), `latest.md lists ${id}`);
    assert.match(table, /1\.50×/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('ratio is null without a reference or when a side was not measured', () => {
  const results = buildResults(
    [fake('bundle-size', 1000, null), fake('vsix-size', null, 500), fake('config-2000', 5, 0)],
    MACHINE,
    new Date(),
  );
  const ratio = (id: string) => results.figures.find((f) => f.id === id)!.ratio;
  assert.equal(ratio('bundle-size'), null);
  assert.equal(ratio('vsix-size'), null);
  assert.equal(ratio('config-2000'), null, 'a zero reference gives no ratio rather than Infinity');
});

test('an unknown or repeated figure id is refused (the id list is a contract)', () => {
  assert.throws(() => buildResults([fake('bundle-size', 1, null), fake('bundle-size', 2, null)], MACHINE, new Date()), /reported twice/);
  const bogus = { ...fake('bundle-size', 1, null), id: 'bundle-bytes' } as unknown as MeasuredFigure;
  assert.throws(() => buildResults([bogus], MACHINE, new Date()), /Unknown benchmark figure id "bundle-bytes"/);
});

test('the machine block describes this machine', () => {
  const machine = currentMachine();
  assert.ok(machine.cpus >= 1);
  assert.ok(machine.totalMemGiB > 0);
  assert.equal(machine.node, process.version);
  assert.equal(machine.platform, `${process.platform}-${process.arch}`);
});
