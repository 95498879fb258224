// Streaming answers in the real webview (headless Chromium): Markdown renders as it streams,
// finished blocks are never re-rendered, and the end result equals a one-shot render.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startWebviewHarness, type ChatPage, type WebviewHarness } from '../helpers/webviewHarness';
import { deltas, done, sessionState, text, transcript, turnEnded, turnStarted } from './hostMessages';

let harness: WebviewHarness;
before(async () => {
  harness = await startWebviewHarness();
});
after(async () => {
  await harness?.close();
});

const ANSWER = [
  '# Plan',
  '',
  'We change `loadConfig` so that **workspace** files apply only when trusted.',
  '',
  '## Steps',
  '',
  '1. Read the user file',
  '2. Merge the workspace file',
  '   - only when trusted',
  '3. Validate',
  '',
  '| Key | Type | Default |',
  '| :-- | :--: | --: |',
  '| `wire_api` | string | responses |',
  '| `request_max_retries` | number | 4 |',
  '',
  '```ts',
  'export function isTrusted(path: string): boolean {',
  '  const x = 1;',
  '',
  '  return path.startsWith("/work");',
  '}',
  '```',
  '',
  '> Note: nothing is read from disk twice.',
  '',
  'Done — see [the docs](https://example.com/docs).',
].join('\n');

async function streamAnswer(chat: ChatPage, turnId: string, answer: string, chunkSize: number, perMessage: number): Promise<void> {
  const parts = deltas(answer, chunkSize);
  for (let i = 0; i < parts.length; i += perMessage) {
    await chat.post(text(turnId, ...parts.slice(i, i + perMessage)));
  }
}

/** innerHTML of the answer's markdown segment. */
async function markdownHtml(chat: ChatPage, selector: string): Promise<string> {
  return chat.page.locator(selector).first().evaluate((el) => el.innerHTML);
}

test('streamed Markdown renders headings, lists, tables, inline code and highlighted code, and equals a one-shot render', async () => {
  const chat = await harness.openChat();
  await chat.post(sessionState());
  await chat.post(turnStarted('t1'));
  await streamAnswer(chat, 't1', ANSWER, 7, 3);
  await chat.post(done('t1'));
  await chat.post(turnEnded('t1'));
  const answer = chat.page.locator('.turn[data-turn-id="t1"] .markdown');
  await answer.locator('a[href="https://example.com/docs"]').waitFor();

  assert.equal(await answer.locator('h1').textContent(), 'Plan');
  assert.equal(await answer.locator('h2').textContent(), 'Steps');
  assert.equal(await answer.locator('ol > li').count(), 3);
  assert.equal(await answer.locator('ol ul > li').textContent(), 'only when trusted');
  assert.deepEqual(await answer.locator('th').allTextContents(), ['Key', 'Type', 'Default']);
  assert.deepEqual(await answer.locator('th').evaluateAll((cells) => cells.map((c) => c.className)), ['align-left', 'align-center', 'align-right']);
  assert.equal(await answer.locator('p code').first().textContent(), 'loadConfig');
  assert.ok((await answer.locator('.code-block[data-language="ts"] code .hljs-keyword').count()) >= 2, 'TypeScript keywords are highlighted');
  assert.equal(await answer.locator('blockquote').count(), 1);

  const streamed = await markdownHtml(chat, '.turn[data-turn-id="t1"] .markdown');
  await chat.post(transcript([{ role: 'user', content: 'Plan it' }, { role: 'assistant', content: ANSWER }]));
  await chat.page.locator('.turn[data-turn-id^="loaded-"] .markdown h1').waitFor();
  const oneShot = await markdownHtml(chat, '.turn[data-turn-id^="loaded-"] .markdown');
  assert.equal(streamed, oneShot);
  assert.deepEqual(await chat.problems(), [], 'no CSP violations or page errors');
});

test('a finished block keeps the very same DOM node while later deltas arrive; only the open tail is replaced', async () => {
  const chat = await harness.openChat();
  await chat.post(turnStarted('t1'));
  await chat.post(text('t1', '# Title\n\nFirst paragraph.\n\nSecond'));
  const heading = await chat.page.waitForSelector('.turn .markdown h1');
  const tailBefore = await chat.page.waitForSelector('.turn .markdown p:nth-of-type(2)');
  assert.equal(await tailBefore.textContent(), 'Second');

  await chat.post(text('t1', ' paragraph grows', '\n\n- item one\n- item two\n\n', '```js\nlet a = 1;\n```\n\nMore text'));
  await chat.page.waitForSelector('.turn .markdown .code-block');
  await chat.page.waitForFunction(() => document.querySelector('.turn .markdown > p:last-child')?.textContent === 'More text');

  assert.equal(await heading.evaluate((el) => el.isConnected && document.querySelector('.turn .markdown h1') === el), true, 'the heading node was not replaced');
  assert.equal(await tailBefore.evaluate((el) => el.isConnected), false, 'the open paragraph was re-rendered');
  const firstParagraph = await chat.page.$('.turn .markdown p');
  await chat.post(text('t1', ' and even more'));
  await chat.page.waitForFunction(() => document.querySelector('.turn .markdown > p:last-child')?.textContent === 'More text and even more');
  assert.equal(await firstParagraph!.evaluate((el) => el.isConnected), true);
});

