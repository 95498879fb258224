/**
 * `WorkspaceFiles` on `node:fs`, for the CLI and tests. Paths arrive absolute and already checked
 * by the agent's path policy. Errors are plain sentences naming the file.
 */
import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import type { DirEntry, WorkspaceFiles } from '../core/ports';
import { searchWorkspaceText } from './nodeTextSearch';

/** Options for `createNodeWorkspaceFiles`. */
export interface NodeWorkspaceFilesOptions {
  /** Largest file `readText` reads (default 10 MB). */
  maxReadBytes?: number;
}

const DEFAULT_MAX_READ_BYTES = 10 * 1024 * 1024;

/** `WorkspaceFiles` for the directory `root`. `writeText` creates missing parent directories. */
export function createNodeWorkspaceFiles(root: string, options: NodeWorkspaceFilesOptions = {}): WorkspaceFiles {
  const absoluteRoot = nodePath.resolve(root);
  const maxReadBytes = options.maxReadBytes ?? DEFAULT_MAX_READ_BYTES;
  return {
    root: absoluteRoot,

    async readText(path) {
      const stat = await fs.stat(path).catch((error: unknown) => {
        throw describe(error, path);
      });
      if (stat.isDirectory()) throw new Error(`${path} is a directory, not a file.`);
      if (stat.size > maxReadBytes) {
        throw new Error(`${path} is ${formatMb(stat.size)}, larger than the ${formatMb(maxReadBytes)} that can be read as text.`);
      }
      return fs.readFile(path, 'utf8').catch((error: unknown) => {
        throw describe(error, path);
      });
    },

    async writeText(path, text) {
      try {
        await fs.mkdir(nodePath.dirname(path), { recursive: true });
        await fs.writeFile(path, text, 'utf8');
      } catch (error) {
        throw describe(error, path);
      }
    },

    async exists(path) {
      try {
        await fs.stat(path);
        return true;
      } catch {
        return false;
      }
    },

    async listDirectory(path) {
      const entries = await fs.readdir(path, { withFileTypes: true }).catch((error: unknown) => {
        throw describe(error, path);
      });
      return entries.map(
        (e): DirEntry => ({
          name: e.name,
          kind: e.isDirectory() ? 'directory' : e.isSymbolicLink() ? 'symlink' : e.isFile() ? 'file' : 'other',
        }),
      );
    },

    realPath(path) {
      return fs.realpath(path);
    },

    searchText(query, searchOptions) {
      return searchWorkspaceText(absoluteRoot, query, searchOptions);
    },
  };
}

/** Turns a Node fs error into a sentence that names the path. */
function describe(error: unknown, path: string): Error {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return new Error(`${path} does not exist.`);
    case 'EISDIR':
      return new Error(`${path} is a directory, not a file.`);
    case 'ENOTDIR':
      return new Error(`${path}: a part of the path is a file, not a directory.`);
    case 'EACCES':
    case 'EPERM':
      return new Error(`Permission denied for ${path}.`);
    default:
      return error instanceof Error ? error : new Error(String(error));
  }
}

function formatMb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
