/** `list_directory`: one directory's entries, directories first, capped. */
import { LIST_DIRECTORY_MAX_ENTRIES, type ListDirectoryArgs } from '../definitions/listDirectory';
import { ToolError, type ToolImplementation } from '../toolTypes';

const SUFFIX = { directory: '/', symlink: '@', file: '', other: '' } as const;

export const listDirectoryImplementation: ToolImplementation<ListDirectoryArgs> = {
  async prepare(args, context) {
    const target = context.resolvePath(args.path ?? '.');
    return {
      async run() {
        if (!(await context.files.exists(target.absolute))) throw new ToolError(`Directory not found: ${target.display}.`);
        const entries = await context.files.listDirectory(target.absolute);
        if (entries.length === 0) return { content: `(${target.display} is empty)`, meta: { path: target.display } };
        const sorted = [...entries].sort(
          (a, b) =>
            Number(b.kind === 'directory') - Number(a.kind === 'directory') || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
        );
        const shown = sorted.slice(0, LIST_DIRECTORY_MAX_ENTRIES).map((e) => e.name + SUFFIX[e.kind]);
        const truncated = sorted.length > shown.length;
        if (truncated) shown.push(`[Showing ${shown.length} of ${sorted.length} entries.]`);
        return { content: shown.join('\n'), meta: { path: target.display, truncated } };
      },
    };
  },
};
