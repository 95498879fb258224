/** Definition of `create_file`: write a new file (or overwrite one when asked). */
import { createTwoFilesPatch } from 'diff';
import { z } from 'zod';
import type { AgentToolDefinition } from '../toolTypes';
import { toolParameters } from '../toolSchema';

const schema = z.object({
  path: z.string().describe('File path, relative to the workspace root. Missing parent directories are created.'),
  content: z.string().describe('The whole text of the file.'),
  overwrite: z.boolean().optional().describe('Replace the file if it already exists. Default false.'),
});

export type CreateFileArgs = z.infer<typeof schema>;

export const createFileDefinition: AgentToolDefinition<CreateFileArgs> = {
  name: 'create_file',
  description:
    'Create a file with the given content. Refuses to replace an existing file unless overwrite is true; to change part of a file use edit_file.',
  schema,
  parameters: toolParameters(schema),
  readOnly: false,
  category: 'edit',
  title: (args) => `${args.overwrite ? 'Write' : 'Create'} ${args.path}`,
  paths: (args) => [args.path],
  previewFromArgs: (args) => ({
    diff: createTwoFilesPatch('/dev/null', args.path, '', args.content),
  }),
};
