/**
 * Clicks inside the transcript, handled by delegation (rendered markdown is plain HTML): code block
 * buttons (copy locally, or ask the host to insert / open as a new file) and links (always handed
 * to the host, which checks the scheme; the webview never navigates).
 */

export type CodeAction = 'copy' | 'insert' | 'newFile';

export interface TranscriptClickHandlers {
  onCodeAction(action: CodeAction, code: string, language: string | undefined, button: HTMLElement): void;
  onLink(href: string): void;
}

/** The exact code of a rendered code block (without the final newline markdown keeps). */
export function codeOf(block: Element): string {
  const text = block.querySelector('pre > code')?.textContent ?? '';
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

function isCodeAction(value: string | undefined): value is CodeAction {
  return value === 'copy' || value === 'insert' || value === 'newFile';
}

/** Handles a click event from the transcript container; returns whether it was handled. */
export function handleTranscriptClick(event: MouseEvent, handlers: TranscriptClickHandlers): boolean {
  const target = event.target instanceof Element ? event.target : null;
  if (!target) return false;
  const button = target.closest<HTMLElement>('[data-code-action]');
  const action = button?.dataset.codeAction;
  if (button && isCodeAction(action)) {
    const block = button.closest<HTMLElement>('.code-block');
    if (!block) return false;
    event.preventDefault();
    handlers.onCodeAction(action, codeOf(block), block.dataset.language || undefined, button);
    return true;
  }
  const link = target.closest<HTMLAnchorElement>('a[href]');
  if (link) {
    event.preventDefault();
    handlers.onLink(link.getAttribute('href') ?? '');
    return true;
  }
  return false;
}

/** Copies with the webview's clipboard; calls `fallback` when it is unavailable or refused. */
export async function copyText(text: string, fallback: () => void): Promise<boolean> {
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    fallback();
    return false;
  }
}

/** Briefly shows a check mark on a copy button. */
export function flashCopied(button: HTMLElement): void {
  const iconElement = button.querySelector('.codicon');
  if (!iconElement) return;
  iconElement.classList.replace('codicon-copy', 'codicon-check');
  button.setAttribute('aria-label', 'Copied');
  setTimeout(() => {
    iconElement.classList.replace('codicon-check', 'codicon-copy');
    button.setAttribute('aria-label', 'Copy code');
  }, 1500);
}
