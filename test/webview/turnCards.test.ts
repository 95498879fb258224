// Tool cards, approval cards, inline errors and the end-of-turn footer in the webview.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { toWebview } from '../../src/shared/webviewProtocol';
import { startWebviewHarness, type WebviewHarness } from '../helpers/webviewHarness';
import { error, events, sessionState, text, turnEnded, turnStarted, usage } from './hostMessages';

let harness: WebviewHarness;
before(async () => {
  harness = await startWebviewHarness();
});
after(async () => {
  await harness?.close();
});

const DIFF = ['--- a/src/app.ts', '+++ b/src/app.ts', '@@ -1,3 +1,3 @@', ' const a = 1;', '-const b = 2;', '+const b = 3;', ' export { a, b };', ''].join('\n');

test('approval cards post the decision with their own id, once, and are keyboard operable', async () => {
  const chat = await harness.openChat();
  await chat.post(turnStarted('t1'));
  await chat.post(toWebview.approvalRequest.create({ turnId: 't1', id: 'ap-edit', kind: 'edit', title: 'Edit src/app.ts', diff: DIFF, path: 'src/app.ts' }));
  await chat.post(toWebview.approvalRequest.create({ turnId: 't1', id: 'ap-cmd', kind: 'command', title: 'Run npm test', command: 'npm test -- --grep "config"', cwd: '/work/main' }));
  const edit = chat.page.locator('[data-approval-id="ap-edit"]');
  const command = chat.page.locator('[data-approval-id="ap-cmd"]');
  await command.waitFor();

  assert.deepEqual(await edit.locator('.diff-add').allTextContents(), ['+const b = 3;']);
  assert.deepEqual(await edit.locator('.diff-del').allTextContents(), ['-const b = 2;']);
  assert.equal(await edit.locator('.diff-hunk').count(), 1);
  assert.equal(await command.locator('.approval-command').textContent(), '$ npm test -- --grep "config"');
  assert.equal(await command.locator('.approval-cwd').textContent(), 'in /work/main');

  await command.getByRole('button', { name: 'Reject' }).click();
  assert.deepEqual((await chat.waitForPosted('approvalDecision')).params, { id: 'ap-cmd', decision: 'reject' });
  await edit.getByRole('button', { name: 'Approve' }).focus();
  await chat.page.keyboard.press('Enter');
  assert.deepEqual((await chat.waitForPosted('approvalDecision', { id: 'ap-edit' })).params, { id: 'ap-edit', decision: 'approve' });

  assert.equal(await command.getByRole('button', { name: 'Approve' }).isDisabled(), true);
  await command.getByRole('button', { name: 'Approve' }).click({ force: true });
  assert.equal((await chat.posted()).filter((m) => m.type === 'approvalDecision').length, 2, 'a settled card posts nothing more');
  assert.equal(await edit.locator('.approval-status').textContent(), 'Approved');
  assert.equal(await command.locator('.approval-status').textContent(), 'Rejected');
});

test('an approval settled by the host or by the turn ending stops offering buttons', async () => {
  const chat = await harness.openChat();
  await chat.post(turnStarted('t1'));
  await chat.post(toWebview.approvalRequest.create({ turnId: 't1', id: 'a1', kind: 'path', title: 'Read outside the workspace', path: '/etc/hosts' }));
  await chat.post(toWebview.approvalRequest.create({ turnId: 't1', id: 'a2', kind: 'command', title: 'Run ls', command: 'ls' }));
  await chat.post(toWebview.approvalResolved.create({ id: 'a1', decision: 'cancelled' }));
  await chat.page.locator('[data-approval-id="a1"][data-outcome="cancelled"]').waitFor();
  await chat.post(turnEnded('t1'));
  await chat.page.locator('[data-approval-id="a2"][data-outcome="cancelled"]').waitFor();
  assert.equal(await chat.page.locator('[data-approval-id] button:not([disabled])').count(), 0);
});

