/**
 * An in-memory ConfigFileSystem for config tests. Paths are absolute POSIX paths. Besides text
 * files it can hold directories (implied by files below them, or declared), special files (not
 * regular, e.g. a device) and files with a reported size (to test the 1 MiB limit without
 * allocating it). Counts reads so tests can assert a file was never read.
 */
import { posix } from 'node:path';
import type { ConfigFileSystem } from '../../src/core/ports';

export interface MemoryFsOptions {
  /** Extra directories (besides those implied by file paths). */
  directories?: string[];
  /** Paths that exist but are not regular files (devices, FIFOs). */
  specialFiles?: string[];
  /** Reported sizes overriding the text length (bytes). */
  sizes?: Record<string, number>;
  /** Symlinks: link path -> target path (used by realPath). */
  symlinks?: Record<string, string>;
  /** Leave out `stat`/`realPath`/`readDirectory`, like a minimal port implementation. */
  minimal?: boolean;
}

export interface MemoryFs extends ConfigFileSystem {
  /** Number of readText calls per path. */
  readonly reads: Map<string, number>;
  /** Adds or replaces a file. */
  write(path: string, text: string): void;
}

/** Creates the file system from `files` (absolute path -> text). */
export function createMemoryFs(files: Record<string, string>, options: MemoryFsOptions = {}): MemoryFs {
  const texts = new Map(Object.entries(files));
  const special = new Set(options.specialFiles ?? []);
  const reads = new Map<string, number>();
  const dirs = (): Set<string> => {
    const out = new Set(options.directories ?? []);
    for (const p of [...texts.keys(), ...special]) {
      for (let d = posix.dirname(p); d !== '/' && !out.has(d); d = posix.dirname(d)) out.add(d);
      out.add('/');
    }
    return out;
  };

  const fs: MemoryFs = {
    reads,
    write(path, text) {
      texts.set(path, text);
    },
    async readText(path) {
      reads.set(path, (reads.get(path) ?? 0) + 1);
      if (special.has(path)) throw new Error(`EINVAL: ${path} is not a regular file`);
      if (dirs().has(path)) throw new Error(`EISDIR: illegal operation on a directory, read '${path}'`);
      return texts.get(path);
    },
  };
  if (!options.minimal) {
    fs.stat = async (path) => {
      if (texts.has(path)) return { size: options.sizes?.[path] ?? Buffer.byteLength(texts.get(path) ?? ''), isFile: true };
      if (special.has(path) || dirs().has(path)) return { size: 0, isFile: false };
      return undefined;
    };
    fs.realPath = async (path) => {
      if (!(texts.has(path) || special.has(path) || dirs().has(path) || options.symlinks?.[path])) return undefined;
      // A link applies to the path itself and to everything below it.
      for (const [link, target] of Object.entries(options.symlinks ?? {})) {
        if (path === link) return target;
        if (path.startsWith(`${link}/`)) return target + path.slice(link.length);
      }
      return path;
    };
    fs.readDirectory = async (path) => {
      if (!dirs().has(path)) return undefined;
      const names = new Set<string>();
      for (const p of [...texts.keys(), ...special, ...dirs()]) {
        if (p !== path && posix.dirname(p) === path) names.add(posix.basename(p));
      }
      return [...names].sort();
    };
  }
  return fs;
}
