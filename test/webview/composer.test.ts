// The message box: Enter / Shift+Enter / Esc, attachments, @file completion and the saved draft.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { toWebview, type Attachment } from '../../src/shared/webviewProtocol';
import { startWebviewHarness, type WebviewHarness } from '../helpers/webviewHarness';
import { turnEnded, turnStarted } from './hostMessages';

let harness: WebviewHarness;
before(async () => {
  harness = await startWebviewHarness();
});
after(async () => {
  await harness?.close();
});

const INPUT = 'textarea[aria-label="Message Switchboard"]';

test('Shift+Enter adds a line and Enter sends the message, which appears in the transcript', async () => {
  const chat = await harness.openChat();
  const input = chat.page.locator(INPUT);
  await input.click();
  await chat.page.keyboard.type('First line');
  await chat.page.keyboard.press('Shift+Enter');
  await chat.page.keyboard.type('second line');
  assert.equal(await input.inputValue(), 'First line\nsecond line');
  assert.equal((await chat.posted()).some((m) => m.type === 'sendMessage'), false);

  await chat.page.keyboard.press('Enter');
  assert.deepEqual((await chat.waitForPosted('sendMessage')).params, { text: 'First line\nsecond line', attachments: [] });
  assert.equal(await input.inputValue(), '');
  assert.equal(await chat.page.locator('.user-message .user-text').textContent(), 'First line\nsecond line');

  await chat.page.keyboard.press('Enter');
  assert.equal((await chat.posted()).filter((m) => m.type === 'sendMessage').length, 1, 'an empty box sends nothing');
});

test('while a turn runs, Enter does not send, Esc and the Stop button post stop for that turn', async () => {
  const chat = await harness.openChat();
  await chat.page.keyboard.press('Escape');
  await chat.post(turnStarted('t7'));
  const button = chat.page.getByRole('button', { name: 'Stop (Esc)' });
  await button.waitFor();
  assert.equal((await chat.posted()).some((m) => m.type === 'stop'), false, 'Esc while idle posts nothing');

  await chat.page.locator(INPUT).fill('queued question');
  await chat.page.locator(INPUT).press('Enter');
  await chat.page.keyboard.press('Escape');
  assert.deepEqual((await chat.waitForPosted('stop')).params, { turnId: 't7' });
  assert.equal((await chat.posted()).some((m) => m.type === 'sendMessage'), false);
  assert.equal(await chat.page.locator(INPUT).inputValue(), 'queued question', 'the text stays for later');

  await chat.clearPosted();
  await button.click();
  await chat.waitForPosted('stop');
  await chat.post(turnEnded('t7'));
  await chat.page.getByRole('button', { name: 'Send (Enter)' }).waitFor();
});

test('@file completion asks the host, navigates with arrows, picks with Enter and attaches the file', async () => {
  const chat = await harness.openChat();
  await chat.page.locator(INPUT).click();
  await chat.page.keyboard.type('Explain @con');
  const request = await chat.waitForPosted('requestFileCompletions', { query: 'con' });
  const stale = await chat.waitForPosted('requestFileCompletions', { query: 'co' });
  await chat.post(toWebview.fileCompletions.create({ requestId: stale.params.requestId, items: [{ path: 'stale.ts' }] }));
  await chat.post(toWebview.fileCompletions.create({
    requestId: request.params.requestId,
    items: [{ path: 'src/core/config/loadConfig.ts' }, { path: 'src/core/config/resolvedConfig.ts', description: 'core/config' }],
  }));
  const list = chat.page.getByRole('listbox', { name: 'Files' });
  await list.getByRole('option').nth(1).waitFor();
  assert.deepEqual(await list.locator('.completion-label').allTextContents(), ['loadConfig.ts', 'resolvedConfig.ts'], 'the stale answer was ignored');
  assert.equal(await chat.page.locator(INPUT).getAttribute('aria-activedescendant'), 'file-completions-0');

  await chat.page.keyboard.press('ArrowDown');
  assert.equal(await list.getByRole('option', { selected: true }).locator('.completion-label').textContent(), 'resolvedConfig.ts');
  await chat.page.keyboard.press('Enter');
  assert.equal(await chat.page.locator(INPUT).inputValue(), 'Explain @src/core/config/resolvedConfig.ts ');
  assert.deepEqual((await chat.waitForPosted('attachContext')).params, { source: 'path', path: 'src/core/config/resolvedConfig.ts' });
  assert.equal(await list.isHidden(), true);
  assert.equal((await chat.posted()).some((m) => m.type === 'sendMessage'), false, 'Enter picked, it did not send');

  // Tab picks too.
  await chat.clearPosted();
  await chat.page.keyboard.type('and @');
  const second = await chat.waitForPosted('requestFileCompletions', { query: '' });
  await chat.post(toWebview.fileCompletions.create({ requestId: second.params.requestId, items: [{ path: 'README.md' }] }));
  await list.getByRole('option').first().waitFor();
  await chat.page.keyboard.press('Tab');
  assert.equal(await chat.page.locator(INPUT).inputValue(), 'Explain @src/core/config/resolvedConfig.ts and @README.md ');
});