test('error fix buttons post the action with the error provider, or the current provider', async () => {
  const chat = await harness.openChat();
  await chat.post(sessionState({ provider: { id: 'openai', name: 'OpenAI' }, model: 'gpt-5' }));
  await chat.post(turnStarted('t1'));
  await chat.post(error('t1', {
    kind: 'auth',
    status: 401,
    message: 'Anthropic rejected the API key (HTTP 401).',
    fix: 'Set a valid key with "Switchboard: Set API Key".',
    providerId: 'anthropic',
    actions: ['setApiKey', 'openConfig', 'testConnection', 'retry'],
  }));
  const card = chat.page.locator('.turn .error-card');
  await card.waitFor();
  assert.equal(await card.getAttribute('role'), 'alert');
  assert.deepEqual(await card.locator('button').allTextContents(), ['Set API Key', 'Open Config', 'Test Connection', 'Retry']);
  assert.match((await card.textContent()) ?? '', /HTTP 401.*rejected the API key.*Set a valid key/s);
  for (const [label, action] of [['Set API Key', 'setApiKey'], ['Open Config', 'openConfig'], ['Test Connection', 'testConnection'], ['Retry', 'retry']] as const) {
    await card.getByRole('button', { name: label }).click();
    assert.deepEqual((await chat.waitForPosted('fixAction', { action })).params, { action, providerId: 'anthropic' });
  }
  // A turn-less error (e.g. bad config before any turn) without a provider id uses the current provider.
  await chat.post(error(undefined, { kind: 'config', message: 'config.toml:3:1: unknown wire_api "foo".', actions: ['openConfig'] }));
  await chat.clearPosted();
  await chat.page.locator('.transcript > .error-card').getByRole('button', { name: 'Open Config' }).click();
  assert.deepEqual((await chat.waitForPosted('fixAction')).params, { action: 'openConfig', providerId: 'openai' });
});

test('stream error events render inline error cards too', async () => {
  const chat = await harness.openChat();
  await chat.post(turnStarted('t1'));
  await chat.post(text('t1', 'Partial answer'));
  await chat.post(events('t1', { type: 'error', error: { kind: 'rate_limited', status: 429, message: 'Too many requests.', actions: ['retry'] } }));
  await chat.page.locator('.turn .error-card').getByRole('button', { name: 'Retry' }).click();
  assert.deepEqual((await chat.waitForPosted('fixAction')).params, { action: 'retry' });
  assert.equal(await chat.page.locator('.turn .markdown').textContent(), 'Partial answer\n', 'text before the error stays');
});

test('tool cards show name, key argument and status, with long output behind "Show more"', async () => {
  const chat = await harness.openChat();
  await chat.post(turnStarted('t1'));
  await chat.post(events('t1',
    { type: 'tool-call-start', id: 'c1', name: 'read_file' },
    { type: 'tool-call-delta', id: 'c1', argumentsDelta: '{"path":' },
    { type: 'tool-call-end', id: 'c1', name: 'read_file', arguments: '{"path":"src/core/ports.ts","limit":200}' },
  ));
  const card = chat.page.locator('.tool-card[data-tool-id="c1"]');
  await card.waitFor();
  assert.equal(await card.locator('.tool-name').textContent(), 'read_file');
  assert.equal(await card.locator('.tool-summary').textContent(), 'src/core/ports.ts');
  await chat.post(toWebview.toolCall.create({ turnId: 't1', id: 'c1', name: 'read_file', summary: 'Read src/core/ports.ts', arguments: '{"path":"src/core/ports.ts"}' }));
  await chat.page.locator('.tool-card[data-tool-id="c1"][data-status="running"]').waitFor();
  assert.equal(await card.locator('.tool-summary').textContent(), 'Read src/core/ports.ts');

  const output = Array.from({ length: 500 }, (_, i) => `line ${i + 1}`).join('\n');
  await chat.post(toWebview.toolResult.create({ turnId: 't1', id: 'c1', output }));
  await chat.page.locator('.tool-card[data-tool-id="c1"][data-status="done"]').waitFor();
  await card.locator('summary').click();
  const shown = (await card.locator('.tool-output-text').textContent()) ?? '';
  assert.ok(shown.length < output.length && output.startsWith(shown), 'a preview of the output is shown first');
  await card.getByRole('button', { name: /Show more/ }).click();
  assert.equal(await card.locator('.tool-output-text').textContent(), output);

  await chat.post(toWebview.toolResult.create({ turnId: 't1', id: 'c2', output: 'exit code 1', isError: true }));
  await chat.page.locator('.tool-card[data-tool-id="c2"][data-status="failed"]').waitFor();
});

test('turn end shows turn and session usage, announces completion, and offers Retry on the last turn only', async () => {
  const chat = await harness.openChat();
  await chat.post(turnStarted('t1'));
  await chat.post(text('t1', 'First.'));
  await chat.post(turnEnded('t1', usage(1200, 340), usage(1200, 340)));
  await chat.page.locator('.turn[data-turn-id="t1"] .turn-footer').waitFor();
  assert.equal(await chat.page.locator('.turn[data-turn-id="t1"] .turn-usage').textContent(), '1,200 in · 340 out');
  await chat.page.waitForFunction(() => document.querySelector('[role="status"][aria-live="polite"]')?.textContent === 'Response complete. 340 output tokens.');

  await chat.post(turnStarted('t2'));
  await chat.post(text('t2', 'Second.'));
  await chat.post(turnEnded('t2', usage(2000, 20_500), usage(3200, 20_840)));
  await chat.page.locator('.turn[data-turn-id="t2"] .turn-footer').waitFor();
  assert.equal(await chat.page.locator('.session-usage').textContent(), 'Session: 3,200 in · 20.8k out');
  assert.equal(await chat.page.locator('.retry-turn').count(), 1);
  await chat.page.locator('.turn[data-turn-id="t2"]').getByRole('button', { name: 'Retry this turn' }).click();
  await chat.waitForPosted('retryLastTurn');
});

