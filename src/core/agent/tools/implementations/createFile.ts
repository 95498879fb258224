/** `create_file`: writes a new file; refuses to replace an existing one unless `overwrite`. */
import { createTwoFilesPatch } from 'diff';
import type { CreateFileArgs } from '../definitions/createFile';
import { ToolError, type ToolImplementation } from '../toolTypes';
import { readWorkspaceText, splitLines } from './textFiles';

export const createFileImplementation: ToolImplementation<CreateFileArgs> = {
  async prepare(args, context) {
    const target = context.resolvePath(args.path);
    const exists = await context.files.exists(target.absolute);
    if (exists && !args.overwrite) {
      throw new ToolError(
        `${target.display} already exists. Use edit_file to change it, or call create_file with overwrite set to true to replace it.`,
      );
    }
    const before = exists ? await readWorkspaceText(context.files, target) : '';
    const diff = createTwoFilesPatch(exists ? target.display : '/dev/null', target.display, before, args.content);
    return {
      preview: { diff },
      async run() {
        await context.files.writeText(target.absolute, args.content);
        const lines = splitLines(args.content).length;
        return {
          content: `${exists ? 'Overwrote' : 'Created'} ${target.display} (${lines} line${lines === 1 ? '' : 's'}).`,
          meta: { path: target.display, diff },
        };
      },
    };
  },
};
