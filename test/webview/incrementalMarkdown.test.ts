// Streaming markdown in pieces must give exactly the HTML of rendering the whole answer at once,
// whatever the block mix and wherever the deltas split. Pure logic: runs in Node, no browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createMarkdownRenderer } from '../../src/webview/markdown/markdownRenderer';
import { IncrementalMarkdown } from '../../src/webview/markdown/incrementalMarkdown';
import { NewlineNormalizer } from '../../src/webview/markdown/streamSplit';

const md = createMarkdownRenderer();

/** Streams `chunks`, rendering after those flagged in `renderAfter`; returns the assembled HTML. */
function streamed(chunks: string[], renderAfter: boolean[]): { html: string; commits: number; sawReferences: boolean } {
  const incremental = new IncrementalMarkdown(md);
  let committed = '';
  let tail = '';
  let commits = 0;
  const apply = (final: boolean) => {
    const step = incremental.render(final);
    if (!step) return;
    if (step.committedHtml) commits++;
    committed += step.committedHtml;
    tail = step.tailHtml;
    if (final) assert.equal(step.openFence, undefined, 'the final render is exact, open fence included');
  };
  chunks.forEach((chunk, i) => {
    incremental.append(chunk);
    if (renderAfter[i]) apply(false);
  });
  incremental.end();
  apply(true);
  return { html: committed + tail, commits, sawReferences: incremental.sawReferences };
}

function splitAt(text: string, sizes: number[]): string[] {
  const chunks: string[] = [];
  let offset = 0;
  for (let i = 0; offset < text.length; i++) {
    const size = sizes.length > 0 ? sizes[i % sizes.length] : 1;
    chunks.push(text.slice(offset, offset + size));
    offset += size;
  }
  return chunks;
}

const word = fc.constantFrom('alpha', 'beta', '`code`', '**bold**', '_em_', 'x<y', '<script>alert(1)</script>', 'https://example.com', '[link](https://a.b/c)', '|', '#', '-', '1.', '~~~', '```', '>', '===', '---', '*');
const line = fc.array(word, { minLength: 1, maxLength: 6 }).map((ws) => ws.join(' '));
const block = fc.oneof(
  line,
  fc.tuple(line, line).map(([a, b]) => `${a}\n${b}`),
  fc.tuple(fc.integer({ min: 1, max: 6 }), line).map(([n, l]) => `${'#'.repeat(n)} ${l}`),
  line.map((l) => `${l}\n===`),
  line.map((l) => `${l}\n---`),
  fc.array(line, { minLength: 1, maxLength: 4 }).map((ls) => ls.map((l) => `- ${l}`).join('\n')),
  fc.array(line, { minLength: 1, maxLength: 4 }).map((ls) => ls.map((l) => `- ${l}`).join('\n\n')),
  fc.array(line, { minLength: 1, maxLength: 3 }).map((ls) => ls.map((l, i) => `${i + 1}. ${l}\n   - nested ${l}`).join('\n')),
  fc.tuple(fc.integer({ min: 2, max: 9 }), line).map(([n, l]) => `${n}. ${l}`),
  fc.array(line, { minLength: 1, maxLength: 3 }).map((ls) => ls.map((l) => `> ${l}`).join('\n')),
  fc.tuple(line, line).map(([a, b]) => `> ${a}\n${b}`),
  fc.constantFrom('---', '***', '    indented code\n\n    more code'),
  fc.tuple(fc.constantFrom('', 'ts', 'python', 'bash', 'unknownlang'), fc.array(line, { maxLength: 4 })).map(
    ([lang, ls]) => `\`\`\`${lang}\n${ls.join('\n\n')}\n\`\`\``,
  ),
  fc.array(line, { maxLength: 3 }).map((ls) => `~~~\n${ls.join('\n')}\n~~~`),
  fc.tuple(line, fc.constantFrom(':--', '--:', ':-:', '---'), fc.array(line, { maxLength: 3 })).map(
    ([head, align, rows]) => `| ${head} | b |\n| ${align} | --- |\n${rows.map((r) => `| ${r} | c |`).join('\n')}`,
  ),
  fc.tuple(line, line).map(([p, cell]) => `${p}\n| ${cell} | x |\n| --- | --- |\n| 1 | 2 |`),
  fc.tuple(line, line).map(([p, cell]) => `${p}\n| ${cell} |\n| -x |`),
  fc.tuple(line, line).map(([p, item]) => `${p}\n- ${item}`),
  fc.tuple(line, line).map(([p, item]) => `${p}\n1. ${item}`),
);
const separator = fc.constantFrom('\n', '\n\n', '\n\n', '\n\n\n', '\r\n\r\n');
const document = fc
  .tuple(fc.array(fc.tuple(block, separator), { minLength: 1, maxLength: 10 }), fc.boolean(), fc.boolean())
  .map(([parts, openFence, trailingNewline]) => {
    let text = parts.map(([b, s]) => b + s).join('');
    if (openFence) text += '```js\nconst open = true;\n';
    return trailingNewline ? text : text.trimEnd();
  });

