/** `read_file`: numbered lines of a text file, capped per call with a note saying how to read on. */
import { READ_FILE_MAX_CHARS, READ_FILE_MAX_LINES, type ReadFileArgs } from '../definitions/readFile';
import { ToolError, type ToolImplementation } from '../toolTypes';
import { readWorkspaceText, splitLines } from './textFiles';

export const readFileImplementation: ToolImplementation<ReadFileArgs> = {
  async prepare(args, context) {
    const target = context.resolvePath(args.path);
    return {
      async run() {
        const text = await readWorkspaceText(context.files, target);
        const lines = splitLines(text);
        const total = lines.length;
        if (total === 0) return { content: `(${target.display} is empty)`, meta: { path: target.display } };
        const start = args.start_line ?? 1;
        if (start > total) throw new ToolError(`start_line ${start} is past the end of ${target.display}, which has ${total} lines.`);
        const requestedEnd = Math.min(args.end_line ?? total, total);
        if (requestedEnd < start) throw new ToolError(`end_line ${args.end_line} is before start_line ${start}.`);
        const end = Math.min(requestedEnd, start + READ_FILE_MAX_LINES - 1);

        const out: string[] = [];
        let chars = 0;
        let last = start - 1;
        for (let n = start; n <= end; n++) {
          const line = `${n}\t${lines[n - 1]}`;
          if (chars + line.length + 1 > READ_FILE_MAX_CHARS) {
            if (out.length === 0) {
              out.push(`${line.slice(0, READ_FILE_MAX_CHARS)} [line cut at ${READ_FILE_MAX_CHARS} characters]`);
              last = n;
            }
            break;
          }
          out.push(line);
          chars += line.length + 1;
          last = n;
        }
        const truncated = last < requestedEnd;
        if (truncated) {
          out.push(
            `[Showing lines ${start}-${last} of ${total}. Call read_file with start_line=${last + 1} to read more.]`,
          );
        }
        return { content: out.join('\n'), meta: { path: target.display, truncated } };
      },
    };
  },
};