test('"approve for this session" posts its own decision, says what it covers, and settles the card', async () => {
  const chat = await harness.openChat();
  await chat.post(turnStarted('t1'));
  await chat.post(toWebview.approvalRequest.create({ turnId: 't1', id: 'ap-edit', kind: 'edit', title: 'Edit src/app.ts', diff: DIFF, path: 'src/app.ts' }));
  await chat.post(toWebview.approvalRequest.create({ turnId: 't1', id: 'ap-cmd', kind: 'command', title: 'Run npm test', command: 'npm test' }));
  const edit = chat.page.locator('[data-approval-id="ap-edit"]');
  const command = chat.page.locator('[data-approval-id="ap-cmd"]');
  await command.waitFor();
  const allEdits = edit.getByRole('button', { name: 'Allow All Edits' });
  assert.match((await allEdits.getAttribute('title')) ?? '', /every later edit in this session/);
  assert.match((await command.getByRole('button', { name: 'Always Allow' }).getAttribute('title')) ?? '', /this command line/);
  await allEdits.click();
  assert.deepEqual((await chat.waitForPosted('approvalDecision')).params, { id: 'ap-edit', decision: 'approve-for-session' });
  assert.equal(await edit.locator('.approval-status').textContent(), 'Approved for this session');
  assert.equal(await edit.getByRole('button', { name: 'Allow All Edits' }).isDisabled(), true);
  assert.equal(await command.getByRole('button', { name: 'Always Allow' }).isDisabled(), false, 'other cards still ask');
});

test('a running command shows its output as it arrives, following the end, until the result replaces it', async () => {
  const chat = await harness.openChat();
  await chat.post(turnStarted('t1'));
  await chat.post(toWebview.toolCall.create({ turnId: 't1', id: 'c1', name: 'run_command', summary: 'Run npm test', arguments: '{"command":"npm test"}' }));
  const card = chat.page.locator('.tool-card[data-tool-id="c1"]');
  await chat.post(toWebview.toolOutput.create({ turnId: 't1', id: 'c1', chunk: 'PASS a.test.ts\n' }));
  const live = card.locator('.tool-live-output');
  await live.waitFor();
  assert.equal(await card.locator('details.tool-details').getAttribute('open'), '', 'opened so the user sees it run');
  assert.equal(await card.getAttribute('data-status'), 'running');
  const lines = Array.from({ length: 300 }, (_, i) => `line ${i}`).join('\n');
  await chat.post(toWebview.toolOutput.create({ turnId: 't1', id: 'c1', chunk: `${lines}\n` }));
  await chat.post(toWebview.toolOutput.create({ turnId: 't1', id: 'c1', chunk: 'newest\n', skipped: true }));
  await chat.page.waitForFunction(() => document.querySelector('.tool-live-output')?.textContent?.endsWith('newest\n'));
  assert.match((await live.textContent()) ?? '', /^PASS a\.test\.ts\nline 0\n[\s\S]*line 299\n\n…\nnewest\n$/, 'dropped output is marked');
  const scrolled = await live.evaluate((el) => el.scrollHeight - el.clientHeight - el.scrollTop);
  assert.ok(scrolled < 2, `follows the end (${scrolled}px from the bottom)`);
  await chat.post(toWebview.toolOutput.create({ turnId: 't1', id: 'c1', chunk: `${'y'.repeat(79)}\n`.repeat(400) + 'latest\n' }));
  await chat.page.waitForFunction(() => document.querySelector('.tool-live-output')?.textContent?.endsWith('latest\n'));
  const kept = (await live.textContent()) ?? '';
  assert.ok(kept.length <= 20_001, `keeps only the end of long output (${kept.length} characters)`);
  assert.match(kept, /^…y+\n/, 'cut at a line start and marked');
  assert.doesNotMatch(kept, /PASS a\.test\.ts/, 'the oldest output is gone');
  await chat.post(toWebview.toolResult.create({ turnId: 't1', id: 'c1', output: 'All 12 tests passed.' }));
  await card.locator('[data-status="done"], .tool-output-text:not(.tool-live-output)').first().waitFor();
  assert.equal(await card.locator('.tool-live-output').count(), 0);
  assert.equal(await card.locator('.tool-output-text').textContent(), 'All 12 tests passed.');
});
