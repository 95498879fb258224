// Layer precedence: explicit > env > profile > workspace codex.toml > workspace .codex/config.toml >
// user file > built-in, and key-by-key merging of tables across layers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { USER_FILE, WS_DOT_FILE, WS_FILE, load, provider } from './loadHelper';

const providersText = (id: string) => `[model_providers.${id}]\nbase_url = "https://${id}.example/v1"\n`;

const ALL_LAYERS = {
  [USER_FILE]: `model_provider = "u"\nmodel = "user-model"\n${providersText('u')}${providersText('dot')}${providersText('ws')}${providersText('p')}${providersText('e')}${providersText('x')}[profiles.fast]\nmodel_provider = "p"\nmodel = "profile-model"\n`,
  [WS_DOT_FILE]: 'model_provider = "dot"\nmodel = "dot-model"\n',
  [WS_FILE]: 'model_provider = "ws"\nmodel = "ws-model"\n',
};

test('with no configuration at all: anthropic and its default model, from the built-ins', async () => {
  const config = await load({});
  assert.deepEqual(config.provider, { value: 'anthropic', source: 'builtin' });
  assert.deepEqual(config.model, { value: 'claude-sonnet-4-5', source: 'builtin' });
  assert.deepEqual(config.diagnostics, []);
  assert.deepEqual(
    config.providers.map((p) => p.id),
    ['anthropic', 'openai', 'ollama', 'lmstudio', 'azure', 'amazon-bedrock'],
  );
});

test('user file < .codex/config.toml < codex.toml, each with the file and line', async () => {
  const userOnly = await load({ [USER_FILE]: ALL_LAYERS[USER_FILE] });
  assert.deepEqual(userOnly.provider, { value: 'u', source: 'user', file: USER_FILE, line: 1 });
  assert.deepEqual(userOnly.model, { value: 'user-model', source: 'user', file: USER_FILE, line: 2 });

  const dot = await load({ [USER_FILE]: ALL_LAYERS[USER_FILE], [WS_DOT_FILE]: ALL_LAYERS[WS_DOT_FILE] });
  assert.deepEqual(dot.provider, { value: 'dot', source: 'workspace', file: WS_DOT_FILE, line: 1 });

  const ws = await load({ [USER_FILE]: ALL_LAYERS[USER_FILE], [WS_DOT_FILE]: ALL_LAYERS[WS_DOT_FILE], [WS_FILE]: ALL_LAYERS[WS_FILE] });
  assert.deepEqual(ws.provider, { value: 'ws', source: 'workspace', file: WS_FILE, line: 1 });
  assert.deepEqual(ws.model, { value: 'ws-model', source: 'workspace', file: WS_FILE, line: 2 });
});

test('a profile beats every file top level; env beats the profile; explicit beats env', async () => {
  const withProfile = await load(ALL_LAYERS, { explicit: {}, env: { SWITCHBOARD_PROFILE: 'fast' } });
  assert.equal(withProfile.provider.value, 'p');
  assert.equal(withProfile.provider.source, 'profile');
  assert.equal(withProfile.provider.line, 16);
  assert.equal(withProfile.model.value, 'profile-model');

  const withEnv = await load(ALL_LAYERS, { env: { SWITCHBOARD_PROFILE: 'fast', SWITCHBOARD_PROVIDER: 'e', SWITCHBOARD_MODEL: 'env-model' } });
  assert.deepEqual(withEnv.provider, { value: 'e', source: 'env' });
  assert.deepEqual(withEnv.model, { value: 'env-model', source: 'env' });

  const withExplicit = await load(ALL_LAYERS, {
    env: { SWITCHBOARD_PROFILE: 'fast', SWITCHBOARD_PROVIDER: 'e', SWITCHBOARD_MODEL: 'env-model' },
    explicit: { provider: 'x', model: 'explicit-model' },
  });
  assert.deepEqual(withExplicit.provider, { value: 'x', source: 'flag' });
  assert.deepEqual(withExplicit.model, { value: 'explicit-model', source: 'flag' });
});

test('blank explicit and environment values are ignored', async () => {
  const config = await load({ [USER_FILE]: 'model = "m"\n' }, { explicit: { provider: '  ', model: '' }, env: { SWITCHBOARD_PROVIDER: '', SWITCHBOARD_MODEL: ' ' } });
  assert.equal(config.provider.value, 'anthropic');
  assert.equal(config.model.value, 'm');
});

