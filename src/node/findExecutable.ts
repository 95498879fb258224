/**
 * Finds the program a command name refers to, as `spawn` without a shell would: a name with a
 * path separator is resolved against `cwd`, a bare name is searched on PATH (with PATHEXT on
 * Windows). Used to say whether an auth command is available without running it.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import type { Env } from '../core/ports';

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    if (process.platform !== 'win32') accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The absolute path `command` would run, or undefined when there is no such program. */
export function findExecutable(command: string, options: { cwd: string; env: Env }): string | undefined {
  const windows = process.platform === 'win32';
  const extensions = windows
    ? ['', ...(options.env.PATHEXT ?? options.env.Pathext ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean)]
    : [''];
  const candidates = (base: string) => extensions.map((ext) => base + ext);
  if (isAbsolute(command) || command.includes('/') || (windows && command.includes('\\'))) {
    return candidates(resolve(options.cwd, command)).find(isExecutableFile);
  }
  const path = options.env.PATH ?? options.env.Path ?? '';
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const found = candidates(join(dir, command)).find(isExecutableFile);
    if (found) return found;
  }
  return undefined;
}
