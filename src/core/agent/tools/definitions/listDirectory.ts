/** Definition of `list_directory`: the entries of one directory. */
import { z } from 'zod';
import type { AgentToolDefinition } from '../toolTypes';
import { toolParameters } from '../toolSchema';

/** Entries shown per call. */
export const LIST_DIRECTORY_MAX_ENTRIES = 1000;

const schema = z.object({
  path: z.string().optional().describe('Directory path, relative to the workspace root. Default: the root.'),
});

export type ListDirectoryArgs = z.infer<typeof schema>;

export const listDirectoryDefinition: AgentToolDefinition<ListDirectoryArgs> = {
  name: 'list_directory',
  description:
    'List the entries of a directory in the workspace, directories first. Directory names end with "/", symbolic links with "@".',
  schema,
  parameters: toolParameters(schema),
  readOnly: true,
  category: 'read',
  title: (args) => `List ${args.path ?? '.'}`,
  paths: (args) => [args.path ?? '.'],
};
