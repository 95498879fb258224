// loadConfig is total: odd types, odd keys, failing file systems and odd overrides all become
// diagnostics (or are tolerated), never exceptions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../../src/core/config/loadConfig';
import { PROVIDER_TABLE_KEYS } from '../../../src/core/config/providerSchema';
import type { ConfigFileSystem } from '../../../src/core/ports';
import { CODEX_HOME, CWD, HOME, USER_FILE, WS_FILE, load, provider } from './loadHelper';

const VALUES = ['"s"', '1', '-1', '1.5', 'true', 'inf', 'nan', '[]', '[1, "a"]', '{}', '{ a = 1 }', '1979-05-27T07:32:00Z', '""'];

test('every provider key with every kind of value: no exception, built-ins intact', async () => {
  for (const key of PROVIDER_TABLE_KEYS) {
    for (const value of VALUES) {
      const text = `model_provider = "x"\n[model_providers.x]\n${key} = ${value}\n[model_providers.azure]\n${key} = ${value}\n[model_providers.amazon-bedrock]\n${key} = ${value}\n`;
      const config = await load({ [USER_FILE]: text });
      assert.ok(config.providers.some((p) => p.id === 'x'), `${key} = ${value}`);
      assert.equal(provider(config, 'anthropic').baseUrl, 'https://api.anthropic.com/v1');
    }
  }
});

test('top-level keys of the wrong type are wrong-type errors, and ignored', async () => {
  const config = await load({ [USER_FILE]: 'model = 5\nmodel_provider = ["a"]\nprofile = {}\nmodel_providers = 3\nprofiles = "p"\nprojects = 1\nproviders = 2\n' });
  assert.equal(config.model.value, 'claude-sonnet-4-5');
  assert.equal(config.provider.value, 'anthropic');
  const wrong = config.diagnostics.filter((d) => d.code === 'wrong-type').map((d) => d.line);
  assert.deepEqual(wrong, [1, 2, 3, 4]);
  assert.ok(config.diagnostics.every((d) => d.file === USER_FILE));
});

test('odd keys and shapes: __proto__, empty ids, non-table provider entries, deep nesting', async () => {
  const texts = [
    '[model_providers.__proto__]\nbase_url = "x"\n[model_providers.constructor]\nname = 1\n',
    '[model_providers.""]\nbase_url = "https://x"\n',
    'model_providers = { a = 1, b = "s", c = [] }\n',
    '[profiles.p]\nmodel_providers = 1\n[profiles.q.model_providers.z]\nwire_api = 3\n',
    `a = ${'['.repeat(2000)}${']'.repeat(2000)}\n`,
    `x = ${'{ a = '.repeat(500)}1${' }'.repeat(500)}\n`,
    'profile = "p"\n[profiles.p]\nprofile = "q"\nmodel_providers = { y = { base_url = "https://y" } }\nmodel_provider = "y"\n',
    '\u0000\u0001\u0002',
    '',
  ];
  for (const text of texts) {
    const config = await load({ [USER_FILE]: text, [WS_FILE]: text, [`${CODEX_HOME}/p.config.toml`]: text });
    assert.ok(config.providers.length >= 6, JSON.stringify(text.slice(0, 40)));
    assert.equal(Object.getPrototypeOf(config.settings), Object.prototype);
  }
});

test('a file system that throws everywhere still yields a configuration', async () => {
  const boom = async (): Promise<never> => {
    throw new Error('EIO: disk on fire');
  };
  const fs: ConfigFileSystem = { readText: boom, stat: boom, realPath: boom, readDirectory: boom };
  const config = await loadConfig({ cwd: CWD, env: {}, fs, homeDir: HOME, trustWorkspace: 'user-file', explicit: { profile: 'p' } });
  assert.equal(config.provider.value, 'anthropic');
  assert.ok(config.diagnostics.some((d) => d.code === 'file-read-error' && d.file === USER_FILE));
});

test('odd overrides and explicit values never throw', async () => {
  const config = await load({}, { explicit: { overrides: ['=', '==', 'a=', '.=1', 'a.=1', '"=1', '__proto__.x=1', 'model_providers=1', 'model_providers.q=1', 'x.y.z="unterminated'], provider: '\u0000', model: 'm' } });
  assert.equal(config.provider.value, 'anthropic');
  assert.equal(config.model.value, 'm');
  assert.equal(config.diagnostics.filter((d) => d.code === 'invalid-override').length, 6);
});
