/**
 * The shared real-world corpus (/work/shared/corpus next to the repo): recorded SSE streams and
 * Codex config files. `.jsonl.txt` stream files hold one JSON event per line (vercel/ai fixtures)
 * and are re-wrapped as SSE (`data: <line>\n\n`) by `sseBodyOf`, as their harness does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../..');
export const corpusDir = path.resolve(repoRoot, '../shared/corpus');
export const sseCorpusDir = path.join(corpusDir, 'sse');

/** Every recorded stream file name (`anthropic-001-....txt`, ...), sorted. */
export function listSseFixtures(): string[] {
  return readdirSync(sseCorpusDir)
    .filter((name) => name.endsWith('.txt'))
    .sort();
}

/** The file exactly as recorded. */
export function readSseFixture(name: string): string {
  return readFileSync(path.join(sseCorpusDir, name), 'utf8');
}

/** Whether the file is JSON-per-line rather than a raw SSE body. */
export function isJsonLines(name: string): boolean {
  return name.endsWith('.jsonl.txt');
}

/** The HTTP body to replay: raw SSE as is, JSON lines wrapped as `data:` events. */
export function sseBodyOf(name: string): string {
  const text = readSseFixture(name);
  if (!isJsonLines(name)) return text;
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => `data: ${line}\n\n`)
    .join('');
}

/** The JSON payloads of a fixture in order (`[DONE]` and comments dropped), for test oracles. */
export function fixturePayloads(name: string): { event?: string; data: Record<string, unknown> }[] {
  const out: { event?: string; data: Record<string, unknown> }[] = [];
  for (const block of sseBodyOf(name).split(/\n\n+/)) {
    let event: string | undefined;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(line.startsWith('data: ') ? 6 : 5));
    }
    if (data.length === 0 || data.join('\n') === '[DONE]') continue;
    out.push({ event, data: JSON.parse(data.join('\n')) as Record<string, unknown> });
  }
  return out;
}
