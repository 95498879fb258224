// Header pickers and session history in the webview, and its resilience to malformed host messages.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { toWebview } from '../../src/shared/webviewProtocol';
import { startWebviewHarness, type WebviewHarness } from '../helpers/webviewHarness';
import { sessionState, text, transcript, turnStarted } from './hostMessages';

let harness: WebviewHarness;
before(async () => {
  harness = await startWebviewHarness();
});
after(async () => {
  await harness?.close();
});

test('the pickers show the session state and ask the host for changes', async () => {
  const chat = await harness.openChat();
  await chat.post(sessionState({ model: 'my-fine-tune' }));
  const provider = chat.page.getByRole('combobox', { name: 'Provider' });
  const model = chat.page.getByRole('combobox', { name: 'Model' });
  const mode = chat.page.getByRole('combobox', { name: 'Approval mode' });
  await chat.page.waitForFunction(() => document.querySelector<HTMLSelectElement>('select[aria-label="Model"]')?.value === 'my-fine-tune');
  assert.equal(await provider.inputValue(), 'anthropic');
  assert.deepEqual(await model.locator('option').allTextContents(), ['my-fine-tune', 'claude-sonnet-4-5', 'claude-opus-4-1'], 'an unlisted current model is still shown');
  assert.equal(await mode.inputValue(), 'on-request');

  await provider.selectOption('openai');
  assert.deepEqual((await chat.waitForPosted('pickProvider')).params, { providerId: 'openai' });
  await model.selectOption('claude-opus-4-1');
  assert.deepEqual((await chat.waitForPosted('pickModel')).params, { model: 'claude-opus-4-1' });
  await mode.selectOption('never');
  assert.deepEqual((await chat.waitForPosted('setApprovalMode')).params, { mode: 'never' });

  await chat.post(sessionState({ provider: { id: 'openai', name: 'OpenAI' }, model: 'gpt-5' }));
  await chat.page.waitForFunction(() => document.querySelector<HTMLSelectElement>('select[aria-label="Model"]')?.value === 'gpt-5');
  assert.deepEqual(await model.locator('option').allTextContents(), ['gpt-5', 'gpt-5-mini']);

  await chat.page.getByRole('button', { name: 'New session' }).click();
  await chat.waitForPosted('newSession');
});

test('session history lists sessions, opens and deletes them, and closes with Escape', async () => {
  const chat = await harness.openChat();
  const historyButton = chat.page.getByRole('button', { name: 'Session history' });
  await historyButton.click();
  await chat.waitForPosted('listSessions');
  assert.equal(await historyButton.getAttribute('aria-pressed'), 'true');
  await chat.post(toWebview.sessionList.create({
    currentSessionId: 's2',
    sessions: [
      { id: 's2', title: 'Fix the config loader', updatedAt: Date.UTC(2025, 0, 2, 10, 0), model: 'gpt-5' },
      { id: 's1', title: 'Explain ports.ts', updatedAt: Date.UTC(2025, 0, 1, 9, 30) },
    ],
  }));
  const list = chat.page.getByRole('list', { name: 'Saved sessions' });
  await list.getByRole('listitem').nth(1).waitFor();
  assert.equal(await chat.page.locator('.transcript').isHidden(), true, 'the history replaces the transcript');
  await list.getByRole('button', { name: 'Delete session Explain ports.ts' }).click();
  assert.deepEqual((await chat.waitForPosted('deleteSession')).params, { id: 's1' });
  await list.getByRole('button', { name: /Explain ports\.ts/ }).first().click();
  assert.deepEqual((await chat.waitForPosted('openSession')).params, { id: 's1' });
  await chat.page.locator('.transcript').waitFor();

  await historyButton.click();
  await list.waitFor();
  await chat.page.keyboard.press('Escape');
  await chat.page.locator('.history').waitFor({ state: 'hidden' });
  assert.equal((await chat.posted()).some((m) => m.type === 'stop'), false);
});

