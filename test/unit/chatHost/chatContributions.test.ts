// The chat's package.json contributions match the code: the Chat webview view in the Switchboard
// container, every chat command contributed (Switchboard category) and registered, the editor
// context menu entry only with a selection, and an approval-mode setting a workspace cannot set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { APPROVAL_MODES } from '../../../src/core/agent/approvals';

const ROOT = resolve(__dirname, '../../..');
interface Pkg {
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    views: Record<string, { id: string; type?: string; name: string }[]>;
    menus: Record<string, { command: string; when?: string; group?: string }[]>;
    keybindings: { command: string; key: string; when?: string }[];
    configuration: { properties: Record<string, { scope?: string; enum?: string[]; default?: unknown }> };
  };
}
const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as Pkg;
// chatViewProvider.ts and chatCommands.ts import vscode, so they are read as text.
const viewId = /export const CHAT_VIEW_ID = '([^']+)'/.exec(readFileSync(resolve(ROOT, 'src/vscode/chat/chatViewProvider.ts'), 'utf8'))?.[1];
const registered = [...readFileSync(resolve(ROOT, 'src/vscode/chat/chatCommands.ts'), 'utf8').matchAll(/'(switchboard\.\w+)':/g)].map((m) => m[1]);

test('the Chat view is a webview view in the Switchboard container', () => {
  assert.equal(viewId, 'switchboard.chat');
  const view = pkg.contributes.views.switchboard.find((v) => v.id === viewId);
  assert.deepEqual(view && { type: view.type, name: view.name }, { type: 'webview', name: 'Chat' });
});

test('every chat command is registered and contributed under the Switchboard category', () => {
  assert.deepEqual(registered.sort(), ['switchboard.askAboutSelection', 'switchboard.newChat', 'switchboard.openChat']);
  for (const id of registered) {
    const command = pkg.contributes.commands.find((c) => c.command === id);
    assert.equal(command?.category, 'Switchboard', id);
  }
  assert.equal(pkg.contributes.commands.find((c) => c.command === 'switchboard.openChat')?.title, 'Open Chat');
  assert.ok(pkg.contributes.keybindings.some((k) => k.command === 'switchboard.openChat'));
});

test('"Ask About Selection" is in the editor context menu and palette only when text is selected; New Chat is on the view title', () => {
  const context = pkg.contributes.menus['editor/context']?.find((m) => m.command === 'switchboard.askAboutSelection');
  assert.equal(context?.when, 'editorHasSelection');
  assert.equal(pkg.contributes.menus.commandPalette.find((m) => m.command === 'switchboard.askAboutSelection')?.when, 'editorHasSelection');
  assert.equal(pkg.contributes.menus['view/title'].find((m) => m.command === 'switchboard.newChat')?.when, 'view == switchboard.chat');
});

test('switchboard.approvalMode: the three modes, default ask, user-level only', () => {
  const setting = pkg.contributes.configuration.properties['switchboard.approvalMode'];
  assert.deepEqual(setting.enum, [...APPROVAL_MODES]);
  assert.equal(setting.default, 'ask');
  assert.equal(setting.scope, 'application', 'a workspace settings file must not switch the agent to auto');
});
