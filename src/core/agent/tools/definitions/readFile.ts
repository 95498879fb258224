/** Definition of `read_file`: a text file's lines, numbered, optionally a range. */
import { z } from 'zod';
import type { AgentToolDefinition } from '../toolTypes';
import { toolParameters } from '../toolSchema';

/** Lines shown per call when no range is given (and the most a range may show). */
export const READ_FILE_MAX_LINES = 2000;
/** Characters shown per call; longer output is cut at a line boundary. */
export const READ_FILE_MAX_CHARS = 100_000;

const schema = z.object({
  path: z.string().describe('File path, relative to the workspace root.'),
  start_line: z.number().int().min(1).optional().describe('First line to read (1-based). Default 1.'),
  end_line: z.number().int().min(1).optional().describe('Last line to read (1-based, inclusive). Default: the end, up to 2000 lines.'),
});

export type ReadFileArgs = z.infer<typeof schema>;

export const readFileDefinition: AgentToolDefinition<ReadFileArgs> = {
  name: 'read_file',
  description:
    'Read a text file in the workspace. Each output line starts with its line number and a tab; those prefixes are not part of the file. ' +
    `Shows at most ${READ_FILE_MAX_LINES} lines per call; use start_line/end_line to read a long file in parts.`,
  schema,
  parameters: toolParameters(schema),
  readOnly: true,
  category: 'read',
  title: (args) => `Read ${args.path}`,
  summary: (args) =>
    args.start_line !== undefined || args.end_line !== undefined
      ? `lines ${args.start_line ?? 1}–${args.end_line ?? 'end'}`
      : undefined,
  paths: (args) => [args.path],
};