test('malformed host messages are dropped and logged, and the UI keeps working', async () => {
  const chat = await harness.openChat();
  await chat.post(turnStarted('t1'));
  const junk: unknown[] = [
    null,
    'streamEvents',
    42,
    [],
    { type: 'noSuchMessage', params: {} },
    { type: 'streamEvents' },
    { type: 'streamEvents', params: { turnId: 't1', events: [] } },
    { type: 'streamEvents', params: { turnId: 't1', events: [{ type: 'text-delta', text: 7 }] } },
    { type: 'streamEvents', params: { turnId: 't1', events: [{ type: 'explode' }] } },
    { type: 'error', params: { error: { kind: 'weird', message: 'x' } } },
    { type: 'sessionState', params: { provider: 'openai' } },
    { type: 'toString', params: {} },
    { type: '__proto__', params: {} },
  ];
  for (const message of junk) await chat.post(message);
  await chat.post(text('no-such-turn', 'lost'));
  await chat.post(text('t1', '**still** working'));
  await chat.page.locator('.turn .markdown strong').waitFor();
  const logs = (await chat.posted()).filter((m) => m.type === 'log');
  assert.equal(logs.length, junk.length + 1, 'each dropped message is logged to the host once');
  assert.ok(logs.every((m) => m.type === 'log' && m.params.level === 'warn'));
  assert.ok(logs.some((m) => m.type === 'log' && /unknown type "noSuchMessage"/.test(m.params.message)));
  assert.ok(logs.some((m) => m.type === 'log' && /unknown turn "no-such-turn"/.test(m.params.message)));
  assert.equal(await chat.page.locator('.error-card').count(), 0);
  assert.equal(await chat.page.locator('.turn .markdown').textContent(), 'still working\n');
  assert.deepEqual(await chat.problems(), []);
});

test('a transcript load replaces the conversation (resume), including tool calls and results', async () => {
  const chat = await harness.openChat();
  await chat.post(turnStarted('t1'));
  await chat.post(text('t1', 'old stuff'));
  await chat.post(toWebview.transcript.create({
    sessionId: 's9',
    sessionUsage: { inputTokens: 900, outputTokens: 120, cachedInputTokens: 0, reasoningTokens: 0 },
    messages: [
      { role: 'system', content: 'You are a coding agent.' },
      { role: 'user', content: 'List the files' },
      { role: 'assistant', content: '', reasoning: 'I should call **list_dir**.', toolCalls: [{ id: 'c1', name: 'list_dir', arguments: '{"path":"src"}' }] },
      { role: 'tool', toolCallId: 'c1', name: 'list_dir', content: 'core/\nshared/' },
      { role: 'assistant', content: 'There are `core` and `shared`.' },
      { role: 'user', content: 'Thanks' },
    ],
  }));
  await chat.page.locator('.tool-card[data-tool-id="c1"][data-status="done"]').waitFor();
  assert.equal(await chat.page.getByText('old stuff').count(), 0);
  assert.deepEqual(await chat.page.locator('.user-message .user-text').allTextContents(), ['List the files', 'Thanks']);
  assert.equal(await chat.page.locator('.turn').count(), 1);
  assert.equal(await chat.page.locator('details.reasoning').getAttribute('open'), null, 'reasoning is collapsed');
  assert.equal(await chat.page.locator('details.reasoning strong').textContent(), 'list_dir');
  assert.equal(await chat.page.locator('.tool-card .tool-summary').textContent(), 'src');
  assert.deepEqual(await chat.page.locator('.turn .markdown:not(.reasoning-text) code').allTextContents(), ['core', 'shared']);
  assert.equal(await chat.page.locator('.session-usage').textContent(), 'Session: 900 in · 120 out');
  await chat.post(transcript([]));
  await chat.page.locator('.welcome').waitFor();
});

test('a reloaded session shows its saved errors and notes where they happened, with their fix buttons', async () => {
  const chat = await harness.openChat();
  await chat.post(toWebview.transcript.create({
    messages: [
      { role: 'user', content: 'First' },
      { role: 'assistant', content: 'Half an ans' },
      { role: 'user', content: 'Second' },
      { role: 'user', content: 'Third' },
      { role: 'assistant', content: 'Done.' },
    ],
    notes: [
      { afterMessage: 2, text: 'Stopped.' },
      { afterMessage: 3, error: { kind: 'auth', message: 'The provider rejected the API key.', actions: ['setApiKey'] } },
    ],
  }));
  await chat.page.locator('.turn .error-card').waitFor();
  const turns = chat.page.locator('.turn');
  assert.equal(await turns.count(), 3, 'the failed message has its own turn, holding the error');
  assert.match((await turns.nth(0).locator('.turn-note').textContent()) ?? '', /Stopped\./);
  assert.match((await turns.nth(1).locator('.error-card').textContent()) ?? '', /rejected the API key/);
  assert.equal(await turns.nth(1).locator('.markdown').count(), 0);
  assert.equal(await turns.nth(2).locator('.error-card, .turn-note').count(), 0);
  await turns.nth(1).locator('.error-card button').first().click();
  assert.equal((await chat.waitForPosted('fixAction')).params.action, 'setApiKey');
});
