// VS Code's http.proxy reaches the wire layer, without overriding a proxy set in the environment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withEditorProxy } from '../../../src/core/wire/http/editorProxy';
import { proxySettingsFromEnv } from '../../../src/core/wire/http/proxySettings';

test('the editor proxy applies when the environment names none, with its no-proxy hosts', () => {
  const env = withEditorProxy({ PATH: '/bin' }, { proxy: 'http://proxy.corp:3128', noProxy: ['localhost', ' .corp '] });
  assert.deepEqual(proxySettingsFromEnv(env), {
    httpProxy: 'http://proxy.corp:3128',
    httpsProxy: 'http://proxy.corp:3128',
    noProxy: 'localhost,.corp',
  });
  assert.equal(env.PATH, '/bin');
});

test('a proxy in the environment wins over the editor setting', () => {
  const env = withEditorProxy({ https_proxy: 'http://env-proxy:8080' }, { proxy: 'http://editor-proxy:3128' });
  assert.equal(proxySettingsFromEnv(env)?.httpsProxy, 'http://env-proxy:8080');
  assert.equal(env.HTTPS_PROXY, undefined);
});

test('no editor proxy leaves the environment as it was', () => {
  const base = { NO_PROXY: 'x' };
  assert.deepEqual(withEditorProxy(base, { proxy: '  ' }), base);
  assert.equal(proxySettingsFromEnv(withEditorProxy({}, {})), undefined);
});
