/** Helpers the file tools share: reading a text file with clear errors, splitting lines. */
import type { WorkspaceFiles } from '../../../ports';
import type { ResolvedPath } from '../../pathPolicy';
import { ToolError } from '../toolTypes';

/** Reads a workspace file as text; a missing file or binary content is a `ToolError`. */
export async function readWorkspaceText(files: WorkspaceFiles, target: ResolvedPath): Promise<string> {
  if (!(await files.exists(target.absolute))) {
    throw new ToolError(`File not found: ${target.display}. Check the path with list_directory or search_text.`);
  }
  const text = await files.readText(target.absolute);
  if (text.includes('\u0000')) throw new ToolError(`${target.display} looks like a binary file; only text files can be read.`);
  return text;
}

/** The file's lines without line endings; a final newline does not start another line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** 1-based line number of the character at `index`. */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
