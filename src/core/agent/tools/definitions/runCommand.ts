/** Definition of `run_command`: run a shell command line in the workspace. */
import { z } from 'zod';
import type { AgentToolDefinition } from '../toolTypes';
import { toolParameters } from '../toolSchema';

export const RUN_COMMAND_DEFAULT_TIMEOUT_S = 120;
export const RUN_COMMAND_MAX_TIMEOUT_S = 600;

const schema = z.object({
  command: z.string().min(1).describe("The command line, run by the user's shell."),
  workdir: z.string().optional().describe('Directory to run in, relative to the workspace root. Default: the root.'),
  timeout_seconds: z
    .number()
    .int()
    .min(1)
    .max(RUN_COMMAND_MAX_TIMEOUT_S)
    .optional()
    .describe(`Kill the command after this many seconds. Default ${RUN_COMMAND_DEFAULT_TIMEOUT_S}, at most ${RUN_COMMAND_MAX_TIMEOUT_S}.`),
});

export type RunCommandArgs = z.infer<typeof schema>;

export const runCommandDefinition: AgentToolDefinition<RunCommandArgs> = {
  name: 'run_command',
  description:
    "Run a command line in the user's shell in the workspace (or workdir) and return its exit code and output. " +
    'stdin is closed, so interactive commands fail. Long output is shortened to its beginning and end.',
  schema,
  parameters: toolParameters(schema),
  readOnly: false,
  category: 'command',
  title: (args) => `Run ${args.command.length > 80 ? `${args.command.slice(0, 79)}…` : args.command}`,
  summary: (args) => (args.workdir ? `in ${args.workdir}` : undefined),
  paths: (args) => [args.workdir ?? '.'],
  previewFromArgs: (args) => ({ command: args.command, cwd: args.workdir ?? '.' }),
};
