// The chat side panel in a real VS Code, as a new user meets it: a local OpenAI-compatible server
// configured as a provider in the workspace codex.toml (its key in an env var), "Switchboard:
// Open Chat", a question whose streamed answer appears in the webview, a turn where the model
// edits a file and the user approves it in the chat (mode "ask"), the edit on disk and in the
// editor, Undo reverting it, and after "Developer: Reload Window" the session in the history with
// its messages. Throughout, the key (a canary) must never reach the webview, the log or the
// saved sessions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { CanarySet, assertNoCanaryInFiles } from '../helpers/canary';
import { startScriptedModelServer, type ReceivedRequest } from '../helpers/scriptedModelServer';
import { INNER_WAIT_MS } from './lib/quickInput';
import { startVsCode } from './lib/session';
import { pollUntil } from './lib/text';
import type { Workbench } from './lib/workbench';

const GREET = 'export function greet(name: string): string {\n  return `Hello, ${name}!`;\n}\n';
const QUESTION = 'What does greet do?';
const ANSWER = 'The greet function returns a friendly greeting for the name it is given.';
const EDIT_REQUEST = 'Make greet say Hi instead of Hello';
const EDIT_DONE = 'Done: greet now says Hi.';

const lastUserText = (request: ReceivedRequest) => request.userTexts[request.userTexts.length - 1] ?? '';

/** Session files the extension saved for the workspace (under the user-data dir's workspaceStorage). */
function sessionFiles(userDataDir: string): string[] {
  const storage = join(userDataDir, 'User', 'workspaceStorage');
  if (!existsSync(storage)) return [];
  return readdirSync(storage).flatMap((hash) => {
    const dir = join(storage, hash, 'switchboard-dev.switchboard', 'sessions');
    return existsSync(dir) && statSync(dir).isDirectory() ? readdirSync(dir).filter((n) => n.endsWith('.json')).map((n) => join(dir, n)) : [];
  });
}

/** The chat webview's frame (the one holding its message box). */
function chatFrame(workbench: Workbench): Promise<Frame> {
  return workbench.webviews.frameWith('textarea.input');
}

/** Types `text` into the chat's message box and presses Enter. */
async function sendChatMessage(workbench: Workbench, text: string): Promise<void> {
  const frame = await chatFrame(workbench);
  await workbench.steps.run(`type "${text}" into the chat and press Enter`, async () => {
    const input = frame.locator('textarea.input');
    await input.click();
    await input.fill(text);
    await input.press('Enter');
    await pollUntil(() => input.inputValue(), (value) => value === '', INNER_WAIT_MS, 'the message box to clear after sending');
  });
}

/** Text the whole chat webview shows (and its markup), for canary checks. */
async function chatDomText(workbench: Workbench): Promise<string> {
  const frame = await chatFrame(workbench);
  return frame.evaluate(() => `${document.body.innerText}\n${document.documentElement.outerHTML}`);
}

/** The text of the editor showing `fileName`. */
async function editorText(workbench: Workbench, fileName: string): Promise<string> {
  const editor = workbench.page.locator(`.editor-instance .monaco-editor[data-uri$="${fileName}"] .view-lines`).first();
  const text = await editor.innerText();
  return text.replace(/\u00a0/g, ' ');
}