test('deltas are coalesced: hundreds of messages cause only a few DOM updates', async () => {
  const chat = await harness.openChat();
  await chat.post(turnStarted('t1'));
  await chat.post(text('t1', 'Start'));
  await chat.page.waitForSelector('.turn .markdown p');
  const updates = await chat.page.evaluate(async () => {
    const target = document.querySelector('.turn .markdown')!;
    let callbacks = 0;
    const observer = new MutationObserver(() => callbacks++);
    observer.observe(target, { childList: true, subtree: true, characterData: true });
    for (let i = 0; i < 400; i++) {
      window.postMessage({ type: 'streamEvents', params: { turnId: 't1', events: [{ type: 'text-delta', text: ` w${i}` }] } }, '*');
    }
    await new Promise<void>((done) => {
      const check = () => (target.textContent?.trimEnd().endsWith(' w399') ? done() : requestAnimationFrame(check));
      check();
    });
    observer.disconnect();
    return callbacks;
  });
  assert.ok(updates < 40, `expected a handful of frame updates, got ${updates}`);
});

test('raw HTML and unsafe links from the model are shown as text, never injected', async () => {
  const chat = await harness.openChat();
  await chat.post(turnStarted('t1'));
  const hostile = [
    '<script>window.__pwned = 1</script>',
    '',
    '<img src=x onerror="window.__pwned = 2">',
    '',
    'Inline <b onmouseover="window.__pwned = 3">bold?</b> and [click](javascript:window.__pwned=4) and <a href="https://x">a</a>',
    '',
    '![tracker](https://evil.example/pixel.png)',
    '',
    'end',
  ].join('\n');
  await chat.post(text('t1', ...deltas(hostile, 5)));
  await chat.post(done('t1'));
  const answer = chat.page.locator('.turn .markdown');
  await chat.page.waitForFunction(() => document.querySelector('.turn .markdown > p:last-child')?.textContent === 'end');

  assert.equal(await answer.locator('script, img, b, iframe, [onerror], [onmouseover]').count(), 0);
  const shown = (await answer.textContent()) ?? '';
  assert.ok(shown.includes('<script>window.__pwned = 1</script>'), 'the script tag is visible as text');
  assert.ok(shown.includes('<img src=x onerror="window.__pwned = 2">'));
  assert.equal(await answer.locator('a[href^="javascript:"]').count(), 0);
  assert.equal(await answer.locator('a.md-image').getAttribute('href'), 'https://evil.example/pixel.png', 'images become links, not loads');
  assert.equal(await chat.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  assert.deepEqual(await chat.problems(), []);
});

test('a long code block is extended in place while it streams and rendered exactly when it closes', async () => {
  const chat = await harness.openChat();
  await chat.post(turnStarted('t1'));
  const lines = Array.from({ length: 120 }, (_, i) => `const value${i} = compute(${i}); // step ${i}`);
  await chat.post(text('t1', 'Code:\n\n```ts\n', `${lines.slice(0, 50).join('\n')}\n`));
  const block = await chat.page.waitForSelector('.turn .markdown .code-block');
  const code = chat.page.locator('.turn .markdown .code-block code');
  await chat.page.waitForFunction(() => document.querySelector('.turn .markdown .code-block code')?.textContent?.includes('step 49'));
  assert.equal(await code.textContent(), `${lines.slice(0, 50).join('\n')}\n`);
  const firstToken = await chat.page.waitForSelector('.turn .markdown .code-block code .hljs-keyword');

  for (let i = 50; i < 120; i += 10) await chat.post(text('t1', `${lines.slice(i, i + 10).join('\n')}\n`));
  await chat.page.waitForFunction(() => document.querySelector('.turn .markdown .code-block code')?.textContent?.includes('step 119'));
  assert.equal(await block.evaluate((el) => el.isConnected), true, 'the open block was extended, not rebuilt');
  assert.equal(await firstToken.evaluate((el) => el.isConnected), true, 'earlier lines were not re-highlighted');
  assert.equal(await code.textContent(), `${lines.join('\n')}\n`);

  await chat.post(text('t1', '```\n\nAfter.'));
  await chat.post(done('t1'));
  await chat.page.waitForFunction(() => document.querySelector('.turn .markdown > p:last-child')?.textContent === 'After.');
  const streamed = await markdownHtml(chat, '.turn[data-turn-id="t1"] .markdown');
  await chat.post(transcript([{ role: 'assistant', content: `Code:\n\n\`\`\`ts\n${lines.join('\n')}\n\`\`\`\n\nAfter.` }]));
  await chat.page.locator('.turn[data-turn-id^="loaded-"] .code-block').waitFor();
  assert.equal(streamed, await markdownHtml(chat, '.turn[data-turn-id^="loaded-"] .markdown'));
});
