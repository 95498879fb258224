// Profiles: legacy [profiles.x] tables and $CODEX_HOME/<name>.config.toml files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CODEX_HOME, USER_FILE, WS_FILE, load, onlyDiagnostic, provider } from './loadHelper';

const GW = '[model_providers.gw]\nbase_url = "https://gw/v1"\n';

test('legacy form: top-level profile = "x" applies [profiles.x] on top of the top level', async () => {
  const config = await load({
    [USER_FILE]: `model = "top"\nmodel_provider = "openai"\nprofile = "fast"\napproval_policy = "on-request"\n${GW}[profiles.fast]\nmodel = "quick"\nmodel_provider = "gw"\napproval_policy = "never"\n`,
  });
  assert.deepEqual(config.profile, { value: 'fast', source: 'user', file: USER_FILE, line: 3, form: 'legacy-table' });
  assert.deepEqual(config.model, { value: 'quick', source: 'profile', file: USER_FILE, line: 8 });
  assert.equal(config.provider.value, 'gw');
  assert.equal(config.settings.approval_policy, 'never');
  assert.deepEqual(config.profiles, [{ name: 'fast', form: 'legacy-table', file: USER_FILE }]);
});

test('file form: $CODEX_HOME/<name>.config.toml is a whole config layered on top, incl. providers', async () => {
  const profileFile = `${CODEX_HOME}/api.config.toml`;
  const config = await load(
    {
      [USER_FILE]: `model = "top"\n${GW}`,
      [profileFile]: 'model_provider = "openai-api"\nmodel = "gpt-5"\n[model_providers.openai-api]\nbase_url = "https://api.openai.com/v1"\n[model_providers.gw]\nname = "Renamed"\n',
    },
    { explicit: { profile: 'api' } },
  );
  assert.deepEqual(config.profile, { value: 'api', source: 'flag', form: 'profile-file' });
  assert.deepEqual(config.model, { value: 'gpt-5', source: 'profile', file: profileFile, line: 2 });
  assert.equal(config.provider.value, 'openai-api');
  assert.equal(provider(config, 'openai-api').source, 'profile');
  // Merged key by key onto the user file's gw.
  assert.equal(provider(config, 'gw').name, 'Renamed');
  assert.equal(provider(config, 'gw').baseUrl, 'https://gw/v1');
  assert.deepEqual(config.files.at(-1), { role: 'profile-file', path: profileFile, exists: true, applied: true });
  assert.deepEqual(config.profiles, [{ name: 'api', form: 'profile-file', file: profileFile }]);
});

test('a profile named by SWITCHBOARD_PROFILE or by the top-level key selects the file form too', async () => {
  const files = { [USER_FILE]: 'profile = "work"\n', [`${CODEX_HOME}/work.config.toml`]: 'model = "w"\n', [`${CODEX_HOME}/home.config.toml`]: 'model = "h"\n' };
  assert.equal((await load(files)).model.value, 'w');
  const viaEnv = await load(files, { env: { SWITCHBOARD_PROFILE: 'home' } });
  assert.equal(viaEnv.model.value, 'h');
  assert.deepEqual(viaEnv.profile, { value: 'home', source: 'env', form: 'profile-file' });
  assert.deepEqual(
    viaEnv.profiles.map((p) => p.name),
    ['home', 'work'],
  );
});

test('both forms with the same name: the file wins, with an info diagnostic at the table', async () => {
  const config = await load({
    [USER_FILE]: 'profile = "dup"\n\n[profiles.dup]\nmodel = "from-table"\n',
    [`${CODEX_HOME}/dup.config.toml`]: 'model = "from-file"\n',
  });
  assert.equal(config.model.value, 'from-file');
  assert.equal(config.profile.form, 'profile-file');
  const d = onlyDiagnostic(config, 'profile-both-forms');
  assert.deepEqual([d.severity, d.file, d.line], ['info', USER_FILE, 3]);
});

test('an unknown profile is an error listing the available ones; nothing is applied', async () => {
  const config = await load({
    [USER_FILE]: 'model = "top"\nprofile = "nope"\n[profiles.a]\nmodel = "a"\n[profiles.b]\nmodel = "b"\n',
    [`${CODEX_HOME}/c.config.toml`]: 'model = "c"\n',
  });
  const d = onlyDiagnostic(config, 'unknown-profile');
  assert.deepEqual([d.severity, d.file, d.line], ['error', USER_FILE, 2]);
  assert.match(d.message, /"nope".*"a", "b" and "c"/);
  assert.equal(config.profile.value, undefined);
  assert.equal(config.model.value, 'top');
});

test('a profile name that is not a safe file name is only looked up as a table', async () => {
  const config = await load({ [`${CODEX_HOME}/../evil.config.toml`]: 'model = "x"\n', '/home/evil.config.toml': 'model = "x"\n' }, { explicit: { profile: '../evil' } });
  assert.equal(onlyDiagnostic(config, 'unknown-profile').file, undefined);
  assert.equal(config.model.value, 'claude-sonnet-4-5');
});

test('a broken profile file: syntax error, profile not applied, other files still are', async () => {
  const path = `${CODEX_HOME}/bad.config.toml`;
  const config = await load({ [USER_FILE]: 'model = "top"\n', [path]: 'model = \n' }, { explicit: { profile: 'bad' } });
  assert.equal(onlyDiagnostic(config, 'toml-syntax').file, path);
  assert.equal(config.model.value, 'top');
  assert.equal(config.files.at(-1)?.applied, false);
});

test('legacy profiles in user and workspace files merge; a workspace profile keeps the workspace label', async () => {
  const config = await load({
    [USER_FILE]: `profile = "p"\n${GW}[profiles.p]\nmodel = "user-p"\nmodel_provider = "gw"\n`,
    [WS_FILE]: '[profiles.p]\nmodel = "ws-p"\n',
  });
  assert.deepEqual(config.model, { value: 'ws-p', source: 'workspace', file: WS_FILE, line: 2 });
  assert.deepEqual(config.provider, { value: 'gw', source: 'profile', file: USER_FILE, line: 6 });
});

test('a legacy profile may define model_providers of its own', async () => {
  const config = await load({ [USER_FILE]: 'profile = "p"\n[profiles.p]\nmodel_provider = "pp"\n[profiles.p.model_providers.pp]\nbase_url = "https://pp/v1/"\n' });
  assert.equal(config.provider.value, 'pp');
  assert.equal(provider(config, 'pp').baseUrl, 'https://pp/v1');
  assert.equal(provider(config, 'pp').line, 4);
});

test('provider keys written inside a profile warn (corpus 041 style)', async () => {
  const config = await load({ [USER_FILE]: '[profiles.x]\nprovider = "openai"\nmodel = "m"\n' });
  const d = onlyDiagnostic(config, 'unknown-profile-key');
  assert.deepEqual([d.severity, d.line], ['warning', 2]);
  assert.match(d.fix ?? '', /model_provider/);
});