test('attachment chips show the host list, can be removed, and go with the message', async () => {
  const chat = await harness.openChat();
  await chat.page.getByRole('button', { name: 'Attach active file' }).click();
  await chat.waitForPosted('attachContext', { source: 'activeFile' });
  await chat.page.getByRole('button', { name: 'Attach selection' }).click();
  await chat.waitForPosted('attachContext', { source: 'selection' });
  await chat.page.getByRole('button', { name: 'Attach files…' }).click();
  await chat.waitForPosted('attachContext', { source: 'pickFiles' });

  const attachments: Attachment[] = [
    { id: 'a1', kind: 'file', label: 'main.ts', path: 'src/main.ts' },
    { id: 'a2', kind: 'selection', label: 'app.ts:10-24', path: 'src/app.ts', range: { startLine: 10, endLine: 24 } },
  ];
  await chat.post(toWebview.attachments.create({ attachments }));
  const chips = chat.page.getByRole('list', { name: 'Attachments' });
  await chips.getByRole('listitem').nth(1).waitFor();
  await chips.getByRole('button', { name: 'Remove main.ts' }).click();
  assert.deepEqual((await chat.waitForPosted('removeAttachment')).params, { id: 'a1' });
  assert.deepEqual(await chips.locator('.chip-label').allTextContents(), ['app.ts:10-24']);

  await chat.page.locator(INPUT).fill('What does this do?');
  await chat.page.locator(INPUT).press('Enter');
  assert.deepEqual((await chat.waitForPosted('sendMessage')).params, { text: 'What does this do?', attachments: [attachments[1]] });
  assert.equal(await chips.isHidden(), true, 'chips clear after sending');
  assert.equal(await chat.page.locator('.user-message .message-attachment').textContent(), 'app.ts:10-24');
});

test('the draft is saved with setState and restored when the webview is shown again', async () => {
  const chat = await harness.openChat();
  await chat.page.locator(INPUT).fill('half-written thought');
  assert.deepEqual(await chat.savedState(), { draft: 'half-written thought' });

  const reopened = await harness.openChat({ state: { draft: 'half-written thought' } });
  assert.equal(await reopened.page.locator(INPUT).inputValue(), 'half-written thought');
  assert.deepEqual((await reopened.posted()).map((m) => m.type), ['ready'], 'it asks the host to resend everything else');
});

test('Escape closes an open @file list first; only the next Escape stops the running turn', async () => {
  const chat = await harness.openChat();
  await chat.post(turnStarted('t1'));
  await chat.page.getByRole('button', { name: 'Stop (Esc)' }).waitFor();
  await chat.page.locator(INPUT).click();
  await chat.page.keyboard.type('see @READ');
  const request = await chat.waitForPosted('requestFileCompletions', { query: 'READ' });
  await chat.post(toWebview.fileCompletions.create({ requestId: request.params.requestId, items: [{ path: 'README.md' }] }));
  const list = chat.page.getByRole('listbox', { name: 'Files' });
  await list.getByRole('option').first().waitFor();
  await chat.page.keyboard.press('Escape');
  await list.waitFor({ state: 'hidden' });
  assert.equal((await chat.posted()).some((m) => m.type === 'stop'), false);
  await chat.page.keyboard.press('Escape');
  await chat.waitForPosted('stop', { turnId: 't1' });
});
