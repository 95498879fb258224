/**
 * The chat's commands: "Switchboard: Open Chat", "Switchboard: New Chat" and "Switchboard: Ask
 * About Selection" (also in the editor's context menu when text is selected).
 */
import * as vscode from 'vscode';
import { guardCommands } from '../commands/guardCommands';
import type { CommandHandler } from '../deferredCommands';
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

/** The chat commands, each wrapped so a failure becomes an error notification. */
export function guardedChatCommands(view: ChatViewProvider, controller: ChatController, showError: (error: unknown) => Promise<void>): Record<string, CommandHandler> {
  return guardCommands(chatCommands(view, controller), showError);
}
