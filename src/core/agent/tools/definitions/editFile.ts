/** Definition of `edit_file`: replace an exact piece of text in a file. */
import { createTwoFilesPatch } from 'diff';
import { z } from 'zod';
import type { AgentToolDefinition } from '../toolTypes';
import { toolParameters } from '../toolSchema';

const schema = z.object({
  path: z.string().describe('File path, relative to the workspace root.'),
  old_string: z
    .string()
    .min(1)
    .describe('The exact text to replace, including whitespace and indentation (without read_file line-number prefixes). Must occur exactly once unless replace_all is true.'),
  new_string: z.string().describe('The text to put in its place.'),
  replace_all: z.boolean().optional().describe('Replace every occurrence of old_string. Default false.'),
});

export type EditFileArgs = z.infer<typeof schema>;

export const editFileDefinition: AgentToolDefinition<EditFileArgs> = {
  name: 'edit_file',
  description:
    'Edit a file by replacing exact text. old_string must match the file exactly once (add surrounding lines to make it unique) unless replace_all is true. ' +
    'Read the file first. To create a new file use create_file.',
  schema,
  parameters: toolParameters(schema),
  readOnly: false,
  category: 'edit',
  title: (args) => `Edit ${args.path}`,
  summary: (args) => (args.replace_all ? 'all occurrences' : undefined),
  paths: (args) => [args.path],
  // Before the file may be read (outside the workspace): the replacement alone, as a diff.
  previewFromArgs: (args) => ({
    diff: createTwoFilesPatch(args.path, args.path, withNewline(args.old_string), withNewline(args.new_string)),
  }),
};

function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
