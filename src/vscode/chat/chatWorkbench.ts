/**
 * The chat controller's `ChatWorkbench` port on VS Code: commands, code block buttons (insert at
 * the cursor, open as a new file, copy), links from the transcript, attachments, workspace file
 * search for `@file` completion, and the delete confirmation.
 */
import * as vscode from 'vscode';
import type { Logger } from '../../core/ports';
import type { ChatWorkbench } from './chatPorts';
import { languageIdForFence } from './codeLanguage';
import { attachFromEditor, displayPath, readAttachmentText, resolveAttachmentPath } from './editorContext';
import { COMPLETION_EXCLUDE_GLOB } from './fileCompletionQuery';

async function openUntitled(code: string, language: string | undefined): Promise<void> {
  const known = new Set(await vscode.languages.getLanguages());
  const document = await vscode.workspace.openTextDocument({ content: code, language: languageIdForFence(language, known) });
  await vscode.window.showTextDocument(document, { preview: false });
}

/** Inserts `code` at the cursor(s) of the last active editor, or opens it as an untitled file when there is none. */
async function insertAtCursor(code: string, language: string | undefined): Promise<void> {
  const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors[0];
  if (!editor) return openUntitled(code, language);
  const applied = await editor.edit((builder) => {
    for (const selection of editor.selections) builder.replace(selection, code);
  });
  if (!applied) throw new Error(`Could not insert the code into ${displayPath(editor.document.uri)}.`);
  await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
}

/** The VS Code implementation of the port. */
export function createChatWorkbench(logger: Logger): ChatWorkbench {
  return {
    async runCommand(command, args) {
      await vscode.commands.executeCommand(command, ...args);
    },

    async codeBlock(action, code, language) {
      if (action === 'insert') return insertAtCursor(code, language);
      if (action === 'newFile') return openUntitled(code, language);
      await vscode.env.clipboard.writeText(code);
      vscode.window.setStatusBarMessage('Switchboard: code copied to the clipboard.', 3000);
    },

    async openLink(target) {
      if (target.kind === 'external') {
        await vscode.env.openExternal(vscode.Uri.parse(target.url, true));
        return;
      }
      const absolute = resolveAttachmentPath(target.path);
      if (!absolute) {
        logger.warn(`Chat: cannot open ${target.path} without a workspace folder.`);
        return;
      }
      try {
        const document = await vscode.workspace.openTextDocument(vscode.Uri.file(absolute));
        const line = Math.max(0, Math.min((target.line ?? 1) - 1, document.lineCount - 1));
        await vscode.window.showTextDocument(document, { selection: new vscode.Range(line, 0, line, 0), preview: true });
      } catch {
        void vscode.window.showWarningMessage(`Switchboard: ${target.path} does not exist in this workspace.`);
      }
    },

    attach: attachFromEditor,
    readAttachment: readAttachmentText,

    async findFiles(glob, limit) {
      if (!vscode.workspace.workspaceFolders?.length) return [];
      const uris = await vscode.workspace.findFiles(glob, COMPLETION_EXCLUDE_GLOB, limit);
      return uris.map(displayPath);
    },

    async confirmDelete(title) {
      const choice = await vscode.window.showWarningMessage(`Delete the chat session "${title}"?`, { modal: true, detail: 'Its messages cannot be restored.' }, 'Delete');
      return choice === 'Delete';
    },
  };
}
