/**
 * The agent's `WorkspaceFiles` in the extension. Reads see unsaved editor changes; writes go
 * through a `WorkspaceEdit` and are then saved, so an agent edit is on disk AND undoable with
 * Ctrl+Z in the editor like any other edit. Directory listings use `vscode.workspace.fs`, text
 * search reuses the Node search (node_modules, VCS folders and binaries skipped).
 */
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import type { DirEntry, WorkspaceFiles } from '../../core/ports';
import { searchWorkspaceText } from '../../node/nodeTextSearch';

const MAX_READ_BYTES = 10 * 1024 * 1024;

function openDocument(path: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === path);
}

function describe(error: unknown, path: string): Error {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return new Error(`${path} does not exist.`);
  if (code === 'EISDIR') return new Error(`${path} is a directory, not a file.`);
  if (code === 'EACCES' || code === 'EPERM') return new Error(`Permission denied for ${path}.`);
  return error instanceof Error ? error : new Error(String(error));
}

async function exists(path: string): Promise<boolean> {
  try {
    await fs.stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Replaces (or creates) the file's text with one undoable edit, then saves it. */
async function writeThroughEditor(path: string, text: string): Promise<void> {
  const uri = vscode.Uri.file(path);
  const edit = new vscode.WorkspaceEdit();
  const metadata: vscode.WorkspaceEditEntryMetadata = { label: 'Switchboard agent edit', needsConfirmation: false };
  if (openDocument(path) === undefined && !(await exists(path))) {
    edit.createFile(uri, { ignoreIfExists: true }, metadata);
    edit.insert(uri, new vscode.Position(0, 0), text, metadata);
  } else {
    const document = await vscode.workspace.openTextDocument(uri);
    const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
    edit.replace(uri, whole, text, metadata);
  }
  if (!(await vscode.workspace.applyEdit(edit))) {
    throw new Error(`VS Code did not apply the edit to ${path} (the file may be read-only or changed meanwhile).`);
  }
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.isDirty && !(await document.save())) {
    throw new Error(`The edit to ${path} was applied in the editor but could not be saved to disk.`);
  }
}

/** `WorkspaceFiles` for the folder `root` (absolute path). */
export function createVscodeWorkspaceFiles(root: string): WorkspaceFiles {
  return {
    root,

    async readText(path) {
      const open = openDocument(path);
      if (open?.isDirty) return open.getText();
      const stat = await fs.stat(path).catch((error: unknown) => {
        throw describe(error, path);
      });
      if (stat.isDirectory()) throw new Error(`${path} is a directory, not a file.`);
      if (stat.size > MAX_READ_BYTES) throw new Error(`${path} is larger than the 10 MB that can be read as text.`);
      return fs.readFile(path, 'utf8').catch((error: unknown) => {
        throw describe(error, path);
      });
    },

    writeText: writeThroughEditor,

    exists: async (path) => openDocument(path) !== undefined || exists(path),

    async listDirectory(path) {
      let entries: [string, vscode.FileType][];
      try {
        entries = await vscode.workspace.fs.readDirectory(vscode.Uri.file(path));
      } catch (error) {
        throw error instanceof vscode.FileSystemError && error.code === 'FileNotFound' ? new Error(`${path} does not exist.`) : describe(error, path);
      }
      return entries.map(([name, type]): DirEntry => ({
        name,
        kind: type & vscode.FileType.SymbolicLink ? 'symlink' : type & vscode.FileType.Directory ? 'directory' : type & vscode.FileType.File ? 'file' : 'other',
      }));
    },

    realPath: (path) => fs.realpath(path),

    searchText: (query, options) => searchWorkspaceText(root, query, options),
  };
}