test('streamed HTML equals the one-shot render for any block mix and any delta split', () => {
  fc.assert(
    fc.property(
      document,
      fc.array(fc.integer({ min: 1, max: 25 }), { minLength: 1, maxLength: 8 }),
      fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
      (text, sizes, renderPattern) => {
        const chunks = splitAt(text, sizes);
        const renderAfter = chunks.map((_, i) => renderPattern[i % renderPattern.length]);
        const result = streamed(chunks, renderAfter);
        assert.equal(result.html, md.render(text));
      },
    ),
    { numRuns: 1500 },
  );
});

test('finished blocks are committed while the answer is still streaming', () => {
  const text = '# Title\n\nFirst paragraph.\n\n- a\n- b\n\n```ts\nconst x = 1;\n```\n\nLast words';
  const chunks = splitAt(text, [3]);
  const result = streamed(chunks, chunks.map(() => true));
  assert.equal(result.html, md.render(text));
  assert.ok(result.commits >= 3, `expected several commits, got ${result.commits}`);
});

test('a table is recognized only once its delimiter row is complete', () => {
  const table = ['Intro line\n', '| a | b |\n', '| --', '- | --- |\n', '| 1 | 2 |\n'];
  const tableResult = streamed(table, table.map(() => true));
  assert.equal(tableResult.html, md.render(table.join('')));
  assert.match(tableResult.html, /<table>/);
  // `| -` alone would make `| a |` a one-column table; `| -x |` turns it back into paragraph text.
  const notTable = ['Intro\n', '| a |\n', '| -', 'x |\n'];
  const notTableResult = streamed(notTable, notTable.map(() => true));
  assert.equal(notTableResult.html, md.render(notTable.join('')));
  assert.doesNotMatch(notTableResult.html, /<table>/);
});

test('a line that only looks like a heading start stays paragraph text', () => {
  const chunks = ['Some text\n', '#', 'not a heading\n', '\nNext\n'];
  const text = chunks.join('');
  const result = streamed(chunks, chunks.map(() => true));
  assert.equal(result.html, md.render(text));
  assert.doesNotMatch(result.html, /<h1>/);
});

test('a code fence that is still open is reported apart from the tail, until it closes', () => {
  const incremental = new IncrementalMarkdown(md);
  incremental.append('Intro\n```py\n');
  assert.deepEqual(incremental.render(), { committedHtml: '', tailHtml: '<p>Intro</p>\n', openFence: { language: 'py', code: '' } });
  incremental.append('print(1)\nprint(2)\n``');
  const step = incremental.render();
  assert.equal(step?.committedHtml, '<p>Intro</p>\n');
  assert.deepEqual(step?.openFence, { language: 'py', code: 'print(1)\nprint(2)\n``' }, 'a partial closing marker is still code');
  incremental.append('`\n');
  const closed = incremental.render();
  assert.equal(closed?.openFence, undefined);
  assert.equal(closed?.committedHtml, md.render('```py\nprint(1)\nprint(2)\n```\n'), 'a closed fence is final at once');
  assert.equal(closed?.tailHtml, '');
  incremental.append('More');
  assert.deepEqual(incremental.render(), { committedHtml: '', tailHtml: '<p>More</p>\n' }, 'the closed fence is not rendered again');
  const unclosed = new IncrementalMarkdown(md);
  unclosed.append('~~~~\nstill open\n~~~\n');
  assert.deepEqual(unclosed.render()?.openFence, { language: '', code: 'still open\n~~~\n' }, 'a shorter marker does not close');
  assert.equal(unclosed.render(true)?.tailHtml, md.render('~~~~\nstill open\n~~~\n'), 'the final render is exact');
});

test('reference definitions are detected so the view can re-render once at the end', () => {
  const chunks = ['See [the docs][d].\n\n', 'More text.\n\n', '[d]: https://example.com\n'];
  assert.equal(streamed(chunks, [true, true, true]).sawReferences, true);
  assert.equal(streamed(['plain [x](https://e.com)\n\nmore\n\n'], [true]).sawReferences, false);
});

test('CRLF split across deltas normalizes like markdown-it', () => {
  const normalizer = new NewlineNormalizer();
  const out = normalizer.push('a\r') + normalizer.push('\nb\r') + normalizer.push('c\r') + normalizer.end();
  assert.equal(out, 'a\nb\nc\n');
});

test('blocks above a blank line are final while the next paragraph is still on its first line, except a list', () => {
  const incremental = new IncrementalMarkdown(md);
  incremental.append('# Title\n\nFirst paragraph.\n\nThe second paragraph is still stream');
  const step = incremental.render();
  assert.equal(step?.committedHtml, md.render('# Title\n\nFirst paragraph.\n'), 'heading and first paragraph are final');
  assert.equal(step?.tailHtml, '<p>The second paragraph is still stream</p>\n');

  const list = new IncrementalMarkdown(md);
  list.append('Intro.\n\n- one\n- two\n\n-');
  assert.equal(list.render()?.committedHtml, '<p>Intro.</p>\n', 'a list stays open: the next line may be another item');
  list.append(' three\n');
  assert.equal(list.render(true)?.tailHtml, md.render('- one\n- two\n\n- three\n'), 'the item joined the list, which became loose');
});
