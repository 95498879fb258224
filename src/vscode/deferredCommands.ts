/**
 * Commands registered at activation whose handlers load later: each registered id waits for
 * `handlerFor(id)` (which loads the module that implements it, once) and runs that handler.
 * Handlers report their own failures; a handler that cannot be loaded is reported here.
 */
import * as vscode from 'vscode';

/** A command implementation. */
export type CommandHandler = (...args: unknown[]) => unknown;

/** Where handlers come from, and what to do when one cannot be loaded. */
export interface DeferredCommandsDeps {
  /** The handler of `id` (loading its module if needed); undefined when nothing implements it. */
  handlerFor: (id: string) => Promise<CommandHandler | undefined>;
  /** Called when loading the handler failed or nothing implements `id`. */
  onUnavailable: (id: string, error: unknown) => void;
}

/** Registers `ids`; each runs its handler once it is loaded. */
export function registerDeferredCommands(ids: readonly string[], deps: DeferredCommandsDeps): vscode.Disposable[] {
  return ids.map((id) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      let handler: CommandHandler | undefined;
      try {
        handler = await deps.handlerFor(id);
        if (!handler) throw new Error(`No handler is registered for the command ${id}.`);
      } catch (error) {
        deps.onUnavailable(id, error);
        return undefined;
      }
      return handler(...args);
    }),
  );
}
