import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statusText } from '../../../src/core/config/statusText';
import { describeSourced, displayPath } from '../../../src/core/config/sourceWords';
import { escapeMarkdown, providerItemText } from '../../../src/core/providers/providerItemText';
import { provider, resolved } from './providerFixture';

const auth = { kind: 'env' as const, summary: 'key from OPENAI_API_KEY', details: ['Credential: environment variable OPENAI_API_KEY.'] };

test('tree item: label, description with active marker, auth summary, wire API and default model', () => {
  const text = providerItemText({ provider: provider({ id: 'openai', name: 'OpenAI', defaultModel: 'gpt-5' }), active: true, auth });
  assert.equal(text.label, 'OpenAI (openai)');
  assert.equal(text.description, '● active · key from OPENAI_API_KEY · responses · gpt-5');
  const inactive = providerItemText({ provider: provider({ id: 'ollama', wireApi: 'chat' }), active: false, auth: { kind: 'none', summary: 'no key needed', details: [] } });
  assert.equal(inactive.label, 'ollama');
  assert.equal(inactive.description, 'no key needed · chat');
});

test('tree tooltip: base URL, wire API, default model, file:line (home as ~) and credential source', () => {
  const text = providerItemText({
    provider: provider({ id: 'gw', baseUrl: 'https://gw.example.com/v1', wireApi: 'chat', defaultModel: 'm', source: 'user', file: '/home/u/.codex/config.toml', line: 12 }),
    active: false,
    auth,
    homeDir: '/home/u',
    modelCount: 3,
  });
  assert.match(text.tooltip, /Base URL: https:\/\/gw\\\.example\\\.com\/v1/);
  assert.match(text.tooltip, /Wire API: chat/);
  assert.match(text.tooltip, /Models listed: 3/);
  assert.match(text.tooltip, /Defined in: user file \\~\/\\\.codex\/config\\\.toml:12/);
  assert.match(text.tooltip, /environment variable OPENAI\\_API\\_KEY/);
});

test('markdown in config values cannot inject links or formatting', () => {
  const text = providerItemText({ provider: provider({ id: 'x', name: '[click](command:evil)' }), active: false, auth });
  assert.ok(!text.tooltip.includes('[click](command:evil)'));
  assert.equal(escapeMarkdown('a_b*c'), 'a\\_b\\*c');
});

test('describeSourced words for each layer', () => {
  assert.equal(describeSourced({ value: 'x', source: 'flag' }, { field: 'model', origin: 'setting' }), 'setting switchboard.model');
  assert.match(describeSourced({ value: 'x', source: 'flag' }, { field: 'provider', origin: 'pick' }), /Select Provider/);
  assert.equal(describeSourced({ value: 'x', source: 'workspace', file: '/ws/codex.toml', line: 2 }, { field: 'provider' }), 'workspace file /ws/codex.toml:2');
  assert.equal(describeSourced({ value: 'x', source: 'user', file: '/h/.codex/config.toml' }, { field: 'model', homeDir: '/h' }), 'user file ~/.codex/config.toml');
  assert.equal(describeSourced({ value: 'x', source: 'builtin' }, { field: 'provider' }), 'built-in default');
  assert.equal(displayPath('/home/user2/x', '/home/user'), '/home/user2/x');
});

test('status bar: provider · model with provenance and credential in the tooltip', () => {
  const config = resolved({
    provider: { value: 'anthropic', source: 'flag' },
    model: { value: 'claude-opus', source: 'user', file: '/h/.codex/config.toml', line: 1 },
  });
  const status = statusText({ config, origins: { provider: 'pick' }, credential: 'environment variable ANTHROPIC_API_KEY', homeDir: '/h' });
  assert.equal(status.text, '$(plug) anthropic · claude-opus');
  assert.equal(status.warning, false);
  assert.match(status.tooltip, /Provider: anthropic — from your choice \\\(Switchboard: Select Provider\\\), saved for this workspace/);
  assert.match(status.tooltip, /Model: claude\\-opus — from user file \\~\/\\\.codex\/config\\\.toml:1/);
  assert.match(status.tooltip, /Credential: environment variable ANTHROPIC\\_API\\_KEY/);
});

test('status bar: errors turn the icon into a warning and are counted; kept config is explained', () => {
  const config = resolved({
    model: { value: undefined, source: 'builtin' },
    diagnostics: [{ severity: 'error', code: 'toml-syntax', message: 'bad' }, { severity: 'warning', code: 'unknown-key', message: 'w' }],
  });
  const status = statusText({ config, origins: {}, keptLastGood: true });
  assert.equal(status.text, '$(warning) anthropic · no model');
  assert.equal(status.warning, true);
  assert.match(status.tooltip, /1 error\(s\), 1 warning\(s\)/);
  assert.match(status.tooltip, /last good one/);
});

test('status bar while loading', () => {
  assert.match(statusText({ config: undefined, origins: {} }).text, /Switchboard/);
});
