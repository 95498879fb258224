/**
 * The chat's commands: "Switchboard: Open Chat", "Switchboard: New Chat" and "Switchboard: Ask
 * About Selection" (also in the editor's context menu when text is selected).
 */
import * as vscode from 'vscode';
import type { ChatController } from './chatController';
import type { ChatViewProvider } from './chatViewProvider';
import { selectionContext } from './editorContext';

/** Command id -> handler. */
export function chatCommands(view: ChatViewProvider, controller: ChatController): Record<string, () => Promise<void>> {
  return {
    'switchboard.openChat': async () => {
      await view.reveal();
      controller.focusInput();
    },
    'switchboard.newChat': async () => {
      await view.reveal();
      await controller.newSession();
      controller.focusInput();
    },
    'switchboard.askAboutSelection': async () => {
      const editor = vscode.window.activeTextEditor;
      const context = editor && selectionContext(editor);
      if (!context) {
        void vscode.window.showInformationMessage('Switchboard: select some text in the editor first, then run "Ask About Selection".');
        return;
      }
      await view.reveal();
      controller.attach([context]);
      controller.focusInput();
    },
  };
}

/** Registers the chat commands; a failure becomes an error notification. */
export function registerChatCommands(view: ChatViewProvider, controller: ChatController, showError: (error: unknown) => Promise<void>): vscode.Disposable[] {
  return Object.entries(chatCommands(view, controller)).map(([id, handler]) =>
    vscode.commands.registerCommand(id, async () => {
      try {
        await handler();
      } catch (error) {
        await showError(error);
      }
    }),
  );
}
