// Every diagnostic code has a scenario that produces it, at the expected file and line, with a
// message and a fix. Adding a code without a scenario fails the last test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticCodes } from '../../../src/core/config/diagnostics';
import { loadConfig } from '../../../src/core/config/loadConfig';
import type { ResolvedConfig } from '../../../src/core/config/resolvedConfig';
import { createMemoryFs } from '../../helpers/memoryFs';
import { CODEX_HOME, CWD, HOME, USER_FILE, WS_FILE, load, type LoadArgs } from './loadHelper';

interface Scenario {
  files: Record<string, string>;
  args?: LoadArgs;
  /** Expected position: file and line (undefined: not from a file). */
  file?: string;
  line?: number;
  severity: 'error' | 'warning' | 'info';
  run?: () => Promise<ResolvedConfig>;
}

const P = '[model_providers.gw]\nbase_url = "https://gw/v1"\n';

const SCENARIOS: Record<string, Scenario> = {
  'toml-syntax': { files: { [USER_FILE]: 'a = 1\nb = = 2\n' }, file: USER_FILE, line: 2, severity: 'error' },
  'file-too-large': { files: { [USER_FILE]: 'a = 1\n' }, args: { fsOptions: { sizes: { [USER_FILE]: 5_000_000 } } }, file: USER_FILE, severity: 'error' },
  'not-a-regular-file': { files: {}, args: { fsOptions: { specialFiles: [USER_FILE] } }, file: USER_FILE, severity: 'error' },
  'file-read-error': { files: {}, args: { fsOptions: { minimal: true, specialFiles: [USER_FILE] } }, file: USER_FILE, severity: 'error' },
  'wrong-type': { files: { [USER_FILE]: `${P}stream_idle_timeout_ms = true\n` }, file: USER_FILE, line: 3, severity: 'error' },
  'invalid-value': { files: { [USER_FILE]: `${P}stream_idle_timeout_ms = 0\n` }, file: USER_FILE, line: 3, severity: 'error' },
  'value-clamped': { files: { [USER_FILE]: `${P}stream_max_retries = 1000\n` }, file: USER_FILE, line: 3, severity: 'warning' },
  'unknown-wire-api': { files: { [WS_FILE]: `${P}wire_api = "grpc"\n` }, file: WS_FILE, line: 3, severity: 'error' },
  'reserved-provider-id': { files: { [USER_FILE]: 'x = 1\n[model_providers.anthropic]\nname = "A"\n' }, file: USER_FILE, line: 2, severity: 'error' },
  'auth-conflict': { files: { [USER_FILE]: `${P}env_key = "K"\n[model_providers.gw.auth]\ncommand = "t"\n` }, file: USER_FILE, line: 4, severity: 'error' },
  'unknown-provider': { files: { [USER_FILE]: '\n\nmodel_provider = "nope"\n' }, file: USER_FILE, line: 3, severity: 'error' },
  'bearer-token-in-config': { files: { [WS_FILE]: `${P}experimental_bearer_token = "t"\n` }, file: WS_FILE, line: 3, severity: 'warning' },
  'missing-base-url': { files: { [USER_FILE]: 'model_provider = "x"\nmodel = "m"\n[model_providers.x]\nname = "X"\n' }, file: USER_FILE, line: 3, severity: 'error' },
  'missing-region': { files: { [USER_FILE]: 'model_provider = "amazon-bedrock"\nmodel = "m"\n[model_providers.amazon-bedrock.aws]\nprofile = "p"\n' }, file: USER_FILE, line: 3, severity: 'error' },
  'invalid-base-url': { files: { [USER_FILE]: '[model_providers.x]\nbase_url = "ftp://x"\n' }, file: USER_FILE, line: 2, severity: 'warning' },
  'unexpanded-placeholder': { files: { [USER_FILE]: '[model_providers.x]\n\nbase_url = "http://$HOST/v1"\n' }, file: USER_FILE, line: 3, severity: 'warning' },
  'unknown-provider-key': { files: { [WS_FILE]: `${P}api_key = "x"\n` }, file: WS_FILE, line: 3, severity: 'warning' },
  'wrong-table-name': { files: { [USER_FILE]: 'a = 1\n[providers.x]\nname = "x"\n' }, file: USER_FILE, line: 2, severity: 'warning' },
  'unknown-profile-key': { files: { [USER_FILE]: '[profiles.p]\nmodel = "m"\napi_key = "k"\n' }, file: USER_FILE, line: 3, severity: 'warning' },
  'workspace-untrusted': { files: { [WS_FILE]: 'a = 1\n' }, args: { trustWorkspace: false }, file: WS_FILE, severity: 'warning' },
  'unknown-profile': { files: { [USER_FILE]: 'profile = "nope"\n' }, file: USER_FILE, line: 1, severity: 'error' },
  'profile-both-forms': { files: { [USER_FILE]: 'profile = "p"\n[profiles.p]\n', [`${CODEX_HOME}/p.config.toml`]: '' }, file: USER_FILE, line: 2, severity: 'info' },
  'invalid-override': { files: {}, args: { explicit: { overrides: ['no-equals-sign'] } }, severity: 'error' },
  'invalid-env-value': { files: {}, args: { env: { CODEX_OSS_PORT: '70000' } }, severity: 'warning' },
  'no-model': { files: { [USER_FILE]: `model_provider = "gw"\n${P}` }, file: USER_FILE, line: 1, severity: 'warning' },
  'invalid-provider-id': { files: { [USER_FILE]: '\n[model_providers.""]\nbase_url = "https://x"\n' }, file: USER_FILE, line: 2, severity: 'error' },
  'default-provider-mismatch': { files: { [WS_FILE]: '\nmodel = "o3"\n' }, file: WS_FILE, line: 2, severity: 'warning' },
  'internal-error': {
    files: {},
    severity: 'error',
    // An environment object that throws stands in for a bug: loadConfig still returns built-ins.
    run: () =>
      loadConfig({
        cwd: CWD,
        homeDir: HOME,
        trustWorkspace: true,
        fs: createMemoryFs({}),
        env: new Proxy({}, { get: () => { throw new Error('env exploded'); } }),
      }),
  },
};

for (const [code, s] of Object.entries(SCENARIOS)) {
  test(`diagnostic ${code}: ${s.severity}${s.file ? ` at ${s.file}${s.line ? `:${s.line}` : ''}` : ''}`, async () => {
    const config = s.run ? await s.run() : await load(s.files, s.args);
    const found = config.diagnostics.filter((d) => d.code === code);
    assert.equal(found.length, 1, JSON.stringify(config.diagnostics, null, 1));
    const d = found[0];
    assert.equal(d.severity, s.severity);
    assert.equal(d.file, s.file);
    assert.equal(d.line, s.line);
    if (d.line !== undefined) assert.ok(d.column !== undefined && d.column >= 1);
    assert.ok(d.message.length > 10 && /[.!?]$/.test(d.message.trim()), d.message);
    assert.ok(d.fix && d.fix.length > 5, 'has a fix');
    assert.ok(config.providers.some((p) => p.id === 'anthropic'));
  });
}

test('every diagnostic code has a scenario above', () => {
  assert.deepEqual(Object.values(DiagnosticCodes).sort(), Object.keys(SCENARIOS).sort());
});
