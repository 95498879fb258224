/** Definition of `search_text`: find text (literal or regex) across the workspace's files. */
import { z } from 'zod';
import type { AgentToolDefinition } from '../toolTypes';
import { toolParameters } from '../toolSchema';

export const SEARCH_TEXT_DEFAULT_RESULTS = 100;
export const SEARCH_TEXT_MAX_RESULTS = 500;

const schema = z.object({
  query: z.string().min(1).describe('Text to find, or a regular expression when is_regex is true.'),
  is_regex: z.boolean().optional().describe('Treat query as a regular expression (JavaScript syntax). Default false.'),
  case_sensitive: z.boolean().optional().describe('Match case. Default false.'),
  include: z
    .string()
    .optional()
    .describe('Only search files whose workspace-relative path matches this glob, e.g. "src/**/*.ts" or "*.md".'),
  max_results: z
    .number()
    .int()
    .min(1)
    .max(SEARCH_TEXT_MAX_RESULTS)
    .optional()
    .describe(`Most matching lines to return. Default ${SEARCH_TEXT_DEFAULT_RESULTS}.`),
});

export type SearchTextArgs = z.infer<typeof schema>;

export const searchTextDefinition: AgentToolDefinition<SearchTextArgs> = {
  name: 'search_text',
  description:
    'Search the text of the files in the workspace (skips node_modules, .git, binary and very large files). ' +
    'Returns matching lines as "path:line: text".',
  schema,
  parameters: toolParameters(schema),
  readOnly: true,
  category: 'read',
  title: (args) => `Search for ${args.is_regex ? `/${args.query}/` : `"${args.query}"`}`,
  summary: (args) => (args.include ? `in ${args.include}` : undefined),
  paths: () => [],
};
