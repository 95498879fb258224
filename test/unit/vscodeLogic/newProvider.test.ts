import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { parse } from 'smol-toml';
import { appendBlock, renderTable, tomlString } from '../../../src/core/config/tomlAppend';
import {
  appendNewProvider,
  parseHeaderLine,
  renderNewProvider,
  splitCommandLine,
  suggestEnvKey,
  validateBaseUrl,
  validateEnvVarName,
  validateProviderId,
  type NewProviderSpec,
} from '../../../src/core/providers/newProvider';

const CORPUS = resolve(__dirname, '../../../../shared/corpus/codex-configs');
const spec: NewProviderSpec = {
  id: 'team-gw',
  name: 'Team "gateway"',
  baseUrl: 'https://gw.example.com/v1',
  wireApi: 'chat',
  auth: { kind: 'env', envKey: 'TEAM_GW_API_KEY' },
  headers: { 'X-Team': 'platform', 'X Odd': 'a"b' },
  defaultModel: 'gpt-4o-mini',
};

type Table = Record<string, unknown>;
/** smol-toml tables have a null prototype; compare as plain data. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

test('every parseable real config keeps each byte and gains a well-formed provider table', () => {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.toml'));
  assert.ok(files.length >= 50);
  let appended = 0;
  for (const file of files) {
    const original = readFileSync(resolve(CORPUS, file), 'utf8');
    const result = appendNewProvider(original, spec);
    let parsesBefore = true;
    try {
      parse(original);
    } catch {
      parsesBefore = false;
    }
    if (!parsesBefore) {
      assert.ok('error' in result, `${file}: a broken file is refused`);
      assert.match('error' in result ? result.error : '', /not valid TOML yet/);
      continue;
    }
    if ('error' in result) {
      // Only acceptable when the file already defines model_providers in a way a header cannot extend.
      assert.match(result.error, /would make the file invalid/, file);
      continue;
    }
    appended++;
    assert.ok(result.text.startsWith(original), `${file}: original text kept as a prefix`);
    const table = (parse(result.text).model_providers as Table)['team-gw'] as Table;
    assert.equal(table.base_url, 'https://gw.example.com/v1', file);
    assert.equal(table.name, 'Team "gateway"');
    assert.deepEqual(plain(table.http_headers), { 'X-Team': 'platform', 'X Odd': 'a"b' });
  }
  assert.ok(appended >= 45, `appended to ${appended} files`);
});

test('a new file gets just the table; CRLF files keep CRLF; a missing final newline is added', () => {
  const fresh = appendNewProvider(undefined, spec);
  assert.ok('text' in fresh && fresh.text.startsWith('[model_providers.team-gw]\n'));
  const crlf = appendNewProvider('model = "x"\r\n', spec);
  assert.ok('text' in crlf);
  if ('text' in crlf) {
    assert.ok(crlf.text.startsWith('model = "x"\r\n\r\n[model_providers.team-gw]\r\n'));
    assert.ok(!/[^\r]\n/.test(crlf.text));
  }
  assert.equal(appendBlock('a = 1', '[t]\n'), 'a = 1\n\n[t]\n');
  assert.equal(appendBlock('a = 1\n\n', '[t]\n'), 'a = 1\n\n[t]\n');
});

test('an auth command becomes an .auth sub-table; SecretStorage keeps an env_key for the CLI', () => {
  const text = renderNewProvider({ ...spec, auth: { kind: 'command', command: 'gcloud', args: ['auth', 'print-access-token'] }, headers: {} });
  const table = (parse(text).model_providers as Table)['team-gw'] as Table;
  assert.deepEqual(plain(table.auth), { command: 'gcloud', args: ['auth', 'print-access-token'] });
  assert.equal(table.env_key, undefined);
  const secret = (parse(renderNewProvider({ ...spec, auth: { kind: 'secret', envKey: 'TEAM_GW_API_KEY' } })).model_providers as Table)['team-gw'] as Table;
  assert.equal(secret.env_key, 'TEAM_GW_API_KEY');
  const none = (parse(renderNewProvider({ ...spec, auth: { kind: 'none' }, defaultModel: undefined })).model_providers as Table)['team-gw'] as Table;
  assert.deepEqual(Object.keys(none).sort(), ['base_url', 'http_headers', 'name', 'wire_api']);
});

test('a file where the id is already a table is refused rather than corrupted', () => {
  const result = appendNewProvider('[model_providers.team-gw]\nname = "x"\n', spec);
  assert.ok('error' in result);
});

test('any string survives as a TOML string and key', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary', minLength: 1 }), (value, key) => {
      const text = renderTable(['t'], [[key, value]]);
      assert.deepEqual(plain(parse(text)), plain({ t: { [key]: value } }));
    }),
  );
  assert.equal(tomlString('a\u007fb'), '"a\\u007fb"');
});

test('id validation: reserved, existing, malformed', () => {
  assert.match(validateProviderId('openai', []) ?? '', /reserved/);
  assert.match(validateProviderId('mine', ['anthropic', 'mine']) ?? '', /already exists/);
  assert.match(validateProviderId('my gw', []) ?? '', /letters, digits/);
  assert.match(validateProviderId('', []) ?? '', /Enter an id/);
  assert.equal(validateProviderId('my_gw-2', ['anthropic']), undefined);
});

test('base URL and env var validation', () => {
  assert.equal(validateBaseUrl('https://gw.example.com/v1'), undefined);
  assert.equal(validateBaseUrl('http://127.0.0.1:4000'), undefined);
  assert.match(validateBaseUrl('gw.example.com') ?? '', /full URL/);
  assert.match(validateBaseUrl('ftp://x') ?? '', /http/);
  assert.match(validateBaseUrl('https://user:pw@x.com') ?? '', /credentials in the URL/);
  assert.equal(validateEnvVarName('MY_KEY'), undefined);
  assert.ok(validateEnvVarName('1KEY'));
  assert.equal(suggestEnvKey('my-gw.2'), 'MY_GW_2_API_KEY');
  assert.equal(suggestEnvKey('42'), '_42_API_KEY');
});

test('header lines and command lines parse like a user expects', () => {
  assert.deepEqual(parseHeaderLine('X-Team: platform one'), { name: 'X-Team', value: 'platform one' });
  assert.deepEqual(parseHeaderLine('X-Org=acme'), { name: 'X-Org', value: 'acme' });
  assert.equal(parseHeaderLine('no header here'), undefined);
  assert.deepEqual(splitCommandLine(`gcloud auth print-access-token --account "a b" 'c d' e\\ f`), {
    command: 'gcloud',
    args: ['auth', 'print-access-token', '--account', 'a b', 'c d', 'e f'],
  });
  assert.equal(splitCommandLine('   '), undefined);
  assert.equal(splitCommandLine('echo "unterminated'), undefined);
});