test('chat panel: streamed answer, approved edit with Undo, session restored after reload, key never shown', { timeout: 420_000 }, async (t) => {
  const canaries = new CanarySet();
  const key = canaries.add('chat-e2e-key');
  const server = await startScriptedModelServer([
    { expect: (r) => assert.equal(lastUserText(r), QUESTION), text: ANSWER },
    {
      expect: (r) => assert.equal(lastUserText(r), EDIT_REQUEST),
      text: 'I will change the greeting.',
      toolCalls: [{ id: 'call_edit_1', name: 'edit_file', arguments: { path: 'src/greet.ts', old_string: 'Hello', new_string: 'Hi' } }],
    },
    {
      expect: (r) => assert.match(r.toolResults[r.toolResults.length - 1]?.output ?? '', /^Edited src\/greet\.ts/),
      text: EDIT_DONE,
    },
  ]);
  t.after(() => server.close());
  const codexToml = [
    'model_provider = "e2e-local"',
    '',
    '[model_providers.e2e-local]',
    'name = "E2E Local"',
    `base_url = "${server.baseUrl}"`,
    'wire_api = "chat"',
    'env_key = "E2E_CHAT_KEY"',
    'default_model = "scripted-model"',
    'request_max_retries = 0',
    'stream_max_retries = 0',
    '',
  ].join('\n');
  const vscode = await startVsCode({
    testName: 'chat',
    workspaceFiles: { 'codex.toml': codexToml, 'src/greet.ts': GREET },
    env: { E2E_CHAT_KEY: key },
  });
  t.after(() => vscode.close());
  const { workbench } = vscode;
  const greetFile = join(vscode.server.workspace, 'src', 'greet.ts');

  await workbench.palette.openFile('src/greet.ts');
  await workbench.palette.run('Switchboard: Open Chat');
  const frame = await chatFrame(workbench);
  await workbench.steps.run('the chat header shows the workspace provider, its model and the "ask" approval mode', async () => {
    await pollUntil(
      () => frame.evaluate(() => [...document.querySelectorAll('select')].map((s) => s.value)),
      (values) => values.join('|') === 'e2e-local|scripted-model|ask',
      INNER_WAIT_MS,
      'the provider, model and approval pickers',
      (values) => values.join(' | '),
    );
  });
  await workbench.steps.run('the message box has the keyboard focus after "Open Chat"', async () => {
    await pollUntil(() => frame.evaluate(() => document.activeElement?.tagName ?? ''), (tag) => tag === 'TEXTAREA', 5_000, 'focus in the message box');
  });

  // Turn 1: the first request asks once before the env key goes to a workspace-defined server.
  await sendChatMessage(workbench, QUESTION);
  const consent = await workbench.dialogs.waitFor();
  assert.match(consent.message, /^Send your .*E2E_CHAT_KEY.* to 127\.0\.0\.1:\d+\?$/);
  await workbench.dialogs.click('Allow');
  const answer = await workbench.webviews.waitForText('.turn .markdown', ANSWER);
  assert.equal(answer.trim(), ANSWER);
  await workbench.webviews.waitForText('.turn .turn-usage', /tokens|↑|in/i);

  // Turn 2: the model edits a file; the chat asks (mode "ask"), the user approves.
  await sendChatMessage(workbench, EDIT_REQUEST);
  const diff = await workbench.webviews.waitForText('.approval-card .diff', '+  return `Hi, ${name}!`;');
  assert.match(diff, /-\s*return `Hello, \$\{name\}!`;/);
  assert.equal(readFileSync(greetFile, 'utf8'), GREET, 'nothing is written before the approval');
  await workbench.webviews.click('.approval-card button[data-decision="approve"]');
  await workbench.webviews.waitForText('.transcript', EDIT_DONE);
  await workbench.steps.run('the edit is on disk and in the editor', async () => {
    await pollUntil(async () => readFileSync(greetFile, 'utf8'), (text) => text.includes('Hi, ${name}!'), INNER_WAIT_MS, 'the edited file on disk');
    await pollUntil(() => editorText(workbench, 'greet.ts'), (text) => text.includes('Hi, ${name}!'), INNER_WAIT_MS, 'the edited text in the editor');
  });

  // Undo in the editor reverts the agent's edit; saving writes the reverted text back.
  await workbench.steps.run('Ctrl+Z in the editor reverts the edit, Ctrl+S saves it', async () => {
    await workbench.page.locator('.editor-instance .monaco-editor[data-uri$="greet.ts"] .view-lines').first().click();
    await workbench.page.keyboard.press('Control+z');
    await pollUntil(() => editorText(workbench, 'greet.ts'), (text) => text.includes('Hello, ${name}!'), INNER_WAIT_MS, 'the original text back in the editor');
    await workbench.page.keyboard.press('Control+s');
    await pollUntil(async () => readFileSync(greetFile, 'utf8'), (text) => text === GREET, INNER_WAIT_MS, 'the original file on disk');
  });

  // Before the reload (the log restarts with the window): the key is in neither the log nor the webview.
  const log = await workbench.output.waitFor('Switchboard', 'Chat: turn ended');
  canaries.assertAbsent('the Switchboard output channel', log);
  canaries.assertAbsent('the chat webview DOM', await chatDomText(workbench));

  // Reload the window: the session is restored and listed in the history with its messages.
  await workbench.steps.run('Developer: Reload Window reloads the workbench', async () => {
    const reloaded = workbench.page.waitForEvent('load', { timeout: 60_000 });
    await workbench.page.keyboard.press('F1');
    await workbench.quickInput.waitOpen();
    await workbench.quickInput.input.fill('>Developer: Reload Window');
    await workbench.quickInput.waitForRow('Developer: Reload Window');
    await workbench.quickInput.input.press('Enter');
    await reloaded;
    await workbench.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    await workbench.page.locator('.part.statusbar .statusbar-item').first().waitFor({ state: 'visible', timeout: 60_000 });
  }, { timeoutMs: 70_000 });
  // The side bar comes back with the chat, which restores the last session by itself.
  const restored = await workbench.webviews.waitForText('.transcript', EDIT_DONE, 40_000);
  await workbench.page.locator('.editor-instance .monaco-editor[data-uri$="greet.ts"] .view-lines').first().click();
  await workbench.palette.run('Switchboard: Open Chat');
  assert.ok(restored.includes(QUESTION) && restored.includes(ANSWER) && restored.includes(EDIT_REQUEST), `restored transcript: ${restored.slice(0, 400)}`);
  await workbench.webviews.click('button[aria-label="Session history"]');
  const history = await workbench.webviews.waitForText('.history-list', QUESTION);
  assert.equal((history.match(/What does greet do\?/g) ?? []).length, 1, `one saved session: ${history}`);

  // "Ask About Selection" attaches the editor's selection to the next message.
  await workbench.steps.run('select the whole of greet.ts in the editor', async () => {
    await workbench.page.locator('.editor-instance .monaco-editor[data-uri$="greet.ts"] .view-lines').first().click();
    await workbench.page.keyboard.press('Control+a');
  });
  await workbench.palette.run('Switchboard: Ask About Selection');
  const chip = await workbench.webviews.waitForText('.chips .chip', 'greet.ts:1-3');
  assert.equal(chip.trim(), 'greet.ts:1-3');

  // The key went to the server, and nowhere a user or a log can see.
  for (const request of server.requests) assert.equal(request.headers.authorization, `Bearer ${key}`);
  assert.deepEqual(server.failures.map((e) => e.message), []);
  assert.equal(server.remaining(), 0);
  canaries.assertAbsent('the restored chat webview DOM', await chatDomText(workbench));
  const saved = sessionFiles(vscode.server.userDataDir);
  assert.equal(saved.length, 1, `one saved session file: ${saved.join(', ')}`);
  assert.ok(readFileSync(saved[0], 'utf8').includes(EDIT_DONE), 'the saved session has the whole conversation');
  assert.ok(assertNoCanaryInFiles(canaries, join(saved[0], '..')) >= 1);
  await workbench.screenshot('final state: restored chat with history open');
});
