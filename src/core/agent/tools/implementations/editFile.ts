/**
 * `edit_file`: exact-string replacement. `old_string` must occur exactly once unless
 * `replace_all`; the change is shown as a unified diff and written through `WorkspaceFiles.writeText`.
 */
import { createTwoFilesPatch } from 'diff';
import type { EditFileArgs } from '../definitions/editFile';
import { ToolError, type ToolImplementation } from '../toolTypes';
import { lineAt, readWorkspaceText } from './textFiles';

export const editFileImplementation: ToolImplementation<EditFileArgs> = {
  async prepare(args, context) {
    const target = context.resolvePath(args.path);
    if (args.old_string === args.new_string) throw new ToolError('old_string and new_string are the same; there is nothing to change.');
    const before = await readWorkspaceText(context.files, target);
    const { oldString, newString } = matchLineEndings(before, args.old_string, args.new_string);
    const count = countOccurrences(before, oldString);
    if (count === 0) {
      throw new ToolError(
        `old_string was not found in ${target.display}. It must match the file exactly, including whitespace and indentation, without read_file's line-number prefixes; read the file again and copy the text.`,
      );
    }
    if (count > 1 && !args.replace_all) {
      throw new ToolError(
        `old_string occurs ${count} times in ${target.display}. Include more surrounding lines so it matches exactly once, or set replace_all to true to change every occurrence.`,
      );
    }
    const first = before.indexOf(oldString);
    const after = args.replace_all
      ? before.split(oldString).join(newString)
      : before.slice(0, first) + newString + before.slice(first + oldString.length);
    const diff = createTwoFilesPatch(target.display, target.display, before, after);
    return {
      preview: { diff },
      async run() {
        const current = await context.files.readText(target.absolute);
        if (current !== before) {
          throw new ToolError(`${target.display} changed while the edit waited for approval; read it again and redo the edit.`);
        }
        await context.files.writeText(target.absolute, after);
        const where = count === 1 ? `at line ${lineAt(before, first)}` : `${count} occurrences`;
        return { content: `Edited ${target.display}: replaced ${where}.`, meta: { path: target.display, diff } };
      },
    };
  },
};

/** When the file uses CRLF and the model wrote LF, match (and write) CRLF instead. */
function matchLineEndings(text: string, oldString: string, newString: string): { oldString: string; newString: string } {
  if (!text.includes('\r\n') || oldString.includes('\r') || !oldString.includes('\n') || text.includes(oldString)) {
    return { oldString, newString };
  }
  return { oldString: oldString.replace(/\n/g, '\r\n'), newString: newString.replace(/\r?\n/g, '\r\n') };
}

function countOccurrences(text: string, needle: string): number {
  let count = 0;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) count++;
  return count;
}
