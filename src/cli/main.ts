/**
 * The `switchboard` command's entry point: binds `runCli` to the real process (argv, env, home
 * folder, stdout/stderr, exit code) and to the Node adapters.
 */
import { homedir } from 'node:os';
import { loadConfig } from '../core/config/loadConfig';
import { createNodeConfigFs } from '../node/nodeConfigFs';
import { createNodeProcessRunner } from '../node/processRunner';
import { runCli } from './runCli';
import { EXIT_FAILURE } from './verbTypes';
import { VERBS } from './verbs';

// `switchboard exec ... | head`: the reader went away. Stop quietly, like other Unix tools.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

async function main(argv: string[]): Promise<number> {
  return runCli(argv, {
    env: process.env,
    homeDir: homedir(),
    processCwd: process.cwd(),
    io: {
      stdout: (text) => void process.stdout.write(text),
      stderr: (text) => void process.stderr.write(text),
    },
    processRunner: createNodeProcessRunner(),
    configFs: createNodeConfigFs(),
    loadConfig,
    verbs: VERBS,
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A bug, not a user error: say so briefly (never dump objects that might hold secrets).
    process.stderr.write(`switchboard: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = EXIT_FAILURE;
  },
);
