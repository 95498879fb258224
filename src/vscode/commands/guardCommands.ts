/**
 * Wraps command handlers so an unexpected failure becomes an error notification (with the fix
 * buttons of errorNotifier.ts) instead of an unhandled rejection in the command service.
 */
import type { CommandHandler } from '../deferredCommands';

/** `handlers`, each reporting a thrown error with `showError`. */
export function guardCommands(handlers: Record<string, CommandHandler>, showError: (error: unknown) => Promise<void>): Record<string, CommandHandler> {
  return Object.fromEntries(
    Object.entries(handlers).map(([id, handler]) => [
      id,
      async (...args: unknown[]) => {
        try {
          return await handler(...args);
        } catch (error) {
          await showError(error);
          return undefined;
        }
      },
    ]),
  );
}
