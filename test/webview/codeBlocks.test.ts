// Code block buttons and links in the webview: copy uses the clipboard (host fallback when it is
// refused), insert / open-as-new-file post the exact code and language, links go to the host.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startWebviewHarness, type ChatPage, type WebviewHarness } from '../helpers/webviewHarness';
import { done, text, turnStarted } from './hostMessages';

let harness: WebviewHarness;
before(async () => {
  harness = await startWebviewHarness();
});
after(async () => {
  await harness?.close();
});

const PYTHON = 'def greet(name):\n    # say hi <b>&amp;</b>\n    return f"Hello, {name}!"\n\n\nprint(greet("world"))';
const SHELL = 'npm install --save-dev @vscode/codicons\necho "done" | tee log.txt';
const ANSWER = `Here you go:\n\n\`\`\`python\n${PYTHON}\n\`\`\`\n\nand then run\n\n\`\`\`\n${SHELL}\n\`\`\`\n\nSee [docs](https://example.com/a?b=1) or [the file](src/core/ports.ts).\n`;

async function chatWithAnswer(): Promise<ChatPage> {
  const chat = await harness.openChat();
  await chat.post(turnStarted('t1'));
  await chat.post(text('t1', ANSWER.slice(0, 40), ANSWER.slice(40, 90), ANSWER.slice(90)));
  await chat.post(done('t1'));
  await chat.page.locator('.turn .markdown a').nth(1).waitFor();
  return chat;
}

test('Insert at cursor and Open in new file post the exact code and its language', async () => {
  const chat = await chatWithAnswer();
  await chat.page.locator('.code-block').nth(0).getByRole('button', { name: 'Insert at cursor' }).click();
  assert.deepEqual((await chat.waitForPosted('codeBlockAction', { action: 'insert' })).params, { action: 'insert', code: PYTHON, language: 'python' });
  await chat.page.locator('.code-block').nth(1).getByRole('button', { name: 'Open in new file' }).click();
  const newFile = await chat.waitForPosted('codeBlockAction', { action: 'newFile' });
  assert.equal(newFile.params.code, SHELL);
  assert.equal(newFile.params.language, undefined, 'a fence without a language sends none');
});

test('Copy writes the exact code to the clipboard without involving the host', async () => {
  const chat = await chatWithAnswer();
  await chat.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harness.origin });
  await chat.page.locator('.code-block').nth(0).getByRole('button', { name: 'Copy code' }).click();
  await chat.page.locator('.code-block').nth(0).getByRole('button', { name: 'Copied' }).waitFor();
  assert.equal(await chat.page.evaluate(() => navigator.clipboard.readText()), PYTHON);
  assert.equal((await chat.posted()).some((m) => m.type === 'codeBlockAction'), false);
});

test('Copy falls back to the host when the webview clipboard refuses', async () => {
  const chat = await chatWithAnswer();
  await chat.page.evaluate(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
  });
  await chat.page.locator('.code-block').nth(1).getByRole('button', { name: 'Copy code' }).click();
  assert.deepEqual((await chat.waitForPosted('codeBlockAction', { action: 'copy' })).params, { action: 'copy', code: SHELL });
});

test('clicking a link asks the host to open it and never navigates the webview', async () => {
  const chat = await chatWithAnswer();
  const url = chat.page.url();
  await chat.page.getByRole('link', { name: 'docs' }).click();
  await chat.waitForPosted('openLink', { href: 'https://example.com/a?b=1' });
  await chat.page.getByRole('link', { name: 'the file' }).click();
  await chat.waitForPosted('openLink', { href: 'src/core/ports.ts' });
  assert.equal(chat.page.url(), url);
});
