/** `search_text`: matching lines across the workspace through `WorkspaceFiles.searchText`. */
import { SEARCH_TEXT_DEFAULT_RESULTS, type SearchTextArgs } from '../definitions/searchText';
import { ToolError, type ToolImplementation } from '../toolTypes';

const MAX_LINE_CHARS = 300;

export const searchTextImplementation: ToolImplementation<SearchTextArgs> = {
  async prepare(args, context) {
    if (args.is_regex) {
      try {
        new RegExp(args.query);
      } catch (error) {
        throw new ToolError(`query is not a valid regular expression: ${(error as Error).message}.`);
      }
    }
    return {
      async run() {
        const max = args.max_results ?? SEARCH_TEXT_DEFAULT_RESULTS;
        const matches = await context.files.searchText(args.query, {
          isRegex: args.is_regex ?? false,
          caseSensitive: args.case_sensitive ?? false,
          include: args.include,
          maxResults: max + 1,
          signal: context.signal,
        });
        if (matches.length === 0) {
          return { content: `No matches for ${args.is_regex ? `/${args.query}/` : JSON.stringify(args.query)}${args.include ? ` in ${args.include}` : ''}.` };
        }
        const truncated = matches.length > max;
        const lines = matches.slice(0, max).map((m) => {
          const text = m.text.length > MAX_LINE_CHARS ? `${m.text.slice(0, MAX_LINE_CHARS)}…` : m.text;
          return `${m.path}:${m.line}: ${text}`;
        });
        if (truncated) lines.push(`[Stopped at ${max} matches; narrow the query or the include glob to see others.]`);
        return { content: lines.join('\n'), meta: { truncated } };
      },
    };
  },
};
