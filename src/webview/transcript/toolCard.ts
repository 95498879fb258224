/**
 * A compact card for one tool call: name, key argument, status, and the output behind a
 * disclosure (long output is cut to a preview with "Show more").
 */
import { h, icon } from '../dom';

/** Output longer than this (characters or lines) is previewed first. */
export const OUTPUT_PREVIEW_CHARS = 2000;
export const OUTPUT_PREVIEW_LINES = 40;

/** Characters of a running tool's output kept in its live view. */
const LIVE_OUTPUT_CHARS = 20_000;

const KEY_ARGUMENTS = ['path', 'file', 'filePath', 'file_path', 'command', 'cmd', 'query', 'pattern', 'url'];

/** The argument worth showing on the card: a path, command or query, else the first string value. */
export function keyArgument(argumentsJson: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(argumentsJson);
  } catch {
    return '';
  }
  if (typeof parsed !== 'object' || parsed === null) return '';
  const record = parsed as Record<string, unknown>;
  const key = KEY_ARGUMENTS.find((k) => typeof record[k] === 'string') ?? Object.keys(record).find((k) => typeof record[k] === 'string');
  const value = key === undefined ? '' : String(record[key]);
  return value.length > 120 ? `${value.slice(0, 119)}…` : value;
}

/** Where a preview of `text` ends, or `undefined` when it is short enough to show whole. */
function previewEnd(text: string): number | undefined {
  let end = Math.min(text.length, OUTPUT_PREVIEW_CHARS);
  let newlines = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    if (++newlines === OUTPUT_PREVIEW_LINES) {
      end = i;
      break;
    }
  }
  return end < text.length ? end : undefined;
}

type ToolStatus = 'pending' | 'running' | 'done' | 'failed' | 'stopped';

const STATUS_TEXT: Record<ToolStatus, string> = {
  pending: 'Preparing…',
  running: 'Running…',
  done: 'Done',
  failed: 'Failed',
  stopped: 'Stopped',
};
const STATUS_ICON: Record<ToolStatus, string> = {
  pending: 'loading codicon-modifier-spin',
  running: 'loading codicon-modifier-spin',
  done: 'check',
  failed: 'error',
  stopped: 'debug-stop',
};

export class ToolCard {
  readonly element: HTMLElement;
  private readonly nameElement = h('span', { class: 'tool-name' });
  private readonly summaryElement = h('span', { class: 'tool-summary' });
  private readonly statusIcon = h('span', { 'aria-hidden': 'true' });
  private readonly statusText = h('span', { class: 'tool-status' });
  private readonly details = h('details', { class: 'tool-details' });
  private status: ToolStatus = 'pending';
  /** The live output view while the tool runs. */
  private live: HTMLElement | undefined;

  constructor(readonly id: string, name: string) {
    this.element = h(
      'div',
      { class: 'tool-card', 'data-tool-id': id, role: 'group' },
      h('div', { class: 'tool-header' }, icon('tools'), this.nameElement, this.summaryElement, h('span', { class: 'tool-state' }, this.statusIcon, this.statusText)),
      this.details,
    );
    this.details.hidden = true;
    this.setName(name);
    this.setStatus('pending');
  }

  get isSettled(): boolean {
    return this.status === 'done' || this.status === 'failed' || this.status === 'stopped';
  }

  setName(name: string): void {
    this.nameElement.textContent = name;
    this.updateLabel();
  }

  /** The call is known in full: show its key argument (or the host's summary) and the raw arguments. */
  setCall(summary: string, argumentsJson: string, status: ToolStatus = 'running'): void {
    this.summaryElement.textContent = summary || keyArgument(argumentsJson);
    this.summaryElement.title = argumentsJson;
    const pretty = prettyJson(argumentsJson);
    this.replaceSection('tool-arguments', pretty ? h('div', { class: 'tool-section tool-arguments' }, h('div', { class: 'tool-section-title' }, 'Arguments'), h('pre', {}, pretty)) : null);
    if (!this.isSettled) this.setStatus(status);
  }

  /**
   * Adds output of the running tool to a live view that follows its end (the last LIVE_OUTPUT_CHARS
   * are kept), and opens the details the first time so the user sees it run. The result replaces it.
   */
  appendOutput(chunk: string, skipped: boolean): void {
    if (this.isSettled) return;
    if (!this.live) {
      this.live = h('pre', { class: 'tool-output-text tool-live-output', 'aria-live': 'off' });
      this.replaceSection('tool-output', h('div', { class: 'tool-section tool-output' }, h('div', { class: 'tool-section-title' }, 'Output so far'), this.live));
      this.details.open = true;
    }
    let text = (skipped ? `${this.live.textContent ?? ''}\n…\n` : (this.live.textContent ?? '')) + chunk;
    if (text.length > LIVE_OUTPUT_CHARS) text = `…${text.slice(text.indexOf('\n', text.length - LIVE_OUTPUT_CHARS) + 1 || text.length - LIVE_OUTPUT_CHARS)}`;
    this.live.textContent = text;
    this.live.scrollTop = this.live.scrollHeight;
  }

  /** Shows the tool's output (previewed when long). */
  setResult(output: string, isError: boolean): void {
    this.live = undefined;
    const pre = h('pre', { class: 'tool-output-text' });
    const end = previewEnd(output);
    pre.textContent = end === undefined ? output : output.slice(0, end);
    const more =
      end === undefined
        ? null
        : h('button', { type: 'button', class: 'link-button show-more', onclick: (event: Event) => {
            pre.textContent = output;
            (event.currentTarget as HTMLElement).remove();
          } }, `Show more (${(output.length - end).toLocaleString('en-US')} more characters)`);
    this.replaceSection('tool-output', h('div', { class: 'tool-section tool-output' }, h('div', { class: 'tool-section-title' }, isError ? 'Error output' : 'Output'), pre, more));
    this.setStatus(isError ? 'failed' : 'done');
  }

  /** The turn ended before the tool finished. */
  markStopped(): void {
    if (!this.isSettled) this.setStatus('stopped');
  }

  private replaceSection(className: string, section: HTMLElement | null): void {
    this.details.querySelector(`.${className}`)?.remove();
    if (section) this.details.append(section);
    if (!this.details.querySelector('summary')) this.details.prepend(h('summary', {}, 'Details'));
    this.details.hidden = this.details.querySelector('.tool-section') === null;
  }

  private setStatus(status: ToolStatus): void {
    this.status = status;
    this.element.dataset.status = status;
    this.statusIcon.className = `codicon codicon-${STATUS_ICON[status]}`;
    this.statusText.textContent = STATUS_TEXT[status];
    this.updateLabel();
  }

  private updateLabel(): void {
    this.element.setAttribute('aria-label', `Tool ${this.nameElement.textContent ?? ''}: ${STATUS_TEXT[this.status]}`);
  }
}

function prettyJson(text: string): string {
  if (text.trim() === '') return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
