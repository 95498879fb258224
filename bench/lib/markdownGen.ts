/**
 * Generates a long Markdown answer like a model writes one (headings, prose with inline code and
 * bold, bullet and numbered lists, fenced code in several languages, tables, quotes, and now and
 * then a ~150-line listing, the worst case for highlighting while streaming), and splits it into
 * token-sized pieces (up to 4 visible characters with their leading whitespace), as models
 * stream them. Deterministic: every run streams the same answer.
 */

/** Deterministic pseudo-random numbers (mulberry32), so every run streams the same answer. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = 'the provider config request stream token model retry header value file workspace agent tool answer error result key table path cache client server response delay limit update change option default'.split(' ');
const CODE = {
  ts: ['export async function fetchWithRetry(url: string, init: RequestInit, attempts = 3): Promise<Response> {', '  for (let attempt = 1; ; attempt++) {', '    const response = await fetch(url, init);', '    if (response.status !== 429 || attempt === attempts) return response;', '    await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 250));', '  }', '}'],
  python: ['def load_config(path: str) -> dict:', '    """Read a TOML file and merge the defaults."""', '    with open(path, "rb") as handle:', '        data = tomllib.load(handle)', '    return {**DEFAULTS, **data}', '', 'print(load_config("config.toml"))'],
  bash: ['set -euo pipefail', 'export OPENAI_API_KEY="$(security find-generic-password -s openai -w)"', 'for file in src/*.ts; do', '  echo "checking $file"', 'done'],
} as const;

/** A long, varied, LLM-like Markdown answer with at least `tokens` tokens. */
function longAnswer(tokens: number): string {
  const rand = random(42);
  const pick = <T,>(items: readonly T[]) => items[Math.floor(rand() * items.length)];
  const sentence = () => {
    const words = Array.from({ length: 8 + Math.floor(rand() * 14) }, () => pick(WORDS));
    if (rand() < 0.3) words[2] = `\`${words[2]}\``;
    if (rand() < 0.2) words[5] = `**${words[5]}**`;
    return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
  };
  const blocks: string[] = [];
  let section = 0;
  while (tokenize(blocks.join('\n\n')).length < tokens) {
    section++;
    blocks.push(`## ${section}. ${sentence().slice(0, 40)}`);
    blocks.push(Array.from({ length: 3 + Math.floor(rand() * 4) }, sentence).join(' '));
    blocks.push(Array.from({ length: 3 + Math.floor(rand() * 4) }, (_, i) => (section % 2 ? `- ${sentence()}` : `${i + 1}. ${sentence()}`)).join('\n'));
    const language = pick(Object.keys(CODE) as (keyof typeof CODE)[]);
    blocks.push(`\`\`\`${language}\n${CODE[language].join('\n')}\n\`\`\``);
    blocks.push(Array.from({ length: 2 + Math.floor(rand() * 3) }, sentence).join(' '));
    if (section % 4 === 0) blocks.push(`| Key | Value | Note |\n| --- | :-: | --: |\n${Array.from({ length: 4 }, () => `| \`${pick(WORDS)}\` | ${pick(WORDS)} | ${pick(WORDS)} |`).join('\n')}`);
    if (section % 5 === 0) blocks.push(`> ${sentence()} ${sentence()}`);
    if (section % 10 === 0) {
      // Now and then a long listing (~150 lines), the worst case for highlighting while streaming.
      const body = Array.from({ length: 150 }, (_, i) => (i % 12 === 11 ? '' : `  ${CODE.ts[1 + (i % 5)].trim()} // ${pick(WORDS)} ${i}`));
      blocks.push(`\`\`\`ts\nexport class Listing${section} {\n${body.join('\n')}\n}\n\`\`\``);
    }
  }
  return `${blocks.join('\n\n')}\n`;
}

/** Splits text into token-sized pieces (up to 4 visible characters, with their leading whitespace). */
export function tokenize(text: string): string[] {
  return text.match(/\s*[^\s]{1,4}|\s+/g) ?? [];
}

/** A Markdown answer of at least `tokens` tokens: its text and its token-sized pieces. */
export function generateMarkdown(tokens: number): { text: string; tokens: string[] } {
  const text = longAnswer(tokens);
  return { text, tokens: tokenize(text) };
}
