// Secrets through the CLI: a canary credential comes from an env key, an
// experimental_bearer_token, an auth command's stdout, and a `-c` override; the active provider
// points at a local server that echoes headers back in a 401. EVERY registered verb is run (with a
// prompt when it takes positionals, so `exec` is covered as soon as it is registered), in text and
// --json form; then config files that hold the canary right before a syntax error. The canary must
// not be in stdout or stderr, and a broken file must produce `file:line:column` diagnostics and
// exit code 2. Sweeps run `runCli` in-process with the real loader and Node adapters (fast); each
// case also runs the real `switchboard` bundle (src/cli/main.ts built with esbuild, as
// dist/cli.js is) as a subprocess with HOME/CODEX_HOME in a temp folder.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../../src/cli/runCli';
import { VERBS } from '../../src/cli/verbs';
import { loadConfig } from '../../src/core/config/loadConfig';
import { createNodeConfigFs } from '../../src/node/nodeConfigFs';
import { createNodeProcessRunner } from '../../src/node/processRunner';
import { CanarySet, echoOfHeaders, startEchoServer, type EchoServer } from '../helpers/canary';
import { q, sandbox, tempDir, type Sandbox } from './support';
import { buildCli } from '../helpers/cliBuild';

const bundleDir = tempDir('sb-sec-cli-');
const bundle = join(bundleDir, 'cli.js');
const canaries = new CanarySet();
const ENV_KEY = canaries.add('cli env key');
const BEARER = canaries.add('cli bearer');
const COMMAND_TOKEN = canaries.add('cli command');
const OVERRIDE = canaries.add('cli override');
let server: EchoServer;

before(async () => {
  server = await startEchoServer(() => ({ kind: 'status', status: 401 }));
  buildCli(bundleDir);
});
after(() => server.close());

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the bundle with a 20 s cap, stdin closed. */
function switchboard(box: Sandbox, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bundle, ...args, '--cwd', box.workspace], {
      cwd: box.workspace,
      env: { PATH: process.env.PATH, HOME: box.home, USERPROFILE: box.home, CODEX_HOME: join(box.home, '.codex'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`switchboard ${args.join(' ')} did not finish within 20 s`));
    }, 20_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

/** The same CLI in-process (runCli with the real loader and Node adapters): faster for sweeps. */
async function switchboardInProcess(box: Sandbox, args: string[], env: Record<string, string> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli([...args, '--cwd', box.workspace], {
    env: { PATH: process.env.PATH, HOME: box.home, CODEX_HOME: join(box.home, '.codex'), ...env },
    homeDir: box.home,
    processCwd: box.workspace,
    io: { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) },
    processRunner: createNodeProcessRunner(),
    configFs: createNodeConfigFs(),
    loadConfig,
    verbs: VERBS,
  });
  return { code, stdout, stderr };
}

/** Every verb, as text and as --json; verbs taking positionals get a prompt. */
function verbCommandLines(): string[][] {
  return VERBS.flatMap((verb) => {
    const words = [...verb.name.split(' '), ...(verb.acceptsPositionals ? ['say hello'] : [])];
    return [words, [...words, '--json']];
  });
}

function userToml(provider: string, tokenScript: string): string {
  return `model_provider = "${provider}"
model = "canary-model"

[model_providers.envp]
name = "Env"
base_url = ${q(server.baseUrl)}
env_key = "SB_CLI_KEY"
request_max_retries = 0
env_http_headers = { "X-Tenant-Route" = "SB_CLI_KEY" }

[model_providers.bearerp]
name = "Bearer"
base_url = ${q(server.baseUrl)}
wire_api = "chat"
request_max_retries = 0
experimental_bearer_token = ${q(BEARER)}

[model_providers.cmdp]
name = "Command"
base_url = ${q(server.baseUrl)}
wire_api = "anthropic"
request_max_retries = 0
[model_providers.cmdp.auth]
command = ${q(process.execPath)}
args = [${q(tokenScript)}]
`;
}

