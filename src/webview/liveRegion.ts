/** A visually hidden polite live region for announcements to screen readers (e.g. "Response complete"). */
import { h } from './dom';

export class LiveRegion {
  readonly element = h('div', { class: 'sr-only', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** Announces `text` (clearing first, so the same sentence twice is announced twice). */
  announce(text: string): void {
    this.element.textContent = '';
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.element.textContent = text;
    }, 50);
  }
}
