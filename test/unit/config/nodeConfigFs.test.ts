// The Node ConfigFileSystem adapter against real temporary directories, end to end with loadConfig.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../src/core/config/loadConfig';
import { createNodeConfigFs } from '../../../src/node/nodeConfigFs';

function tempTree(): { root: string; home: string; codexHome: string; ws: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'sb-config-'));
  const home = join(root, 'home');
  const codexHome = join(home, '.codex');
  const ws = join(root, 'ws');
  mkdirSync(codexHome, { recursive: true });
  mkdirSync(join(ws, '.codex'), { recursive: true });
  return { root, home, codexHome, ws, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

test('readText/stat/realPath/readDirectory: missing paths are undefined, not errors', async () => {
  const t = tempTree();
  try {
    const fs = createNodeConfigFs();
    writeFileSync(join(t.codexHome, 'config.toml'), 'model = "x"\n');
    assert.equal(await fs.readText(join(t.codexHome, 'config.toml')), 'model = "x"\n');
    assert.equal(await fs.readText(join(t.codexHome, 'nope.toml')), undefined);
    assert.equal(await fs.readText(join(t.codexHome, 'config.toml', 'below-a-file')), undefined);
    assert.deepEqual(await fs.stat?.(join(t.codexHome, 'config.toml')), { size: 12, isFile: true });
    assert.equal((await fs.stat?.(t.codexHome))?.isFile, false);
    assert.equal(await fs.stat?.(join(t.root, 'missing')), undefined);
    assert.equal(await fs.realPath?.(join(t.root, 'missing')), undefined);
    assert.deepEqual(await fs.readDirectory?.(t.codexHome), ['config.toml']);
    assert.equal(await fs.readDirectory?.(join(t.root, 'missing')), undefined);
    await assert.rejects(fs.readText(t.codexHome), /not a regular file/);
  } finally {
    t.cleanup();
  }
});

test('end to end: user file, trusted workspace via [projects], profile file listed from the directory', async () => {
  const t = tempTree();
  try {
    writeFileSync(join(t.codexHome, 'config.toml'), `[projects.${JSON.stringify(t.ws)}]\ntrust_level = "trusted"\n[model_providers.gw]\nbase_url = "https://gw/v1"\nenv_key = "GW"\n`);
    writeFileSync(join(t.codexHome, 'fast.config.toml'), 'model = "fast-model"\n');
    writeFileSync(join(t.ws, 'codex.toml'), 'model_provider = "gw"\n[model_providers.gw]\nbase_url = "https://ws-gw/v1"\n');
    const config = await loadConfig({ cwd: t.ws, env: {}, fs: createNodeConfigFs(), homeDir: t.home, trustWorkspace: 'user-file', explicit: { profile: 'fast' } });
    assert.equal(config.provider.value, 'gw');
    const gw = config.providers.find((p) => p.id === 'gw');
    assert.equal(gw?.baseUrl, 'https://ws-gw/v1');
    assert.equal(gw?.envKey, 'GW');
    assert.equal(config.model.value, 'fast-model');
    assert.deepEqual(config.profiles, [{ name: 'fast', form: 'profile-file', file: join(t.codexHome, 'fast.config.toml') }]);
    assert.deepEqual(config.diagnostics, []);
  } finally {
    t.cleanup();
  }
});

test('a config path that is a symlink to /dev/zero is refused at once with an error', { timeout: 5000 }, async (ctx) => {
  if (!existsSync('/dev/zero')) {
    ctx.diagnostic('no /dev/zero on this system');
    return;
  }
  const t = tempTree();
  try {
    const userFile = join(t.codexHome, 'config.toml');
    symlinkSync('/dev/zero', userFile);
    const fs = createNodeConfigFs();
    const config = await loadConfig({ cwd: t.ws, env: {}, fs, homeDir: t.home, trustWorkspace: true });
    const d = config.diagnostics.find((x) => x.code === 'not-a-regular-file');
    assert.equal(d?.severity, 'error');
    assert.equal(d?.file, userFile);
    assert.equal(config.provider.value, 'anthropic');
    await assert.rejects(fs.readText(userFile), /not a regular file/);
  } finally {
    t.cleanup();
  }
});

test('a config file over 1 MiB is refused with an error, the rest keeps working', async () => {
  const t = tempTree();
  try {
    writeFileSync(join(t.codexHome, 'config.toml'), `# ${'x'.repeat(1024 * 1024)}\n`);
    writeFileSync(join(t.ws, 'codex.toml'), 'model = "ws"\n');
    const config = await loadConfig({ cwd: t.ws, env: {}, fs: createNodeConfigFs(), homeDir: t.home, trustWorkspace: true });
    assert.equal(config.diagnostics.find((x) => x.code === 'file-too-large')?.file, join(t.codexHome, 'config.toml'));
    assert.equal(config.model.value, 'ws');
  } finally {
    t.cleanup();
  }
});
