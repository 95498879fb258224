import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isConfigFile } from '../../../src/core/config/configFileMatch';
import { providerMenuFlags } from '../../../src/core/providers/providerMenuFlags';
import { provider } from './providerFixture';

test('config file changes that trigger a reload', () => {
  assert.equal(isConfigFile('/ws/codex.toml', '/h/.codex'), true);
  assert.equal(isConfigFile('/ws/.codex/config.toml', '/h/.codex'), true);
  assert.equal(isConfigFile('/h/.codex/config.toml', '/h/.codex'), true);
  assert.equal(isConfigFile('/h/.codex/work.config.toml', '/h/.codex'), true);
  assert.equal(isConfigFile('/h/.codex/notes.toml', '/h/.codex'), true); // .codex/*.toml
  assert.equal(isConfigFile('/h/custom/other.toml', '/h/custom'), false);
  assert.equal(isConfigFile('/h/custom/config.toml', '/h/custom'), true);
  assert.equal(isConfigFile('/ws/src/config.toml', '/h/.codex'), false);
  assert.equal(isConfigFile('/ws/pyproject.toml', undefined), false);
});

test('menu flags decide which tree actions a provider offers', () => {
  assert.equal(providerMenuFlags(provider({ id: 'a', envKey: 'K', file: '/f' }), { active: true, hasSecret: true, auth: 'secret-storage' }), 'provider active hasSecret keyable needsKey hasFile');
  const cmd = provider({ id: 'b', auth: { command: 'x', args: [], timeoutMs: 1, refreshIntervalMs: 0 }, fromWorkspace: true });
  assert.equal(providerMenuFlags(cmd, { active: false, hasSecret: false, auth: 'blocked' }), 'provider command locked');
  assert.equal(providerMenuFlags(provider({ id: 'ollama' }), { active: false, hasSecret: false, auth: 'none' }), 'provider keyable');
});

test('every flag a menu matches is one providerMenuFlags can produce', () => {
  const pkg = JSON.parse(readFileSync(resolve(__dirname, '../../../package.json'), 'utf8')) as { contributes: { menus: Record<string, { when?: string }[]> } };
  const used = new Set<string>();
  for (const item of pkg.contributes.menus['view/item/context']) {
    for (const m of (item.when ?? '').matchAll(/viewItem =~ \/\\b(\w+)\\b\//g)) used.add(m[1]);
  }
  assert.ok(used.size >= 5, [...used].join(','));
  const produced = new Set(['provider', 'active', 'hasSecret', 'command', 'keyable', 'needsKey', 'hasFile', 'locked']);
  for (const flag of used) assert.ok(produced.has(flag), `menu flag ${flag} is produced`);
});
