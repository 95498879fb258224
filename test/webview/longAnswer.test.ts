// Long streamed answers in the real webview (headless Chromium): the view follows the newest text
// while the user is at the bottom and leaves it alone once they scroll up; finished blocks are
// grouped into off-screen-skippable chunks identically for streamed and one-shot renders.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startWebviewHarness, type ChatPage, type WebviewHarness } from '../helpers/webviewHarness';
import { deltas, done, text, transcript, turnStarted } from './hostMessages';

let harness: WebviewHarness;
before(async () => {
  harness = await startWebviewHarness();
});
after(async () => {
  await harness?.close();
});

const paragraphs = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => `Paragraph ${from + i} explains one more detail of the provider configuration.\n\n`).join('');

/** Distance (px) between the transcript's visible bottom and the end of its content. */
function distanceFromBottom(chat: ChatPage): Promise<number> {
  return chat.page.locator('.transcript').evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);
}

/** Waits until paragraph `n` is rendered, then two more frames (the view follows after layout). */
async function waitForParagraph(chat: ChatPage, n: number): Promise<void> {
  await chat.page.waitForFunction((last) => document.querySelector('.turn .markdown')?.textContent?.includes(`Paragraph ${last} `), n);
  await chat.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

test('the view follows a streaming answer while the user is at the bottom, and stays put once they scroll up', async () => {
  const chat = await harness.openChat({ viewport: { width: 420, height: 480 } });
  await chat.post(turnStarted('t1'));
  for (let i = 0; i < 40; i += 5) await chat.post(text('t1', ...deltas(paragraphs(i, 5), 23)));
  await waitForParagraph(chat, 39);
  assert.ok((await chat.page.locator('.transcript').evaluate((el) => el.scrollHeight > el.clientHeight * 2)), 'the answer overflows the view');
  assert.ok((await distanceFromBottom(chat)) < 2, 'the newest text is in view');

  await chat.page.locator('.transcript').hover();
  await chat.page.mouse.wheel(0, -600);
  await chat.page.waitForFunction(() => {
    const el = document.querySelector('.transcript')!;
    return el.scrollHeight - el.scrollTop - el.clientHeight > 300;
  });
  const readingAt = await chat.page.locator('.transcript').evaluate((el) => el.scrollTop);
  for (let i = 40; i < 60; i += 5) await chat.post(text('t1', ...deltas(paragraphs(i, 5), 23)));
  await waitForParagraph(chat, 59);
  assert.equal(await chat.page.locator('.transcript').evaluate((el) => el.scrollTop), readingAt, 'the view was not yanked to the bottom');

  await chat.page.mouse.wheel(0, 100_000);
  await chat.page.waitForFunction(() => {
    const el = document.querySelector('.transcript')!;
    return el.scrollHeight - el.scrollTop - el.clientHeight < 2;
  });
  await chat.post(text('t1', paragraphs(60, 10)));
  await waitForParagraph(chat, 69);
  assert.ok((await distanceFromBottom(chat)) < 2, 'back at the bottom, the view follows again');
});

test('a long answer groups finished blocks into chunks, keeps their nodes, and equals a one-shot render', async () => {
  const chat = await harness.openChat();
  await chat.post(turnStarted('t1'));
  const blocks = Array.from({ length: 130 }, (_, i) =>
    i % 10 === 3 ? `- item ${i}\n- more ${i}` : i % 10 === 7 ? `\`\`\`ts\nconst x${i} = ${i};\n\`\`\`` : i % 10 === 9 ? `## Heading ${i}` : `Block ${i} with \`code\` and **bold**.`,
  );
  const answer = `${blocks.join('\n\n')}\n`;
  const parts = deltas(answer, 40);
  const half = Math.floor(parts.length / 2);
  await chat.post(text('t1', ...parts.slice(0, 20)));
  const first = await chat.page.waitForSelector('.turn .markdown p');
  for (let i = 20; i < half; i += 20) await chat.post(text('t1', ...parts.slice(i, Math.min(half, i + 20))));
  for (let i = half; i < parts.length; i += 20) await chat.post(text('t1', ...parts.slice(i, i + 20)));
  await chat.post(done('t1'));
  await chat.page.waitForFunction(() => document.querySelector('.turn .markdown')?.textContent?.includes('Heading 129'));

  const markdown = chat.page.locator('.turn[data-turn-id="t1"] .markdown');
  assert.equal(await markdown.locator(':scope > .md-chunk').count(), 2, '130 blocks: two chunks of 50, the last 30 blocks loose');
  assert.equal(await markdown.locator(':scope > .md-chunk').first().evaluate((el) => el.children.length), 50);
  assert.equal(await markdown.evaluate((el) => [...el.children].filter((c) => !c.classList.contains('md-chunk')).length), 30);
  assert.equal(await first.evaluate((el) => el.isConnected && el.parentElement?.classList.contains('md-chunk')), true, 'the first block was moved into a chunk, not re-rendered');

  const streamed = await markdown.evaluate((el) => el.innerHTML);
  await chat.post(transcript([{ role: 'assistant', content: answer }]));
  await chat.page.locator('.turn[data-turn-id^="loaded-"] .markdown .md-chunk').first().waitFor();
  assert.equal(streamed, await chat.page.locator('.turn[data-turn-id^="loaded-"] .markdown').evaluate((el) => el.innerHTML));
  assert.deepEqual(await chat.problems(), []);
});
