import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'smol-toml';
import { userConfigTemplate, workspaceConfigTemplate } from '../../../src/core/config/configTemplate';
import { diagnosticRange } from '../../../src/core/config/diagnosticRange';
import { chooseConfig, isBroken } from '../../../src/core/config/lastGoodConfig';
import { diagnosticsToShow } from '../../../src/core/config/untrustedDiagnostics';
import { provider, resolved } from './providerFixture';

const good = resolved({
  providers: [provider({ id: 'anthropic' }), provider({ id: 'team', source: 'workspace', fromWorkspace: true })],
  files: [{ role: 'workspace', path: '/ws/codex.toml', exists: true, applied: true }],
});
const broken = resolved({
  files: [{ role: 'workspace', path: '/ws/codex.toml', exists: true, applied: false }],
  diagnostics: [{ severity: 'error', code: 'toml-syntax', message: 'Expected "="', file: '/ws/codex.toml', line: 4, column: 7 }],
});

test('a file that fails to parse keeps the last good providers, with the new diagnostics', () => {
  assert.equal(isBroken(broken), true);
  const { config, keptLastGood } = chooseConfig(good, broken);
  assert.equal(keptLastGood, true);
  assert.deepEqual(config.providers.map((p) => p.id), ['anthropic', 'team']);
  assert.equal(config.diagnostics[0].code, 'toml-syntax');
});

test('once fixed, the new config is used; without a good one, the broken one is used', () => {
  assert.equal(chooseConfig(broken, good).keptLastGood, false);
  assert.equal(chooseConfig(undefined, broken).config, broken);
});

test('an untrusted (not applied, no error) or missing file is not "broken"', () => {
  assert.equal(isBroken(resolved({ files: [{ role: 'workspace', path: '/ws/codex.toml', exists: true, applied: false, reason: 'workspace is not trusted' }] })), false);
  assert.equal(isBroken(resolved({ files: [{ role: 'user', path: '/h/config.toml', exists: false, applied: false }] })), false);
  // A semantic error in an applied file is shown but does not freeze the config.
  assert.equal(isBroken(resolved({ files: [{ role: 'user', path: '/h/c.toml', exists: true, applied: true }], diagnostics: [{ severity: 'error', code: 'x', message: 'm', file: '/h/c.toml' }] })), false);
});

test('1-based positions become 0-based ranges; an explicit end is used', () => {
  assert.deepEqual(diagnosticRange({ severity: 'error', code: 'c', message: 'm', line: 3, column: 5, endLine: 3, endColumn: 12 }, 'xx  base_url = 1'), {
    startLine: 2, startCharacter: 4, endLine: 2, endCharacter: 11,
  });
});

test('without an end, the range covers the table header or the key', () => {
  const d = { severity: 'error' as const, code: 'c', message: 'm' };
  assert.deepEqual(diagnosticRange({ ...d, line: 1, column: 1 }, '[model_providers.openai] # reserved'), { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: 24 });
  assert.deepEqual(diagnosticRange({ ...d, line: 2, column: 3 }, '  wire_api = "grpc"'), { startLine: 1, startCharacter: 2, endLine: 1, endCharacter: 10 });
  assert.deepEqual(diagnosticRange({ ...d, line: 2, column: 14 }, '  wire_api = "grpc" # x'), { startLine: 1, startCharacter: 13, endLine: 1, endCharacter: 19 });
  assert.deepEqual(diagnosticRange({ ...d, line: 5, column: 1 }, '[[profiles.x]]'), { startLine: 4, startCharacter: 0, endLine: 4, endCharacter: 14 });
});

test('no position: the first non-blank text of line 1; a column past the end stays on the line', () => {
  const d = { severity: 'warning' as const, code: 'c', message: 'm' };
  assert.deepEqual(diagnosticRange(d, '  model = "x"'), { startLine: 0, startCharacter: 2, endLine: 0, endCharacter: 7 });
  const past = diagnosticRange({ ...d, line: 1, column: 40 }, 'model = "x"');
  assert.ok(past.startCharacter <= 11 && past.endCharacter > past.startCharacter);
  assert.deepEqual(diagnosticRange({ ...d, line: 2 }, undefined), { startLine: 1, startCharacter: 0, endLine: 1, endCharacter: 0 });
});

test('the templates Switchboard writes are valid TOML that sets nothing', () => {
  assert.deepEqual({ ...parse(userConfigTemplate()) }, {});
  assert.deepEqual({ ...parse(workspaceConfigTemplate()) }, {});
});

test('untrusted workspace: show the "not applied" warning and file-content problems, not the would-be selection problems', () => {
  const files = [{ role: 'workspace' as const, path: '/ws/codex.toml', exists: true, applied: false, reason: 'workspace is not trusted' }];
  const used = resolved({ files, diagnostics: [{ severity: 'warning', code: 'workspace-untrusted', message: 'not applied', file: '/ws/codex.toml' }] });
  const display = resolved({
    files: [{ ...files[0], applied: true }],
    diagnostics: [
      { severity: 'warning', code: 'no-model', message: 'No model is set for provider "ws".', file: '/ws/codex.toml', line: 1 },
      { severity: 'error', code: 'unknown-wire-api', message: 'wire_api "grpc"', file: '/ws/codex.toml', line: 5 },
      { severity: 'warning', code: 'unknown-provider-key', message: 'in user file', file: '/h/.codex/config.toml', line: 2 },
    ],
  });
  assert.deepEqual(diagnosticsToShow(used, display).map((d) => d.code), ['workspace-untrusted', 'unknown-wire-api']);
  assert.equal(diagnosticsToShow(used, undefined), used.diagnostics);
});
