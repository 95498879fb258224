import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainMarkdown } from '../../../src/core/config/explainMarkdown';
import { provider, resolved } from './providerFixture';

const config = resolved({
  providers: [provider({ id: 'gw', source: 'user', experimentalBearerToken: 'tok-SECRET-123', httpHeaders: { 'X-Api-Key': 'hdr-SECRET' } })],
  provider: { value: 'gw', source: 'flag' },
  model: { value: 'gpt-5', source: 'user', file: '/h/.codex/config.toml', line: 2 },
  profile: { value: 'fast', source: 'user', file: '/h/.codex/config.toml', line: 1 },
  fieldSources: {
    gw: {
      baseUrl: { value: 'https://gw.example.com/v1', source: 'user', file: '/h/.codex/config.toml', line: 5 },
      experimentalBearerToken: { value: 'tok-SECRET-123', source: 'user', file: '/h/.codex/config.toml', line: 6 },
      httpHeaders: { value: { 'X-Api-Key': 'hdr-SECRET', 'X-Team': 'a' }, source: 'workspace', file: '/ws/codex.toml', line: 3 },
    },
  },
  files: [
    { role: 'user', path: '/h/.codex/config.toml', exists: true, applied: true },
    { role: 'workspace', path: '/ws/codex.toml', exists: true, applied: false, reason: 'workspace is not trusted' },
  ],
  diagnostics: [{ severity: 'warning', code: 'unknown-key', message: 'Unknown key "foo".', fix: 'Remove it.', file: '/ws/codex.toml', line: 4, column: 1 }],
});

test('explains provider, model and profile with their sources, and the credential', () => {
  const md = explainMarkdown({ config, display: config, origins: { provider: 'pick' }, credential: 'bearer token', workspaceTrusted: false, homeDir: '/h' });
  assert.match(md, /\*\*Provider:\*\* gw — from your choice/);
  assert.match(md, /\*\*Model:\*\* gpt-5 — from user file ~\/\.codex\/config\.toml:2/);
  assert.match(md, /\*\*Profile:\*\* fast/);
  assert.match(md, /\*\*Credential:\*\* bearer token/);
  assert.match(md, /not trusted/);
});

test('lists each field with file:line, the files and the problems', () => {
  const md = explainMarkdown({ config, display: config, origins: {}, workspaceTrusted: true, homeDir: '/h' });
  assert.match(md, /\| baseUrl \| https:\/\/gw\.example\.com\/v1 \| user file ~\/\.codex\/config\.toml:5 \|/);
  assert.match(md, /\| workspace \| \/ws\/codex\.toml \| not applied \(workspace is not trusted\) \|/);
  assert.match(md, /\*\*warning\*\* \/ws\/codex\.toml:4:1: Unknown key "foo"\. Remove it\./);
});

test('never shows secret values', () => {
  const md = explainMarkdown({ config, display: config, origins: {}, workspaceTrusted: true });
  assert.doesNotMatch(md, /SECRET/);
  assert.match(md, /\| experimentalBearerToken \| \(hidden\) \|/);
});

test('values cannot break the table or inject markup', () => {
  const tricky = { ...config, fieldSources: { gw: { name: { value: 'a | b [x](command:evil) <img>', source: 'user' as const } } } };
  const md = explainMarkdown({ config: tricky, display: tricky, origins: {}, workspaceTrusted: true });
  assert.match(md, /\| name \| a \\\| b \\\[x\\\]\(command:evil\) \\<img\\> \| user file \|/);
});
