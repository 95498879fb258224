/**
 * Ids the extension registers at activation, before any of its heavier modules load: the views of
 * package.json `contributes.views` and the Explain document's URI scheme. No imports, so the
 * activation shell (src/extension.ts) can use them without pulling in the code behind them.
 */

/** The Providers tree view. */
export const PROVIDERS_VIEW_ID = 'switchboard.providers';

/** The "Get Started" view (its content is package.json `viewsWelcome`; the tree itself is empty). */
export const WELCOME_VIEW_ID = 'switchboard.welcome';

/** The Chat webview view (also `CHAT_VIEW_ID` in chat/chatViewProvider.ts). */
export const CHAT_VIEW_ID = 'switchboard.chat';

/** The scheme of the read-only "Explain Active Configuration" document. */
export const EXPLAIN_SCHEME = 'switchboard-explain';

/**
 * The ids of package.json `contributes.commands` (VS Code activates the extension when one runs,
 * so the activation shell registers each of them).
 */
export function contributedCommandIds(packageJson: unknown): string[] {
  const commands = (packageJson as { contributes?: { commands?: unknown } } | undefined)?.contributes?.commands;
  if (!Array.isArray(commands)) return [];
  return commands.flatMap((c: unknown) => {
    const id = (c as { command?: unknown } | null)?.command;
    return typeof id === 'string' ? [id] : [];
  });
}
