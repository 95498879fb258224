// The real agent loop through the real ModelClient (createModelClient) against a local scripted
// model server, on each wire protocol: read, edit, parallel calls, a command (real process
// runner), tool errors, a path outside the workspace, and a provider switch mid-session.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AgentSession } from '../../../src/core/agent/agentSession';
import type { ApprovalRequest } from '../../../src/core/agent/approvals';
import type { CredentialResolver } from '../../../src/core/providers/credential';
import type { ProviderInfo, WireApi } from '../../../src/core/providers/providerInfo';
import { createModelClient } from '../../../src/core/wire/createModelClient';
import { createNodeWorkspaceFiles } from '../../../src/node/nodeWorkspaceFiles';
import { createNodeProcessRunner } from '../../../src/node/processRunner';
import { startScriptedModelServer, type ReceivedRequest, type ScriptedTurn } from '../../helpers/scriptedModelServer';
import { tempWorkspace } from '../../unit/agent/fakes';

const credentials: CredentialResolver = {
  resolve: async () => ({ token: 'sk-scripted-test', source: { type: 'env', name: 'SCRIPTED_KEY' } }),
};

function providerFor(wireApi: WireApi, baseUrl: string): ProviderInfo {
  return {
    id: `scripted-${wireApi}`,
    name: `Scripted ${wireApi}`,
    baseUrl,
    wireApi,
    envKey: 'SCRIPTED_KEY',
    httpHeaders: {},
    envHttpHeaders: {},
    queryParams: {},
    requestMaxRetries: 0,
    streamMaxRetries: 0,
    streamIdleTimeoutMs: 5000,
    supportsWebsockets: false,
    requiresOpenaiAuth: false,
    source: 'user',
    fromWorkspace: false,
  };
}

/** The results of the tool calls made in the previous turn (the last `count` results). */
function lastResults(request: ReceivedRequest, count: number) {
  return request.toolResults.slice(-count);
}

for (const wire of ['responses', 'chat', 'anthropic'] as const) {
  test(`agent loop over the ${wire} wire: read, edit, parallel calls, command, tool errors, outside path`, async (t) => {
    const ws = tempWorkspace({
      'src/app.ts': "export const greeting = 'hello';\n",
      'README.md': '# Demo\nSay greeting.\n',
    });
    const outside = tempWorkspace({ 'secret.txt': 'top secret\n' });
    t.after(ws.cleanup);
    t.after(outside.cleanup);
    const secretPath = join(outside.root, 'secret.txt');
    const printApp = `"${process.execPath}" -e "process.stdout.write(require('fs').readFileSync('src/app.ts','utf8'))"`;

    const turns: ScriptedTurn[] = [
      {
        expect: (r) => {
          assert.deepEqual(r.userTexts, ['Change the greeting to hi']);
          assert.deepEqual(r.toolNames, ['read_file', 'list_directory', 'search_text', 'edit_file', 'create_file', 'run_command']);
          assert.equal(r.model, 'scripted-model');
          const auth = r.headers.authorization ?? `Bearer ${String(r.headers['x-api-key'])}`;
          assert.equal(auth, 'Bearer sk-scripted-test');
        },
        reasoning: 'Look at the file first.',
        text: 'Reading the file.',
        toolCalls: [{ id: 'call_read', name: 'read_file', arguments: { path: 'src/app.ts' } }],
      },
      {
        expect: (r) => assert.deepEqual(lastResults(r, 1), [{ callId: 'call_read', output: "1\texport const greeting = 'hello';" }]),
        toolCalls: [
          {
            id: 'call_edit',
            name: 'edit_file',
            arguments: { path: 'src/app.ts', old_string: "greeting = 'hello'", new_string: "greeting = 'hi'" },
          },
        ],
      },
      {
        expect: (r) => assert.deepEqual(lastResults(r, 1), [{ callId: 'call_edit', output: 'Edited src/app.ts: replaced at line 1.' }]),
        text: 'Checking everything at once.',
        toolCalls: [
          { id: 'call_p1', name: 'read_file', arguments: { path: 'README.md', start_line: 2 } },
          { id: 'call_p2', name: 'search_text', arguments: { query: 'greeting', include: '*.ts' } },
          { id: 'call_p3', name: 'list_directory', arguments: {} },
        ],
      },
      {
        expect: (r) =>
          assert.deepEqual(lastResults(r, 3), [
            { callId: 'call_p1', output: '2\tSay greeting.' },
            { callId: 'call_p2', output: "src/app.ts:1: export const greeting = 'hi';" },
            { callId: 'call_p3', output: 'src/\nREADME.md' },
          ]),
        toolCalls: [{ id: 'call_cmd', name: 'run_command', arguments: { command: printApp, timeout_seconds: 30 } }],
      },
      {
        expect: (r) =>
          assert.deepEqual(lastResults(r, 1), [{ callId: 'call_cmd', output: "Exit code: 0\nstdout:\nexport const greeting = 'hi';\n" }]),
        toolCalls: [
          { id: 'call_missing', name: 'read_file', arguments: { path: 'nope.ts' } },
          { id: 'call_badjson', name: 'edit_file', arguments: '{"path": "src/app.ts", "old_string": ' },
        ],
      },
      {
        expect: (r) => {
          const [missing, bad] = lastResults(r, 2);
          assert.equal(missing.callId, 'call_missing');
          assert.match(missing.output, /File not found: nope\.ts/);
          assert.equal(bad.callId, 'call_badjson');
          assert.match(bad.output, /arguments for edit_file are not valid JSON/);
          if (wire === 'anthropic') assert.equal(missing.isError, true, 'anthropic tool_result carries is_error');
        },
        toolCalls: [{ id: 'call_outside', name: 'read_file', arguments: { path: secretPath } }],
      },
      {
        expect: (r) => {
          const [result] = lastResults(r, 1);
          assert.equal(result.callId, 'call_outside');
          assert.match(result.output, /The user rejected this access to .*secret\.txt/);
          assert.doesNotMatch(result.output, /top secret/);
        },
        text: 'Done: the greeting is now hi.',
      },
    ];
    const server = await startScriptedModelServer(turns);
    t.after(() => server.close());

    const approvals: ApprovalRequest[] = [];
    const agent = new AgentSession({
      client: createModelClient({ credentials, env: {} }),
      files: createNodeWorkspaceFiles(ws.root),
      processRunner: createNodeProcessRunner(),
      provider: providerFor(wire, server.baseUrl),
      model: 'scripted-model',
      approvalMode: 'auto',
      approvalHandler: {
        requestApproval: async (request) => {
          approvals.push(request);
          return 'reject';
        },
      },
    });
    const outputs: string[] = [];
    agent.onEvent((e) => {
      if (e.type === 'tool-output') outputs.push(e.chunk);
    });

    const result = await agent.send('Change the greeting to hi');
    assert.deepEqual(server.failures, []);
    assert.equal(result.reason, 'completed', JSON.stringify(result.error));
    assert.equal(result.text, 'Done: the greeting is now hi.');
    assert.equal(server.remaining(), 0);
    assert.equal(readFileSync(join(ws.root, 'src/app.ts'), 'utf8'), "export const greeting = 'hi';\n");
    assert.deepEqual(
      approvals.map((a) => [a.kind, a.paths]),
      [['path', [secretPath]]],
    );
    assert.equal(outputs.join(''), "export const greeting = 'hi';\n");
    assert.equal(result.usage.inputTokens, 700);
    assert.equal(result.usage.outputTokens, 140);
    const firstAssistant = agent.messages.find((m) => m.role === 'assistant');
    assert.ok(firstAssistant?.role === 'assistant');
    assert.equal(firstAssistant.reasoning, 'Look at the file first.');
    assert.equal(firstAssistant.content, 'Reading the file.');
  });
}

