/**
 * Context for the next chat message from the editor: the active file, the selection (its text
 * captured as it was when attached), workspace files picked from a list, or a path from `@file`
 * completion; and the text of an attached file when the message is sent (unsaved changes included).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AttachSource, Attachment } from '../../shared/webviewProtocol';
import type { AttachedContext } from './attachmentList';
import { COMPLETION_EXCLUDE_GLOB } from './fileCompletionQuery';

const MAX_ATTACH_BYTES = 5 * 1024 * 1024;
const MAX_PICK_FILES = 5000;

function workspaceRoot(): string | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
}

/** Workspace-relative path with forward slashes (absolute when outside the workspace). */
export function displayPath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/');
}

function editorInFocus(): vscode.TextEditor | undefined {
  return vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors[0];
}

function fileContext(document: vscode.TextDocument): AttachedContext {
  const shownPath = document.isUntitled ? document.uri.path : displayPath(document.uri);
  return {
    attachment: { kind: 'file', label: path.posix.basename(shownPath), path: shownPath },
    languageId: document.languageId,
    // An untitled document has no file to read later: keep its text now.
    ...(document.isUntitled && { text: document.getText() }),
  };
}

/** The selection of `editor` as an attachment (undefined when nothing is selected). */
export function selectionContext(editor: vscode.TextEditor): AttachedContext | undefined {
  const selection = editor.selection;
  if (selection.isEmpty) return undefined;
  const document = editor.document;
  const startLine = selection.start.line + 1;
  // A selection ending at column 0 of a line does not include that line.
  const endLine = selection.end.character === 0 && selection.end.line > selection.start.line ? selection.end.line : selection.end.line + 1;
  const shownPath = document.isUntitled ? document.uri.path : displayPath(document.uri);
  const name = path.posix.basename(shownPath);
  return {
    attachment: { kind: 'selection', label: startLine === endLine ? `${name}:${startLine}` : `${name}:${startLine}-${endLine}`, path: shownPath, range: { startLine, endLine } },
    text: document.getText(selection),
    languageId: document.languageId,
  };
}

async function pickWorkspaceFiles(): Promise<AttachedContext[]> {
  const uris = await vscode.workspace.findFiles('**/*', COMPLETION_EXCLUDE_GLOB, MAX_PICK_FILES);
  const items = uris
    .map((uri) => displayPath(uri))
    .sort()
    .map((rel) => ({ label: path.posix.basename(rel), description: path.posix.dirname(rel) === '.' ? '' : path.posix.dirname(rel), rel }));
  const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: 'Switchboard: Attach Files to the Chat', placeHolder: 'Type to filter workspace files', matchOnDescription: true });
  return (picked ?? []).map((item) => ({ attachment: { kind: 'file', label: item.label, path: item.rel } }));
}

async function pathContext(rel: string): Promise<AttachedContext[]> {
  const absolute = resolveAttachmentPath(rel);
  const root = workspaceRoot();
  if (!absolute || !root || path.relative(root, absolute).startsWith('..')) {
    void vscode.window.showWarningMessage(`Switchboard: ${rel} is not a file in this workspace.`);
    return [];
  }
  const stat = await fs.stat(absolute).catch(() => undefined);
  if (!stat?.isFile()) {
    void vscode.window.showWarningMessage(`Switchboard: ${rel} is not a file in this workspace.`);
    return [];
  }
  const shown = displayPath(vscode.Uri.file(absolute));
  return [{ attachment: { kind: 'file', label: path.posix.basename(shown), path: shown } }];
}

/** Context for `source`; [] (after telling the user why) when there is none. */
export async function attachFromEditor(source: AttachSource): Promise<AttachedContext[]> {
  switch (source.source) {
    case 'activeFile': {
      const editor = editorInFocus();
      if (!editor) {
        void vscode.window.showInformationMessage('Switchboard: open a file in the editor to attach it to the chat.');
        return [];
      }
      return [fileContext(editor.document)];
    }
    case 'selection': {
      const editor = editorInFocus();
      const context = editor && selectionContext(editor);
      if (!context) {
        void vscode.window.showInformationMessage('Switchboard: select some text in the editor to attach it to the chat.');
        return [];
      }
      return [context];
    }
    case 'pickFiles':
      return pickWorkspaceFiles();
    case 'path':
      return pathContext(source.path);
  }
}

/** The absolute path of an attachment's `path` (relative paths are under the workspace folder). */
export function resolveAttachmentPath(rel: string): string | undefined {
  if (path.isAbsolute(rel)) return path.normalize(rel);
  const root = workspaceRoot();
  return root === undefined ? undefined : path.resolve(root, rel);
}

function linesOf(text: string, range: Attachment['range']): string {
  if (!range) return text;
  return text.split('\n').slice(range.startLine - 1, range.endLine).join('\n');
}

/** The current text of an attached file (its lines `range` for a selection). */
export async function readAttachmentText(attachment: Attachment): Promise<{ text: string; languageId?: string }> {
  const absolute = resolveAttachmentPath(attachment.path);
  if (!absolute) throw new Error(`${attachment.path} cannot be found without a workspace folder.`);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === absolute);
  if (open) return { text: linesOf(open.getText(), attachment.range), languageId: open.languageId };
  const stat = await fs.stat(absolute).catch(() => undefined);
  if (!stat?.isFile()) throw new Error(`${attachment.path} does not exist any more.`);
  if (stat.size > MAX_ATTACH_BYTES) throw new Error(`${attachment.path} is larger than ${MAX_ATTACH_BYTES / 1024 / 1024} MB.`);
  const text = await fs.readFile(absolute, 'utf8');
  const extension = path.extname(absolute).slice(1);
  return { text: linesOf(text, attachment.range), ...(extension !== '' && { languageId: extension }) };
}
