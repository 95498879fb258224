// The package.json contributions a user sees match the code: every provider command is
// contributed with the "Switchboard" category and registered, menus only name contributed
// commands, settings and trust declarations are present.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
interface Pkg {
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: string; description: string; restrictedConfigurations?: string[] } };
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    views: Record<string, { id: string; when?: string }[]>;
    viewsContainers: { activitybar: { id: string; icon: string }[] };
    viewsWelcome: { view: string; contents: string }[];
    configuration: { properties: Record<string, { scope?: string }> };
    tomlValidation: { fileMatch: string[]; url: string }[];
  };
}
const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as Pkg;
const registered = [...readFileSync(resolve(ROOT, 'src/vscode/commands/registerCommands.ts'), 'utf8').matchAll(/'(switchboard\.\w+)':/g)].map((m) => m[1]);

test('every registered provider command is contributed under the Switchboard category, and vice versa', () => {
  const contributed = new Map(pkg.contributes.commands.map((c) => [c.command, c]));
  assert.ok(registered.length >= 18, registered.join(', '));
  for (const id of registered) {
    assert.ok(contributed.has(id), `${id} contributed`);
    assert.equal(contributed.get(id)?.category, 'Switchboard', id);
  }
  const required = ['selectProvider', 'selectModel', 'selectProfile', 'setApiKey', 'clearApiKey', 'testConnection', 'addProvider', 'openUserConfig', 'openWorkspaceConfig', 'explainConfig', 'showLogs', 'refresh'];
  for (const name of required) assert.ok(registered.includes(`switchboard.${name}`), name);
});

test('menus only reference contributed commands; only tree-only commands are hidden from the palette', () => {
  const ids = new Set(pkg.contributes.commands.map((c) => c.command));
  for (const [menu, items] of Object.entries(pkg.contributes.menus)) {
    for (const item of items) assert.ok(ids.has(item.command), `${menu}: ${item.command}`);
  }
  const hidden = pkg.contributes.menus.commandPalette.filter((m) => m.when === 'false').map((m) => m.command).sort();
  assert.deepEqual(hidden.filter((c) => c.startsWith('switchboard.')), ['switchboard.useModel', 'switchboard.useProvider']);
});

test('the view container, Providers view, icon and welcome content exist', () => {
  const container = pkg.contributes.viewsContainers.activitybar.find((c) => c.id === 'switchboard');
  assert.ok(container && existsSync(resolve(ROOT, container.icon)));
  assert.ok(pkg.contributes.views.switchboard.some((v) => v.id === 'switchboard.providers'));
  const welcome = pkg.contributes.viewsWelcome.find((w) => w.view === 'switchboard.welcome');
  assert.match(welcome?.contents ?? '', /command:switchboard\.addProvider/);
  assert.match(welcome?.contents ?? '', /command:switchboard\.openUserConfig/);
});

test('settings, TOML schema and workspace trust are declared', () => {
  const props = pkg.contributes.configuration.properties;
  for (const key of ['switchboard.provider', 'switchboard.model', 'switchboard.profile', 'switchboard.userConfigPath']) assert.ok(props[key], key);
  assert.equal(props['switchboard.userConfigPath'].scope, 'machine', 'a workspace cannot redirect the user config');
  const toml = pkg.contributes.tomlValidation[0];
  assert.deepEqual(toml.fileMatch, ['codex.toml', '.codex/config.toml', '**/.codex/*.toml']);
  assert.ok(existsSync(resolve(ROOT, toml.url)), 'schema file exists');
  assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
  assert.ok(pkg.activationEvents.includes('workspaceContains:codex.toml'));
  assert.ok(!pkg.activationEvents.includes('*'), 'activation stays lazy');
});