test('without any model setting, the active provider\'s default_model applies, with its source', async () => {
  const config = await load({ [USER_FILE]: 'model_provider = "gw"\n[model_providers.gw]\nbase_url = "https://gw/v1"\ndefault_model = "gw-model"\n' });
  assert.deepEqual(config.model, { value: 'gw-model', source: 'user', file: USER_FILE, line: 4 });
  const builtin = await load({}, { explicit: { provider: 'ollama' } });
  assert.deepEqual(builtin.model, { value: 'llama3.2', source: 'builtin' });
});

test('provider tables merge key by key: a workspace base_url keeps the user file\'s other keys', async () => {
  const config = await load({
    [USER_FILE]: [
      'model_provider = "gw"',
      '[model_providers.gw]',
      'name = "Gateway"',
      'base_url = "https://user.example/v1"',
      'env_key = "GW_KEY"',
      'wire_api = "chat"',
      'http_headers = { "X-User" = "u", "X-Both" = "user" }',
      '[model_providers.gw.auth]',
      'command = "get-token"',
      'args = ["--a"]',
    ].join('\n'),
    [WS_FILE]: ['[model_providers.gw]', 'base_url = "https://ws.example/v1"', 'http_headers = { "X-Both" = "ws", "X-Ws" = "w" }', '[model_providers.gw.auth]', 'timeout_ms = 900'].join('\n'),
  });
  const gw = provider(config, 'gw');
  assert.equal(gw.name, 'Gateway');
  assert.equal(gw.baseUrl, 'https://ws.example/v1');
  assert.equal(gw.wireApi, 'chat');
  assert.deepEqual(gw.httpHeaders, { 'X-User': 'u', 'X-Both': 'ws', 'X-Ws': 'w' });
  // env_key + auth is a conflict; auth is kept, merged across both files.
  assert.deepEqual(gw.auth, { command: 'get-token', args: ['--a'], timeoutMs: 900, refreshIntervalMs: 300000, cwd: '/home/u/.codex' });
  assert.equal(gw.source, 'workspace');
  assert.equal(gw.file, WS_FILE);
  assert.equal(gw.line, 1);
  assert.equal(gw.fromWorkspace, true);
  assert.equal(config.fieldSources.gw.baseUrl.source, 'workspace');
  assert.equal(config.fieldSources.gw.name.source, 'user');
  assert.equal(config.fieldSources.gw['auth.command'].source, 'user');
  assert.equal(config.fieldSources.gw['auth.timeoutMs'].source, 'workspace');
});

test('providers are listed built-ins first, then user, then workspace definitions', async () => {
  const config = await load({ [USER_FILE]: providersText('zeta') + providersText('alpha'), [WS_FILE]: providersText('beta') + providersText('zeta') });
  assert.deepEqual(
    config.providers.map((p) => p.id).slice(6),
    ['zeta', 'alpha', 'beta'],
  );
  assert.equal(provider(config, 'alpha').fromWorkspace, false);
  assert.equal(provider(config, 'zeta').fromWorkspace, true);
});

test('other top-level settings merge key by key across layers, profile and -c on top', async () => {
  const config = await load(
    {
      [USER_FILE]: 'approval_policy = "on-request"\nprofile = "p"\n[features]\na = true\nb = true\n[profiles.p]\nsandbox_mode = "read-only"\n',
      [WS_FILE]: '[features]\nb = false\n',
    },
    { explicit: { overrides: ['features.c=true', 'approval_policy=never'] } },
  );
  assert.deepEqual(config.settings, { approval_policy: 'never', features: { a: true, b: false, c: true }, sandbox_mode: 'read-only' });
  assert.equal(Object.getPrototypeOf(config.settings.features), Object.prototype);
});

test('unknown Codex keys anywhere outside provider tables are tolerated silently', async () => {
  const config = await load({
    [USER_FILE]: [
      'approval_policy = "never"',
      'sandbox_mode = "workspace-write"',
      '[mcp_servers.x]',
      'command = "npx"',
      '[tui]',
      'notifications = true',
      '[features]',
      'hooks = true',
      '[[hooks.PreToolUse]]',
      'matcher = "^Bash$"',
      '[permissions.ws.filesystem]',
      '":root" = "read"',
      '[projects."/x"]',
      'trust_level = "trusted"',
      'some_future_key = { nested = [1, 2] }',
    ].join('\n'),
  });
  assert.deepEqual(config.diagnostics, []);
});
