// Reading config files: syntax errors with positions, unreadable or suspicious files, and that one
// broken file never takes the others down.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CODEX_HOME, HOME, USER_FILE, WS_DOT_FILE, WS_FILE, diagnosticsWith, load, onlyDiagnostic, provider } from './loadHelper';

test('a TOML syntax error is an error diagnostic with file, line and column; the file is not applied', async () => {
  const config = await load({ [USER_FILE]: 'model = "a"\nmodel_provider = "x" or "y"\n' });
  const d = onlyDiagnostic(config, 'toml-syntax');
  assert.equal(d.severity, 'error');
  assert.equal(d.file, USER_FILE);
  assert.equal(d.line, 2);
  assert.equal(d.column, 22);
  assert.match(d.message, /line 2, column 22/);
  assert.ok(d.fix);
  const status = config.files.find((f) => f.path === USER_FILE);
  assert.deepEqual(status, { role: 'user', path: USER_FILE, exists: true, applied: false, reason: 'TOML syntax error at line 2' });
  assert.equal(config.provider.value, 'anthropic');
});

test('a syntax error message does not quote the offending line (it could hold a secret)', async () => {
  const config = await load({ [USER_FILE]: 'experimental_bearer_token = sk-live-SECRET123\n' });
  const d = onlyDiagnostic(config, 'toml-syntax');
  assert.doesNotMatch(JSON.stringify(d), /SECRET123/);
});

test('a broken workspace file does not hide the user file\'s providers', async () => {
  const config = await load({
    [USER_FILE]: 'model_provider = "gw"\n[model_providers.gw]\nbase_url = "https://gw.example/v1"\n',
    [WS_FILE]: '[model_providers.gw\nbase_url = "x"\n',
  });
  assert.equal(onlyDiagnostic(config, 'toml-syntax').file, WS_FILE);
  assert.equal(config.provider.value, 'gw');
  assert.equal(provider(config, 'gw').baseUrl, 'https://gw.example/v1');
  assert.equal(config.files.find((f) => f.path === WS_FILE)?.applied, false);
  assert.equal(config.files.find((f) => f.path === USER_FILE)?.applied, true);
});

test('a file over 1 MiB is refused without being read', async () => {
  const config = await load({ [USER_FILE]: 'model = "a"\n' }, { fsOptions: { sizes: { [USER_FILE]: 2 * 1024 * 1024 } } });
  const d = onlyDiagnostic(config, 'file-too-large');
  assert.equal(d.severity, 'error');
  assert.equal(d.file, USER_FILE);
  assert.equal(config.fs.reads.get(USER_FILE), undefined);
  assert.equal(config.model.value, 'claude-sonnet-4-5');
});

test('a path that is not a regular file (device, directory) is refused without being read', async () => {
  const config = await load({}, { fsOptions: { specialFiles: [USER_FILE], directories: [WS_FILE] } });
  const ds = diagnosticsWith(config, 'not-a-regular-file');
  assert.deepEqual(ds.map((d) => d.file).sort(), [USER_FILE, WS_FILE].sort());
  assert.equal(config.fs.reads.get(USER_FILE), undefined);
  assert.equal(config.files.find((f) => f.path === USER_FILE)?.reason, 'not a regular file');
});

test('a file system without stat still enforces the size limit after reading', async () => {
  const big = `# ${'x'.repeat(1024 * 1024 + 10)}\n`;
  const config = await load({ [USER_FILE]: big }, { fsOptions: { minimal: true } });
  assert.equal(onlyDiagnostic(config, 'file-too-large').file, USER_FILE);
});

test('a read failure becomes a file-read-error diagnostic, not an exception', async () => {
  const config = await load({}, { fsOptions: { minimal: true, directories: [USER_FILE] } });
  const d = onlyDiagnostic(config, 'file-read-error');
  assert.equal(d.file, USER_FILE);
  assert.match(d.message, /could not be read/);
});

test('missing files are listed as not existing; a UTF-8 BOM is ignored', async () => {
  const config = await load({ [USER_FILE]: '\ufeffmodel = "m1"\n' });
  assert.equal(config.model.value, 'm1');
  assert.equal(config.model.line, 1);
  assert.deepEqual(
    config.files.map((f) => [f.role, f.path, f.exists, f.applied]),
    [
      ['user', USER_FILE, true, true],
      ['workspace', WS_DOT_FILE, false, false],
      ['workspace', WS_FILE, false, false],
    ],
  );
});

test('user file location: CODEX_HOME, userConfigPath as a directory, as a file, and with ~', async () => {
  const text = 'model = "from-custom"\n';
  const viaEnv = await load({ '/opt/codex/config.toml': text }, { env: { CODEX_HOME: '/opt/codex' } });
  assert.equal(viaEnv.model.value, 'from-custom');
  assert.equal(viaEnv.files[0].path, '/opt/codex/config.toml');

  const viaDir = await load({ '/cfg/config.toml': text }, { userConfigPath: '/cfg' });
  assert.equal(viaDir.model.value, 'from-custom');

  const viaFile = await load({ '/cfg/mine.toml': text }, { userConfigPath: '/cfg/mine.toml' });
  assert.equal(viaFile.model.value, 'from-custom');
  assert.equal(viaFile.files[0].path, '/cfg/mine.toml');

  const viaTilde = await load({ [`${HOME}/alt/config.toml`]: text }, { userConfigPath: '~/alt' });
  assert.equal(viaTilde.model.value, 'from-custom');

  // userConfigPath wins over CODEX_HOME.
  const both = await load({ '/cfg/config.toml': text, [`${CODEX_HOME}/config.toml`]: 'model = "other"\n' }, { userConfigPath: '/cfg', env: { CODEX_HOME } });
  assert.equal(both.model.value, 'from-custom');
});
