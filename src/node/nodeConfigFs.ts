/**
 * The Node `ConfigFileSystem`: config files through `fs/promises`. A missing path (ENOENT, or a
 * parent that is a file: ENOTDIR) reads as `undefined`. `readText` opens the file once and refuses
 * anything that is not a regular file (a symlink to /dev/zero, a FIFO) before reading, so it can
 * never block or read without end; a file larger than `maxBytes` is an error.
 */
import { open, readdir, realpath, stat } from 'node:fs/promises';
import type { ConfigFileSystem } from '../core/ports';

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** Creates the adapter. `readText` refuses files over `maxBytes` (default 4 MiB). */
export function createNodeConfigFs(options: { maxBytes?: number } = {}): ConfigFileSystem {
  const maxBytes = options.maxBytes ?? 4 * 1024 * 1024;
  return {
    async readText(path) {
      let handle;
      try {
        // Opening a FIFO would block until a writer appears: stat first, refuse non-regular files.
        const info = await stat(path);
        if (!info.isFile()) throw new Error(`${path} is not a regular file`);
        handle = await open(path, 'r');
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
      try {
        const info = await handle.stat();
        if (!info.isFile()) throw new Error(`${path} is not a regular file`);
        if (info.size > maxBytes) throw new Error(`${path} is larger than ${maxBytes} bytes`);
        const size = info.size;
        const buffer = Buffer.alloc(size);
        let read = 0;
        while (read < size) {
          const { bytesRead } = await handle.read(buffer, read, size - read, read);
          if (bytesRead === 0) break;
          read += bytesRead;
        }
        return buffer.subarray(0, read).toString('utf8');
      } finally {
        await handle.close();
      }
    },
    async realPath(path) {
      try {
        return await realpath(path);
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
    async stat(path) {
      try {
        const info = await stat(path);
        return { size: info.size, isFile: info.isFile() };
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
    async readDirectory(path) {
      try {
        return await readdir(path);
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
  };
}
