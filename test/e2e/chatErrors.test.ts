// A chat error fixed from the chat itself, in a real VS Code: the active provider (from the user
// config) has no key, so the first message shows an inline "Authentication failed" card with a
// "Set API Key" button; the button opens the password box for that provider, and Retry then gets
// the answer. The saved key never appears in the webview or the log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CanarySet } from '../helpers/canary';
import { startScriptedModelServer } from '../helpers/scriptedModelServer';
import { INNER_WAIT_MS } from './lib/quickInput';
import { startVsCode } from './lib/session';
import { pollUntil } from './lib/text';

const ANSWER = 'Now I can answer: hello from the local model.';

test('chat: a missing key shows inline with "Set API Key"; after saving one, Retry answers', { timeout: 300_000 }, async (t) => {
  const canaries = new CanarySet();
  const key = canaries.add('chat-saved-key');
  const server = await startScriptedModelServer([{ expect: (r) => assert.equal(r.headers.authorization, `Bearer ${key}`), text: ANSWER }]);
  t.after(() => server.close());
  const userToml = [
    'model_provider = "my-gw"',
    '',
    '[model_providers.my-gw]',
    'name = "My Gateway"',
    `base_url = "${server.baseUrl}"`,
    'wire_api = "responses"',
    'env_key = "MY_GW_KEY_NOT_SET"',
    'default_model = "gw-model"',
    'request_max_retries = 0',
    '',
  ].join('\n');
  const vscode = await startVsCode({ testName: 'chat-errors', homeFiles: { '.codex/config.toml': userToml }, workspaceFiles: { 'README.md': '# demo\n' } });
  t.after(() => vscode.close());
  const { workbench } = vscode;

  await workbench.palette.run('Switchboard: Open Chat');
  const frame = await workbench.webviews.frameWith('textarea.input');
  await workbench.steps.run('send "Hello?" from the chat', async () => {
    await pollUntil(() => frame.evaluate(() => (document.querySelector('select') as HTMLSelectElement | null)?.value ?? ''), (v) => v === 'my-gw', INNER_WAIT_MS, 'the active provider in the header');
    const input = frame.locator('textarea.input');
    await input.fill('Hello?');
    await input.press('Enter');
  });
  const card = await workbench.webviews.waitForText('.error-card', 'Missing environment variable: `MY_GW_KEY_NOT_SET`');
  assert.match(card, /Authentication failed/);
  assert.match(card, /Set API Key/);
  assert.equal(server.requests.length, 0, 'nothing was sent without a key');

  await workbench.webviews.click('.error-card button[data-fix-action="setApiKey"]');
  await workbench.steps.run('the password box for my-gw opens; type the key and press Enter', async () => {
    await workbench.quickInput.waitOpen();
    assert.equal(await workbench.quickInput.input.getAttribute('type'), 'password');
    await workbench.quickInput.input.fill(key);
    await workbench.quickInput.input.press('Enter');
  });
  await workbench.notifications.waitFor('key saved for "my-gw"');

  await workbench.webviews.click('.turn .retry-turn');
  const answer = await workbench.webviews.waitForText('.turn:last-of-type .markdown', ANSWER);
  assert.equal(answer.trim(), ANSWER);
  assert.deepEqual(server.failures.map((e) => e.message), []);

  const dom = await frame.evaluate(() => `${document.body.innerText}\n${document.documentElement.outerHTML}`);
  assert.equal((dom.match(/Hello\?/g) ?? []).length >= 2, true, 'the retried message is shown again');
  canaries.assertAbsent('the chat webview DOM', dom);
  canaries.assertAbsent('the Switchboard output channel', await workbench.output.waitFor('Switchboard', 'Chat: turn ended (completed)'));
});
