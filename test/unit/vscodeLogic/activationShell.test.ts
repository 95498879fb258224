// What the activation shell (src/extension.ts) registers before any heavy module loads must match
// package.json and the code behind it: every contributed command id is registered from
// package.json and has a handler in the provider or chat command tables (else running it would
// fail), the view ids exist, and a lazily loaded part is loaded once (a failure stays a failure).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHAT_VIEW_ID, contributedCommandIds, PROVIDERS_VIEW_ID, WELCOME_VIEW_ID } from '../../../src/vscode/contributionIds';
import { lazyPart } from '../../../src/vscode/lazyPart';

const ROOT = resolve(__dirname, '../../..');
const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
  contributes: { commands: { command: string }[]; views: Record<string, { id: string; type?: string }[]> };
};
/** Handler table keys of a command module (these files import vscode, so they are read as text). */
const handlerIds = (file: string) => [...readFileSync(resolve(ROOT, file), 'utf8').matchAll(/'(switchboard\.\w+)':/g)].map((m) => m[1]);

test('the shell registers exactly the contributed commands, and each has a handler', () => {
  const registered = contributedCommandIds(pkg);
  assert.deepEqual(registered, pkg.contributes.commands.map((c) => c.command));
  const handlers = [...handlerIds('src/vscode/commands/registerCommands.ts'), ...handlerIds('src/vscode/chat/chatCommands.ts')];
  assert.deepEqual([...registered].sort(), [...new Set(handlers)].sort(), 'contributed commands = provider + chat handlers');
});

test('contributedCommandIds tolerates a package.json without commands', () => {
  assert.deepEqual(contributedCommandIds(undefined), []);
  assert.deepEqual(contributedCommandIds({ contributes: {} }), []);
  assert.deepEqual(contributedCommandIds({ contributes: { commands: [{ command: 'a.b' }, { title: 'no id' }, null] } }), ['a.b']);
});

test('the view ids the shell registers are the contributed views', () => {
  const views = Object.values(pkg.contributes.views).flat();
  assert.equal(views.find((v) => v.id === CHAT_VIEW_ID)?.type, 'webview');
  assert.ok(views.some((v) => v.id === PROVIDERS_VIEW_ID));
  assert.ok(views.some((v) => v.id === WELCOME_VIEW_ID));
  const chatViewProvider = readFileSync(resolve(ROOT, 'src/vscode/chat/chatViewProvider.ts'), 'utf8');
  assert.ok(chatViewProvider.includes(`export const CHAT_VIEW_ID = '${CHAT_VIEW_ID}';`), 'same id as the chat view provider');
});

test('lazyPart loads once for concurrent and later callers', async () => {
  let loads = 0;
  const part = lazyPart(async () => ({ n: ++loads }));
  const [a, b] = await Promise.all([part(), part()]);
  const c = await part();
  assert.equal(loads, 1);
  assert.ok(a === b && b === c);
});

test('lazyPart keeps a failed load failed (no retry storm on every command)', async () => {
  let loads = 0;
  const part = lazyPart(async () => {
    loads++;
    throw new Error('chunk missing');
  });
  await assert.rejects(part(), /chunk missing/);
  await assert.rejects(part(), /chunk missing/);
  assert.equal(loads, 1);
});
