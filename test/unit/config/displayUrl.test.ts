// A password written into base_url (https://user:pass@host) is never shown, and is redacted from
// wire errors like any other secret.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { displaySafeValue, displayUrl, urlSecrets } from '../../../src/core/config/displaySafe';
import { envHeaderSecrets } from '../../../src/core/wire/streamWithProtocol';
import { providerItemText } from '../../../src/core/providers/providerItemText';
import { providerToToml } from '../../../src/core/providers/providerToml';
import { findBuiltinProvider } from '../../../src/core/providers/builtins';
import type { ProviderInfo } from '../../../src/core/providers/providerInfo';

const URL_WITH_PASSWORD = 'https://alice:s3cr%2Ft-pw@gateway.corp/v1';

function gateway(): ProviderInfo {
  return { ...findBuiltinProvider('openai')!, id: 'gw', name: 'Gateway', baseUrl: URL_WITH_PASSWORD, source: 'user', fromWorkspace: false };
}

test('displayUrl masks the password and keeps everything else', () => {
  assert.equal(displayUrl(URL_WITH_PASSWORD), 'https://alice:***@gateway.corp/v1');
  assert.equal(displayUrl('https://user@host/v1'), 'https://user@host/v1', 'no password, nothing to hide');
  assert.equal(displayUrl('http://localhost:11434/v1'), 'http://localhost:11434/v1');
  assert.equal(displayUrl('not a url'), 'not a url');
  assert.equal(displaySafeValue('baseUrl', URL_WITH_PASSWORD), 'https://alice:***@gateway.corp/v1');
});

test('the password is a secret for redaction, raw and decoded', () => {
  assert.deepEqual(new Set(urlSecrets(URL_WITH_PASSWORD)), new Set(['s3cr%2Ft-pw', 'alice:s3cr%2Ft-pw', 's3cr/t-pw']));
  assert.deepEqual(urlSecrets('https://api.openai.com/v1'), []);
  assert.ok(envHeaderSecrets(gateway(), {}).includes('s3cr%2Ft-pw'));
});

test('tooltips and Copy as TOML never show the password', () => {
  const provider = gateway();
  const toml = providerToToml(provider);
  assert.ok(!toml.includes('s3cr'), toml);
  assert.match(toml, /alice:\*\*\*@gateway\.corp/);
  const tooltip = providerItemText({ provider, active: true, auth: { kind: 'env', summary: 'key from env', details: [] } as never }).tooltip;
  assert.ok(!tooltip.includes('s3cr'), tooltip);
  assert.match(tooltip, /alice:(\\\*){3}@gateway/);
});
