// What the model is told about the tools, and how argument text is checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { builtinTools, toolDefinitionsForModel } from '../../../src/core/agent/tools/builtinTools';
import { parseToolArguments } from '../../../src/core/agent/tools/toolSchema';

test('every built-in tool has a JSON Schema object with described properties and no $schema noise', () => {
  const defs = toolDefinitionsForModel(builtinTools());
  assert.equal(new Set(defs.map((d) => d.name)).size, defs.length);
  for (const def of defs) {
    assert.match(def.name, /^[a-z_]+$/);
    assert.ok(def.description.length > 20, def.name);
    assert.equal(def.parameters.type, 'object', def.name);
    assert.equal(def.parameters.$schema, undefined);
    const props = def.parameters.properties as Record<string, { description?: string; maximum?: number }>;
    for (const [key, prop] of Object.entries(props)) {
      assert.ok(prop.description, `${def.name}.${key} has a description`);
      assert.notEqual(prop.maximum, Number.MAX_SAFE_INTEGER);
    }
  }
  const edit = defs.find((d) => d.name === 'edit_file');
  assert.deepEqual(edit?.parameters.required, ['path', 'old_string', 'new_string']);
});

test('read-only flags and approval categories', () => {
  const byName = new Map(builtinTools().map((t) => [t.definition.name, t.definition]));
  assert.deepEqual(
    [...byName.values()].map((d) => [d.name, d.readOnly, d.category]),
    [
      ['read_file', true, 'read'],
      ['list_directory', true, 'read'],
      ['search_text', true, 'read'],
      ['edit_file', false, 'edit'],
      ['create_file', false, 'edit'],
      ['run_command', false, 'command'],
    ],
  );
  assert.equal(byName.get('run_command')?.title({ command: 'npm test' }), 'Run npm test');
  assert.equal(byName.get('read_file')?.summary?.({ path: 'a', start_line: 3, end_line: 9 }), 'lines 3–9');
});

test('argument parsing: empty text is {}, nulls are dropped, errors name the field', () => {
  const schema = z.object({ a: z.string().optional(), n: z.number().int().optional() });
  assert.deepEqual(parseToolArguments('t', '', schema), { ok: true, args: {} });
  assert.deepEqual(parseToolArguments('t', '{"a":null,"n":2}', schema), { ok: true, args: { n: 2 } });
  const notObject = parseToolArguments('t', '[1]', schema);
  assert.ok(!notObject.ok && /must be a JSON object/.test(notObject.message));
  const wrong = parseToolArguments('t', '{"n":1.5}', schema);
  assert.ok(!wrong.ok && /Invalid arguments for t: `n`: /.test(wrong.message), JSON.stringify(wrong));
});
