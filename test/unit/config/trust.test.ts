// Workspace trust: which workspace files apply, and how the user is told to trust.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isTrustedPath, trustedProjectsOf } from '../../../src/core/config/trust';
import { CWD, USER_FILE, WS_DOT_FILE, WS_FILE, diagnosticsWith, load } from './loadHelper';

const WS = { [WS_FILE]: 'model = "ws-model"\n', [WS_DOT_FILE]: 'model_provider = "openai"\n' };

test('trustWorkspace: true applies workspace files', async () => {
  const config = await load(WS, { trustWorkspace: true });
  assert.equal(config.model.value, 'ws-model');
  assert.equal(config.provider.value, 'openai');
  assert.deepEqual(diagnosticsWith(config, 'workspace-untrusted'), []);
});

test('trustWorkspace: false ignores them, records why, and warns how to trust (without reading them)', async () => {
  const config = await load({ ...WS, [USER_FILE]: 'model = "user-model"\n' }, { trustWorkspace: false });
  assert.equal(config.model.value, 'user-model');
  assert.equal(config.provider.value, 'anthropic');
  for (const path of [WS_FILE, WS_DOT_FILE]) {
    assert.deepEqual(config.files.find((f) => f.path === path), { role: 'workspace', path, exists: true, applied: false, reason: 'workspace is not trusted' });
    assert.equal(config.fs.reads.get(path), undefined);
  }
  const ds = diagnosticsWith(config, 'workspace-untrusted');
  assert.equal(ds.length, 2);
  assert.equal(ds[0].severity, 'warning');
  assert.match(ds[0].fix ?? '', /trust the workspace/);
  assert.match(ds[0].fix ?? '', /--trust-workspace/);
  assert.ok(ds[0].fix?.includes(`[projects."${CWD}"] trust_level = "trusted"`));
});

test('no warning when an untrusted workspace has no config files', async () => {
  const config = await load({}, { trustWorkspace: false });
  assert.deepEqual(config.diagnostics, []);
  assert.equal(config.files.find((f) => f.path === WS_FILE)?.reason, 'file does not exist');
});

test("'user-file': applies workspace files when the user file trusts the folder or a parent", async () => {
  const exact = await load({ ...WS, [USER_FILE]: `[projects."${CWD}"]\ntrust_level = "trusted"\n` }, { trustWorkspace: 'user-file' });
  assert.equal(exact.model.value, 'ws-model');
  assert.deepEqual(exact.trustedProjects, [CWD]);

  const parent = await load({ ...WS, [USER_FILE]: 'projects = { "/work" = { trust_level = "trusted" } }\n' }, { trustWorkspace: 'user-file' });
  assert.equal(parent.model.value, 'ws-model');

  const untrustedLevel = await load({ ...WS, [USER_FILE]: `[projects."${CWD}"]\ntrust_level = "untrusted"\n` }, { trustWorkspace: 'user-file' });
  assert.equal(untrustedLevel.model.value, 'claude-sonnet-4-5');
  assert.deepEqual(untrustedLevel.trustedProjects, []);

  const sibling = await load({ ...WS, [USER_FILE]: '[projects."/work/pro"]\ntrust_level = "trusted"\n' }, { trustWorkspace: 'user-file' });
  assert.equal(sibling.model.value, 'claude-sonnet-4-5');
  assert.equal(diagnosticsWith(sibling, 'workspace-untrusted').length, 2);
});

test("'user-file': a workspace file cannot trust itself; a broken user file trusts nothing", async () => {
  const self = await load({ [WS_FILE]: `model = "ws"\n[projects."${CWD}"]\ntrust_level = "trusted"\n` }, { trustWorkspace: 'user-file' });
  assert.equal(self.model.value, 'claude-sonnet-4-5');
  const broken = await load({ ...WS, [USER_FILE]: `[projects."${CWD}"]\ntrust_level = "trusted"\nbad = \n` }, { trustWorkspace: 'user-file' });
  assert.equal(broken.model.value, 'claude-sonnet-4-5');
});

test("'user-file': the real path of the folder counts too (symlinked checkouts)", async () => {
  const config = await load({ ...WS, [USER_FILE]: '[projects."/real/proj"]\ntrust_level = "trusted"\n' }, { trustWorkspace: 'user-file', fsOptions: { symlinks: { [CWD]: '/real/proj' } } });
  assert.equal(config.model.value, 'ws-model');
});

test('trusted project keys: Windows \\\\?\\ prefixes are dropped, relative keys never match', () => {
  assert.deepEqual(trustedProjectsOf({ projects: { '/a': { trust_level: 'trusted' }, '/b': { trust_level: 'untrusted' }, '/c': 'trusted' } }), ['/a']);
  assert.equal(isTrustedPath('/a/b', ['/a']), true);
  assert.equal(isTrustedPath('/ab', ['/a']), false);
  assert.equal(isTrustedPath('/a', ['/a/']), true);
  assert.equal(isTrustedPath('/x', ['relative/x']), false);
  assert.equal(isTrustedPath('/x/y', ['\\\\?\\/x']), true);
});
