// `switchboard exec --approval ...` with a scripted model that edits a workspace file: `auto` lets
// the edit run; `read-only` (the default) refuses it — the file is unchanged and the model gets the
// refusal as the tool result; a path outside the workspace is refused even with `auto`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { startScriptedModelServer, type ScriptedTurn } from '../../helpers/scriptedModelServer';
import { runCli, sandbox, tomlString, useCliBundle } from './cliHarness';

const bundle = useCliBundle();
const KEY = 'sk-tools-secret-0123456789';

function config(baseUrl: string): string {
  return `model_provider = "local"\nmodel = "m"\n[model_providers.local]\nname = "Local"\nbase_url = ${tomlString(baseUrl)}\nenv_key = "LOCAL_KEY"\nwire_api = "responses"\n`;
}

function editTurns(path: string, check: (output: string) => void): ScriptedTurn[] {
  return [
    { toolCalls: [{ id: 'call_edit', name: 'edit_file', arguments: { path, old_string: 'red', new_string: 'blue' } }] },
    {
      expect: (request) => {
        const result = request.toolResults.find((r) => r.callId === 'call_edit');
        assert.ok(result, 'the tool result was sent back');
        check(result.output);
      },
      text: 'Done.',
    },
  ];
}

test('--approval auto: the model edits a file in the workspace', async () => {
  const server = await startScriptedModelServer(editTurns('notes.txt', (output) => assert.doesNotMatch(output, /refused|not allowed/i)));
  try {
    const box = sandbox(config(server.baseUrl));
    writeFileSync(join(box.workspace, 'notes.txt'), 'color = red\n');
    const result = await runCli(bundle, box, ['exec', '--approval', 'auto', 'Make it blue'], { env: { LOCAL_KEY: KEY }, secrets: [KEY] });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(server.failures, []);
    assert.equal(readFileSync(join(box.workspace, 'notes.txt'), 'utf8'), 'color = blue\n');
    assert.equal(result.stdout, 'Done.\n');
    assert.match(result.stderr, /• Edit notes\.txt/);
  } finally {
    await server.close();
  }
});

test('read-only (default): the edit is refused, the file is unchanged, the model receives the refusal', async () => {
  const server = await startScriptedModelServer(editTurns('notes.txt', (output) => assert.match(output, /edit_file is not allowed in read-only mode/)));
  try {
    const box = sandbox(config(server.baseUrl));
    writeFileSync(join(box.workspace, 'notes.txt'), 'color = red\n');
    const result = await runCli(bundle, box, ['exec', 'Make it blue'], { env: { LOCAL_KEY: KEY }, secrets: [KEY] });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(server.failures, []);
    assert.equal(server.requests.length, 2);
    assert.equal(readFileSync(join(box.workspace, 'notes.txt'), 'utf8'), 'color = red\n');
    assert.equal(result.stdout, 'Done.\n');
    assert.match(result.stderr, /✗ Edit notes\.txt: edit_file is not allowed in read-only mode/);
  } finally {
    await server.close();
  }
});

test('--approval auto still refuses a path outside the workspace (nobody to ask)', async () => {
  const turns: ScriptedTurn[] = [
    { toolCalls: [{ id: 'call_out', name: 'create_file', arguments: { path: '../escaped.txt', content: 'x' } }] },
    {
      expect: (request) => assert.match(request.toolResults[0]?.output ?? '', /outside the workspace/),
      text: 'Could not.',
    },
  ];
  const server = await startScriptedModelServer(turns);
  try {
    const box = sandbox(config(server.baseUrl));
    const result = await runCli(bundle, box, ['exec', '--approval', 'auto', 'Write outside'], { env: { LOCAL_KEY: KEY } });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(server.failures, []);
    assert.equal(existsSync(join(dirname(box.workspace), 'escaped.txt')), false);
    assert.equal(result.stdout, 'Could not.\n');
  } finally {
    await server.close();
  }
});

test('--no-tools sends no tools', async () => {
  const server = await startScriptedModelServer([{ expect: (request) => assert.deepEqual(request.toolNames, []), text: 'Plain.' }]);
  try {
    const box = sandbox(config(server.baseUrl));
    const result = await runCli(bundle, box, ['exec', '--no-tools', 'hi'], { env: { LOCAL_KEY: KEY } });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(server.failures, []);
    assert.equal(result.stdout, 'Plain.\n');
  } finally {
    await server.close();
  }
});
