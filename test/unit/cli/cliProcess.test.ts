// The CLI as a real subprocess against temp config folders: src/cli/main.ts is bundled once with
// esbuild (as `npm run build` does for dist/cli.js), then run with HOME and CODEX_HOME pointing
// at a temp dir and the workspace in another. Asserts JSON shapes, workspace trust, exit codes
// 0/2, and that no credential value is ever printed.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../providers/scriptFixtures';
import { buildCli } from '../../helpers/cliBuild';

const bundleDir = tempDir('sb-cli-bundle-');
const bundle = join(bundleDir, 'cli.js');

before(async () => {
  buildCli(bundleDir);
});
const SECRETS = ['sk-cli-env-secret-111', 'cli-bearer-secret-222'];

interface Sandbox {
  home: string;
  workspace: string;
}

function sandbox(userToml: string, workspaceToml?: string): Sandbox {
  const root = tempDir('sb-cli-');
  const home = join(root, 'home');
  const workspace = join(root, 'ws');
  mkdirSync(join(home, '.codex'), { recursive: true });
  mkdirSync(workspace);
  writeFileSync(join(home, '.codex', 'config.toml'), userToml);
  if (workspaceToml !== undefined) writeFileSync(join(workspace, 'codex.toml'), workspaceToml);
  return { home, workspace };
}