test('switching wire protocol mid-session carries the conversation, tool calls and results across', async (t) => {
  const ws = tempWorkspace({ 'notes.txt': 'remember the milk\n' });
  t.after(ws.cleanup);
  const turns: ScriptedTurn[] = [
    { toolCalls: [{ id: 'call_a', name: 'read_file', arguments: { path: 'notes.txt' } }] },
    { expect: (r) => assert.equal(r.protocol, 'chat'), text: 'It says to remember the milk.' },
    {
      expect: (r) => {
        assert.equal(r.protocol, 'anthropic');
        assert.deepEqual(r.userTexts, ['What does notes.txt say?', 'And in capitals?']);
        assert.deepEqual(r.toolResults, [{ callId: 'call_a', output: '1\tremember the milk' }]);
      },
      text: 'REMEMBER THE MILK',
    },
    {
      expect: (r) => {
        assert.equal(r.protocol, 'responses');
        assert.deepEqual(r.toolResults, [{ callId: 'call_a', output: '1\tremember the milk' }]);
        assert.equal(r.userTexts.length, 3);
      },
      text: 'ok',
    },
  ];
  const server = await startScriptedModelServer(turns);
  t.after(() => server.close());
  const agent = new AgentSession({
    client: createModelClient({ credentials, env: {} }),
    files: createNodeWorkspaceFiles(ws.root),
    provider: providerFor('chat', server.baseUrl),
    model: 'scripted-model',
    approvalMode: 'read-only',
  });
  assert.equal((await agent.send('What does notes.txt say?')).reason, 'completed');
  agent.setModel(providerFor('anthropic', server.baseUrl), 'scripted-model');
  assert.equal((await agent.send('And in capitals?')).text, 'REMEMBER THE MILK');
  agent.setModel(providerFor('responses', server.baseUrl), 'scripted-model');
  assert.equal((await agent.send('Thanks')).reason, 'completed');
  assert.deepEqual(server.failures, []);
  assert.equal(server.remaining(), 0);
});

test('a request the server rejects ends the turn with the provider error in the transcript', async (t) => {
  const ws = tempWorkspace();
  t.after(ws.cleanup);
  const server = await startScriptedModelServer([
    {
      expect: () => {
        throw new Error('refusing on purpose');
      },
    },
  ]);
  t.after(() => server.close());
  const agent = new AgentSession({
    client: createModelClient({ credentials, env: {} }),
    files: createNodeWorkspaceFiles(ws.root),
    provider: providerFor('chat', server.baseUrl),
    model: 'scripted-model',
  });
  const result = await agent.send('hi');
  assert.equal(result.reason, 'error');
  assert.equal(result.error?.kind, 'bad_request');
  assert.match(result.error?.message ?? '', /refusing on purpose/);
  assert.ok(agent.transcript.some((e) => e.type === 'error'));
});