describe('every verb, every auth source: no canary in the output', () => {
  for (const provider of ['envp', 'bearerp', 'cmdp']) {
    test(`active provider ${provider}`, async () => {
      const dir = tempDir();
      const tokenScript = join(dir, 'token.cjs');
      writeFileSync(tokenScript, `process.stdout.write(${q(COMMAND_TOKEN)})`);
      const box = sandbox(userToml(provider, tokenScript));
      const ran: string[] = [];
      const from = server.requests.length;
      for (const args of verbCommandLines()) {
        const run = await switchboardInProcess(box, args, { SB_CLI_KEY: ENV_KEY });
        canaries.assertAbsent(`switchboard ${args.join(' ')} (${provider})`, run.stdout, run.stderr);
        ran.push(`${args.join(' ')} -> ${run.code}`);
      }
      // Verbs that talk to the provider (exec, providers test) really sent the secret, and the
      // server echoed it back: the absence above is redaction at work, not an untested path.
      const token = { envp: ENV_KEY, bearerp: BEARER, cmdp: COMMAND_TOKEN }[provider]!;
      const sent = server.requests.slice(from).map((r) => echoOfHeaders(r.headers));
      assert.ok(sent.some((echo) => echo.includes(token)), `no verb sent the ${provider} credential; ran:\n${ran.join('\n')}`);
      // And the real bundle as a subprocess (main.ts's own output paths).
      const list = await switchboard(box, ['providers', 'list', '--json'], { SB_CLI_KEY: ENV_KEY });
      canaries.assertAbsent(`switchboard providers list --json (subprocess, ${provider})`, list.stdout, list.stderr);
      assert.equal(list.code, 0, list.stderr);
      assert.ok((JSON.parse(list.stdout) as { id: string }[]).some((p) => p.id === provider));
      const before = server.requests.length;
      const exec = await switchboard(box, ['exec', 'say hello', '--json'], { SB_CLI_KEY: ENV_KEY });
      canaries.assertAbsent(`switchboard exec --json (subprocess, ${provider})`, exec.stdout, exec.stderr);
      assert.notEqual(exec.code, 0, 'the 401 fails the run');
      assert.ok(server.requests.slice(before).some((r) => echoOfHeaders(r.headers).includes(token)), 'exec sent the credential');
      assert.ok(ran.length >= 4, ran.join('\n'));
    });
  }

  test('a secret given with -c on the command line is not printed back', async () => {
    const box = sandbox(userToml('bearerp', '/nonexistent'));
    for (const args of verbCommandLines()) {
      const run = await switchboardInProcess(box, [...args, '-c', `model_providers.bearerp.experimental_bearer_token=${OVERRIDE}`, '-c', `model_providers.bearerp.http_headers.Authorization="Bearer ${OVERRIDE}"`]);
      canaries.assertAbsent(`switchboard ${args.join(' ')} -c <secret>`, run.stdout, run.stderr);
    }
  });
});

const BROKEN: { name: string; toml: (secret: string) => string; line: number }[] = [
  { name: 'junk after the token', toml: (s) => `[model_providers.x]\nexperimental_bearer_token = "${s}" oops = 1\n`, line: 2 },
  { name: 'an unterminated token string', toml: (s) => `[model_providers.x]\nexperimental_bearer_token = "${s}\nbase_url = "http://x"\n`, line: 2 },
  { name: 'a bare (unquoted) token', toml: (s) => `[model_providers.x]\nexperimental_bearer_token = ${s}\n`, line: 2 },
  { name: 'the token twice', toml: (s) => `[model_providers.x]\nexperimental_bearer_token = "${s}"\nexperimental_bearer_token = "${s}"\n`, line: 3 },
  { name: 'a header with the token, then a broken table', toml: (s) => `[model_providers.x]\nhttp_headers = { Authorization = "Bearer ${s}" }\n[model_providers.x\n`, line: 3 },
  { name: 'the token in a multi-line string never closed', toml: (s) => `[model_providers.x]\nexperimental_bearer_token = """${s}\n`, line: 2 },
];

describe('a broken config file holding the canary: diagnostics with a position, never the value', () => {
  for (const { name, toml, line } of BROKEN) {
    test(name, async () => {
      const secret = canaries.add(`broken ${name}`);
      for (const where of ['user', 'workspace'] as const) {
        const box = where === 'user' ? sandbox(toml(secret)) : sandbox('', { 'codex.toml': toml(secret) });
        const file = where === 'user' ? box.userFile : join(box.workspace, 'codex.toml');
        for (const args of verbCommandLines()) {
          const run = await switchboardInProcess(box, [...args, '--trust-workspace']);
          canaries.assertAbsent(`switchboard ${args.join(' ')} with a broken ${where} file`, run.stdout, run.stderr);
        }
        // The real process once per case: main.ts adds nothing of its own.
        const run = await switchboard(box, ['config', 'explain', '--trust-workspace']);
        canaries.assertAbsent('switchboard config explain (subprocess)', run.stdout, run.stderr);
        assert.equal(run.code, 2, run.stderr);
        assert.ok(run.stderr.includes(`${file}:${line}:`), `no ${file}:${line}: position in: ${run.stderr}`);
      }
    });
  }
});