function switchboard(box: Sandbox, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bundle, ...args, '--cwd', box.workspace], {
    cwd: box.workspace,
    env: { PATH: process.env.PATH, HOME: box.home, USERPROFILE: box.home, CODEX_HOME: join(box.home, '.codex'), ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const output = `${result.stdout}${result.stderr}`;
  for (const secret of SECRETS) assert.ok(!output.includes(secret), `a credential value was printed: ${secret}`);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const USER_TOML = `model_provider = "corp"

[model_providers.corp]
name = "Corp Gateway"
base_url = "https://gw.corp.test/v1/"
env_key = "CORP_KEY"
default_model = "corp-large"

[model_providers.tokened]
name = "Tokened"
base_url = "http://127.0.0.1:4000/v1"
experimental_bearer_token = "${SECRETS[1]}"

[model_providers.cmd]
name = "Command"
base_url = "https://cmd.test/v1"
[model_providers.cmd.auth]
command = "/definitely/not/installed/token-helper"
`;

const WORKSPACE_TOML = `[model_providers.wsp]
name = "Workspace Provider"
base_url = "http://127.0.0.1:9999/v1"
wire_api = "chat"
`;

test('providers list --json: shape, sources, credential availability; secrets never printed', () => {
  const box = sandbox(USER_TOML, WORKSPACE_TOML);
  const { code, stdout } = switchboard(box, ['providers', 'list', '--json'], { CORP_KEY: SECRETS[0] });
  assert.equal(code, 0);
  const list = JSON.parse(stdout) as { id: string; auth: unknown }[];
  const byId = new Map(list.map((entry) => [entry.id, entry]));
  const userFile = join(box.home, '.codex', 'config.toml');
  assert.deepEqual(byId.get('corp'), {
    id: 'corp',
    name: 'Corp Gateway',
    source: 'user',
    file: userFile,
    baseUrl: 'https://gw.corp.test/v1',
    wireApi: 'responses',
    defaultModel: 'corp-large',
    auth: { kind: 'env', available: true, source: 'env CORP_KEY' },
  });
  assert.deepEqual(byId.get('tokened')?.auth, { kind: 'bearer-token', available: true, source: 'experimental_bearer_token' });
  assert.deepEqual(byId.get('cmd')?.auth, {
    kind: 'command',
    available: false,
    source: 'command /definitely/not/installed/token-helper',
  });
  assert.deepEqual(byId.get('ollama')?.auth, { kind: 'none', available: true, source: null });
  assert.equal(byId.get('wsp'), undefined, 'untrusted workspace providers are not listed');
  for (const entry of list) {
    assert.deepEqual(Object.keys(entry).sort(), ['auth', 'baseUrl', 'defaultModel', 'file', 'id', 'name', 'source', 'wireApi']);
  }
});

test('--trust-workspace (or a trusted project in the user file) applies codex.toml', () => {
  const box = sandbox(USER_TOML, WORKSPACE_TOML);
  const flagged = JSON.parse(switchboard(box, ['--trust-workspace', 'providers', 'list', '--json']).stdout) as { id: string; source: string; file: string }[];
  const wsp = flagged.find((p) => p.id === 'wsp');
  assert.equal(wsp?.source, 'workspace');
  assert.equal(wsp?.file, join(box.workspace, 'codex.toml'));

  const trustedBox = sandbox('', WORKSPACE_TOML);
  writeFileSync(
    join(trustedBox.home, '.codex', 'config.toml'),
    `${USER_TOML}\n[projects.${JSON.stringify(trustedBox.workspace)}]\ntrust_level = "trusted"\n`,
  );
  const listed = JSON.parse(switchboard(trustedBox, ['providers', 'list', '--json']).stdout) as { id: string }[];
  assert.ok(listed.some((p) => p.id === 'wsp'));
});

test('providers list text shows a table and marks the active provider', () => {
  const box = sandbox(USER_TOML);
  const { code, stdout } = switchboard(box, ['providers', 'list'], { CORP_KEY: SECRETS[0] });
  assert.equal(code, 0);
  assert.match(stdout, /^\s+ID\s+NAME\s+WIRE\s+BASE URL\s+CREDENTIAL\s+DEFINED IN$/m);
  assert.match(stdout, /^\* corp\s+Corp Gateway\s+responses\s+https:\/\/gw\.corp\.test\/v1\s+env CORP_KEY\s+user ~\/\.codex\/config\.toml$/m);
});

test('config explain --json: flag, workspace and profile sources, in the documented shape', () => {
  const box = sandbox(USER_TOML, 'model_provider = "wsp"\nmodel = "ws-model"\n' + WORKSPACE_TOML);
  writeFileSync(join(box.home, '.codex', 'fast.config.toml'), 'model = "fast-model"\n');
  const fromUser = JSON.parse(switchboard(box, ['config', 'explain', '--json']).stdout);
  assert.deepEqual(fromUser.provider, { value: 'corp', source: 'user' });
  assert.deepEqual(fromUser.model, { value: 'corp-large', source: 'user' });
  assert.deepEqual(fromUser.profile, { value: null, source: 'builtin' });
  assert.ok(
    fromUser.diagnostics.some((d: { severity: string; file: string }) => d.severity === 'warning' && d.file === join(box.workspace, 'codex.toml')),
    'the untrusted workspace file is reported',
  );
  for (const d of fromUser.diagnostics) assert.deepEqual(Object.keys(d).sort(), ['column', 'file', 'line', 'message', 'severity']);

  const fromWorkspace = JSON.parse(switchboard(box, ['config', 'explain', '--json', '--trust-workspace']).stdout);
  assert.deepEqual(fromWorkspace.provider, { value: 'wsp', source: 'workspace' });
  assert.deepEqual(fromWorkspace.model, { value: 'ws-model', source: 'workspace' });

  const fromFlags = JSON.parse(switchboard(box, ['config', 'explain', '--json', '--provider', 'tokened', '--profile', 'fast']).stdout);
  assert.deepEqual(fromFlags.provider, { value: 'tokened', source: 'flag' });
  assert.deepEqual(fromFlags.model, { value: 'fast-model', source: 'profile' });
  assert.deepEqual(fromFlags.profile, { value: 'fast', source: 'flag' });
  assert.deepEqual(Object.keys(fromFlags).sort(), ['diagnostics', 'model', 'profile', 'provider']);
});

test('a config error: both verbs still print, stderr has file:line:column, exit code 2', () => {
  const box = sandbox('model_provider = "corp"\n[model_providers.corp]\nname = "Corp"\nbase_url = = "x"\n');
  const userFile = join(box.home, '.codex', 'config.toml');
  const list = switchboard(box, ['providers', 'list', '--json']);
  assert.equal(list.code, 2);
  assert.ok((JSON.parse(list.stdout) as { id: string }[]).some((p) => p.id === 'openai'), 'built-ins still listed');
  assert.match(list.stderr, new RegExp(`^${userFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:\\d+: error: `, 'm'));

  const explain = switchboard(box, ['config', 'explain']);
  assert.equal(explain.code, 2);
  assert.match(explain.stdout, /^Provider\s/m);
  assert.match(explain.stdout, /Diagnostics:\n {2}\S+config\.toml:4:\d+: error: /);
  assert.match(explain.stderr, /config\.toml:4:\d+: error: /);
});

test('usage errors exit 2 with usage on stderr; --version exits 0', () => {
  const box = sandbox('');
  const bad = switchboard(box, ['providers', 'lisst']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /unknown command 'providers lisst'.*\nusage: switchboard/s);
  const flag = switchboard(box, ['providers', 'list', '--frobnicate']);
  assert.equal(flag.code, 2);
  const version = switchboard(box, ['--version']);
  assert.equal(version.code, 0);
  assert.match(version.stdout, /^switchboard \d+\.\d+\.\d+\n$/);
});
