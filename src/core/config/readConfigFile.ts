/**
 * Reads one config file through the `ConfigFileSystem` port, refusing anything that is not a
 * regular file or is larger than 1 MiB (a symlink to /dev/zero must not hang the extension).
 * Never throws: failures come back as an error diagnostic.
 */
import type { ConfigFileSystem } from '../ports';
import type { Diagnostic } from './resolvedConfig';
import { DiagnosticCodes, makeDiagnostic } from './diagnostics';

/** Largest config file we read. */
export const MAX_CONFIG_FILE_BYTES = 1024 * 1024;

export type ReadConfigResult =
  | { status: 'missing' }
  | { status: 'ok'; text: string }
  | { status: 'error'; diagnostic: Diagnostic; reason: string };

function failure(code: 'file-too-large' | 'not-a-regular-file' | 'file-read-error', path: string, message: string, fix: string, reason: string): ReadConfigResult {
  return { status: 'error', reason, diagnostic: makeDiagnostic('error', code, message, fix, { file: path }) };
}

function tooLarge(path: string): ReadConfigResult {
  return failure(
    DiagnosticCodes.fileTooLarge,
    path,
    `Config file ${path} is larger than 1 MiB, so it was not read.`,
    'Config files are small; check that this path points at the right file.',
    'file is larger than 1 MiB',
  );
}

/** Reads `path`; `missing` when it does not exist. */
export async function readConfigFile(fs: ConfigFileSystem, path: string): Promise<ReadConfigResult> {
  try {
    if (fs.stat) {
      const info = await fs.stat(path);
      if (!info) return { status: 'missing' };
      if (!info.isFile) {
        return failure(
          DiagnosticCodes.notRegularFile,
          path,
          `Config path ${path} is not a regular file (a directory, device or special file), so it was not read.`,
          'Replace it with a regular TOML file, or remove it.',
          'not a regular file',
        );
      }
      if (info.size > MAX_CONFIG_FILE_BYTES) return tooLarge(path);
    }
    const text = await fs.readText(path);
    if (text === undefined) return { status: 'missing' };
    // Without `stat` we can only check after reading (UTF-16 length is a lower bound of bytes).
    if (text.length > MAX_CONFIG_FILE_BYTES) return tooLarge(path);
    return { status: 'ok', text };
  } catch (error) {
    const detail = (error instanceof Error ? error.message.split('\n')[0] : String(error)).replace(/\.+$/, '');
    return failure(
      DiagnosticCodes.fileReadError,
      path,
      `Config file ${path} could not be read: ${detail}.`,
      'Check that the file is readable by your user.',
      'could not be read',
    );
  }
}

/** Whether `path` exists, without reading it when the file system can `stat`. Never throws. */
export async function configFileExists(fs: ConfigFileSystem, path: string): Promise<boolean> {
  try {
    if (fs.stat) return (await fs.stat(path)) !== undefined;
    return (await fs.readText(path)) !== undefined;
  } catch {
    return true;
  }
}
