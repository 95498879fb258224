// The position index: where table headers and keys are, so diagnostics can point at them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPositionIndex } from '../../../src/core/config/locate';

function at(text: string, path: string[]): [number, number] | undefined {
  const p = buildPositionIndex(text).find(path);
  return p ? [p.line, p.column] : undefined;
}

test('table headers and their keys, including indented ones', () => {
  const text = ['model = "x"', '', '   [model_providers.litellm]', '   name = "LiteLLM"', '   experimental_bearer_token = "t"'].join('\n');
  assert.deepEqual(at(text, ['model']), [1, 1]);
  assert.deepEqual(at(text, ['model_providers', 'litellm']), [3, 4]);
  assert.deepEqual(at(text, ['model_providers', 'litellm', 'experimental_bearer_token']), [5, 4]);
  // The parent of a header is located at that header.
  assert.deepEqual(at(text, ['model_providers']), [3, 4]);
});

test('quoted keys, literal keys and escapes in keys', () => {
  const text = [
    '[projects."/home/a b"]',
    'trust_level = "trusted"',
    "[projects.'\\\\?\\C:\\Users\\x']",
    'trust_level = "trusted"',
    '[tui.model_availability_nux]',
    '"gpt-5.5" = 4',
    '"a\\u0041" = 1',
  ].join('\n');
  assert.deepEqual(at(text, ['projects', '/home/a b', 'trust_level']), [2, 1]);
  assert.deepEqual(at(text, ['projects', '\\\\?\\C:\\Users\\x']), [3, 1]);
  assert.deepEqual(at(text, ['tui', 'model_availability_nux', 'gpt-5.5']), [6, 1]);
  assert.deepEqual(at(text, ['tui', 'model_availability_nux', 'aA']), [7, 1]);
});

test('dotted keys define every prefix; inline tables are indexed inside', () => {
  const text = ['model_providers.x.base_url = "u"', 'query = { api-version = "v", "b c" = { d = 1 } }'].join('\n');
  assert.deepEqual(at(text, ['model_providers']), [1, 1]);
  assert.deepEqual(at(text, ['model_providers', 'x']), [1, 1]);
  assert.deepEqual(at(text, ['model_providers', 'x', 'base_url']), [1, 1]);
  assert.deepEqual(at(text, ['query', 'api-version']), [2, 11]);
  assert.deepEqual(at(text, ['query', 'b c', 'd']), [2, 40]);
});

test('multi-line strings and arrays are skipped, even when they contain brackets and equals signs', () => {
  const text = [
    'a = """',
    '[not.a.table]',
    'b = "no" """',
    'list = [',
    '  "x", # [comment.table]',
    '  { k = "[y]" },',
    ']',
    "lit = '''",
    "[also.not]'''",
    '[real]',
    'key = 1',
  ].join('\r\n');
  const index = buildPositionIndex(text);
  assert.equal(index.find(['not', 'a', 'table']), undefined);
  assert.equal(index.find(['also', 'not']), undefined);
  assert.deepEqual(at(text, ['real', 'key']), [11, 1]);
  assert.deepEqual(at(text, ['list']), [4, 1]);
});

test('an explicit header wins over an earlier implicit definition; array tables are indexed without an index', () => {
  const text = ['[a.b.c]', 'x = 1', '[a.b]', 'y = 2', '[[hooks.Pre]]', 'm = 1', '[[hooks.Pre]]', 'm = 2'].join('\n');
  assert.deepEqual(at(text, ['a', 'b']), [3, 1]);
  assert.deepEqual(at(text, ['a']), [1, 1]);
  assert.deepEqual(at(text, ['hooks', 'Pre', 'm']), [6, 1]);
});

test('findNearest falls back to the closest defined ancestor; the span covers the key', () => {
  const index = buildPositionIndex('[model_providers.x]\nname = "n"\n');
  assert.deepEqual(index.findNearest(['model_providers', 'x', 'missing']), { line: 1, column: 1, endLine: 1, endColumn: 20 });
  const key = index.find(['model_providers', 'x', 'name']);
  assert.deepEqual(key, { line: 2, column: 1, endLine: 2, endColumn: 5 });
});

test('garbage input never throws and never hangs', () => {
  for (const text of ['[', '"', "'''", '= = =', '[[a', 'a = [', 'a = {', '\u0000\uffff', 'a."b', '{'.repeat(5000)]) {
    assert.doesNotThrow(() => buildPositionIndex(text).find(['a']));
  }
});

test('keys named like Object members are ordinary keys: found where defined, absent elsewhere', () => {
  const text = ['[a]', 'constructor = 1', '"__proto__" = 2', '[b]', 'x = 1'].join('\n');
  assert.deepEqual(at(text, ['a', 'constructor']), [2, 1]);
  assert.deepEqual(at(text, ['a', '__proto__']), [3, 1]);
  assert.equal(at(text, ['b', 'constructor']), undefined);
  assert.equal(at(text, ['b', 'toString']), undefined);
  assert.equal(at(text, ['hasOwnProperty']), undefined);
  assert.equal(buildPositionIndex(text).lineOf(['b', '__proto__']), 4);
});
