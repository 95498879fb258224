// Ctrl-C during `switchboard exec`: the server stalls mid-stream after a first text delta; SIGINT
// to the child aborts the request at once (the server sees its connection close), the partial
// answer stays on stdout, and the exit code is 130.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startFaultServer } from '../../helpers/faultServer';
import { runCli, sandbox, tomlString, useCliBundle, waitUntil } from './cliHarness';

const bundle = useCliBundle();
const KEY = 'sk-interrupt-secret-0123456789';

function chunk(delta: Record<string, unknown>, finish: string | null = null): string {
  const data = { id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta, finish_reason: finish }] };
  return `data: ${JSON.stringify(data)}\n\n`;
}

test('SIGINT mid-stream aborts the request, keeps the partial answer and exits 130', async () => {
  const first = chunk({ role: 'assistant', content: 'Partial ' });
  const body = `${first}${chunk({ content: 'answer that never comes' })}${chunk({}, 'stop')}data: [DONE]\n\n`;
  const server = await startFaultServer([{ kind: 'stream', body, stallAfter: Buffer.byteLength(first) }]);
  try {
    const box = sandbox(
      `model_provider = "local"\nmodel = "m"\n[model_providers.local]\nname = "Local"\nbase_url = ${tomlString(server.baseUrl)}\nenv_key = "LOCAL_KEY"\nwire_api = "chat"\n`,
    );
    let interruptedAt = 0;
    const result = await runCli(bundle, box, ['exec', 'Tell me a long story'], {
      env: { LOCAL_KEY: KEY },
      secrets: [KEY],
      onSpawn: (child, output) => {
        void waitUntil(() => output.stdout().includes('Partial')).then(() => {
          interruptedAt = Date.now();
          child.kill('SIGINT');
        });
      },
    });
    const exitedAt = Date.now();
    assert.equal(result.signal, null, 'the CLI handled SIGINT itself');
    assert.equal(result.code, 130);
    assert.equal(result.stdout, 'Partial \n');
    assert.match(result.stderr, /interrupted/);
    const closedAt = await server.waitForClose(0);
    assert.ok(closedAt >= interruptedAt, 'the connection stayed open until the interrupt');
    assert.ok(closedAt <= exitedAt + 100, 'the connection closed when the request was aborted');
    assert.ok(exitedAt - interruptedAt < 5000, `the CLI exited promptly (${exitedAt - interruptedAt} ms)`);
    assert.equal(server.requests.length, 1, 'no retry after the interrupt');
  } finally {
    await server.close();
  }
});
