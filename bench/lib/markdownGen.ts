/**
 * Generates a long Markdown answer like a model writes one (headings, prose with inline code,
 * bold and links, nested lists, numbered steps, fenced code in several languages, tables,
 * quotes), and splits it into token-like deltas (a word with its leading space, a number, a
 * punctuation mark, or a run of line breaks), about 4 characters each, as models stream them.
 */

const WORDS = (
  'the config loader reads each layer merges provider tables and reports every problem with its file line and column so ' +
  'that a user can fix it quickly while the agent keeps streaming tokens into the chat view without blocking input ' +
  'requests retry with backoff when the gateway answers with a transient error and the idle watchdog aborts stalled streams'
).split(' ');

const CODE: Record<string, string[]> = {
  ts: [
    'export async function loadLayer(path: string): Promise<Layer> {',
    '  const text = await readFile(path, "utf8");',
    '  const table = parse(text);',
    '  return { path, table, source: "user" };',
    '}',
  ],
  python: ['def retry(fn, attempts=4):', '    for i in range(attempts):', '        try:', '            return fn()', '        except TimeoutError:', '            time.sleep(2 ** i)'],
  bash: ['export OPENAI_API_KEY=sk-...', 'switchboard providers list --json | jq ".[] | .id"', 'switchboard exec --approval auto "run the tests"'],
};

/** A deterministic pseudo-random generator (same document every run). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Splits text into token-like deltas. */
export function tokenize(text: string): string[] {
  return text.match(/ ?[A-Za-z]+| ?\d+|\n+| +|[^\sA-Za-z\d]/g) ?? [];
}

/** A Markdown document of at least `tokens` deltas; returns the text and its deltas. */
export function generateMarkdown(tokens: number, seed = 42): { text: string; deltas: string[] } {
  const random = rng(seed);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const sentence = () => {
    const n = 8 + Math.floor(random() * 14);
    const words: string[] = [];
    for (let i = 0; i < n; i++) {
      const w = pick(WORDS);
      const r = random();
      words.push(r < 0.05 ? `\`${w}()\`` : r < 0.09 ? `**${w}**` : r < 0.11 ? `[${w}](https://example.com/${w})` : w);
    }
    const text = words.join(' ');
    return `${text[0].toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = () => Array.from({ length: 2 + Math.floor(random() * 4) }, sentence).join(' ');
  const blocks: string[] = [];
  let count = 0;
  let section = 0;
  while (count < tokens) {
    const parts: string[] = [];
    section++;
    parts.push(`## ${section}. ${pick(WORDS)} and ${pick(WORDS)}`, paragraph());
    const kind = section % 5;
    if (kind === 0) parts.push(Array.from({ length: 4 }, () => `- ${sentence()}\n  - ${sentence()}`).join('\n'));
    if (kind === 1) parts.push(Array.from({ length: 5 }, (_, i) => `${i + 1}. ${sentence()}`).join('\n'));
    if (kind === 2) {
      const lang = pick(Object.keys(CODE));
      parts.push(`\`\`\`${lang}\n${CODE[lang].join('\n')}\n\`\`\``);
    }
    if (kind === 3) parts.push(['| Key | Type | Default |', '| :-- | :--: | --: |', ...Array.from({ length: 4 }, () => `| \`${pick(WORDS)}\` | string | ${pick(WORDS)} |`)].join('\n'));
    if (kind === 4) parts.push(`> ${sentence()} ${sentence()}`);
    parts.push(paragraph());
    const block = parts.join('\n\n');
    blocks.push(block);
    count += tokenize(`${block}\n\n`).length;
  }
  const text = `${blocks.join('\n\n')}\n`;
  return { text, deltas: tokenize(text) };
}
