/**
 * The header: provider, model and approval-mode pickers (native selects: keyboard and screen
 * reader friendly; choosing asks the host, which answers with a new `sessionState`), plus
 * session history and new session buttons.
 */
import type { SessionState } from '../shared/webviewProtocol';
import { h, iconButton } from './dom';

export interface HeaderCallbacks {
  pickProvider(providerId: string): void;
  pickModel(model: string): void;
  setApprovalMode(mode: string): void;
  toggleHistory(): void;
  newSession(): void;
}

function fillSelect(select: HTMLSelectElement, options: readonly { value: string; label: string; title?: string }[], selected: string): void {
  select.replaceChildren(
    ...options.map((o) => h('option', { value: o.value, title: o.title, selected: o.value === selected }, o.label)),
  );
  select.value = selected;
  select.disabled = options.length === 0;
}

export class Header {
  readonly element: HTMLElement;
  readonly historyButton: HTMLButtonElement;
  private readonly provider = h('select', { class: 'picker provider-picker', 'aria-label': 'Provider', title: 'Provider' });
  private readonly model = h('select', { class: 'picker model-picker', 'aria-label': 'Model', title: 'Model' });
  private readonly approval = h('select', { class: 'picker approval-picker', 'aria-label': 'Approval mode', title: 'Approval mode' });

  constructor(callbacks: HeaderCallbacks) {
    this.provider.addEventListener('change', () => callbacks.pickProvider(this.provider.value));
    this.model.addEventListener('change', () => callbacks.pickModel(this.model.value));
    this.approval.addEventListener('change', () => callbacks.setApprovalMode(this.approval.value));
    this.historyButton = iconButton('history', 'Session history', () => callbacks.toggleHistory(), { 'aria-pressed': 'false', 'aria-controls': 'history' });
    this.element = h(
      'header',
      { class: 'header', role: 'toolbar', 'aria-label': 'Chat settings' },
      h('div', { class: 'pickers' }, this.provider, this.model, this.approval),
      h('div', { class: 'header-actions' }, this.historyButton, iconButton('add', 'New session', () => callbacks.newSession())),
    );
    this.update(undefined);
  }

  /** Shows the host's state (`undefined` until the first `sessionState`). */
  update(state: SessionState | undefined): void {
    if (!state) {
      for (const select of [this.provider, this.model, this.approval]) fillSelect(select, [], '');
      return;
    }
    const providers = state.providers.some((p) => p.id === state.provider.id)
      ? state.providers
      : [{ id: state.provider.id, name: state.provider.name, models: [] }, ...state.providers];
    fillSelect(this.provider, providers.map((p) => ({ value: p.id, label: p.name, title: p.id })), state.provider.id);
    const known = providers.find((p) => p.id === state.provider.id)?.models ?? [];
    const models = known.includes(state.model) || state.model === '' ? known : [state.model, ...known];
    fillSelect(this.model, models.map((m) => ({ value: m, label: m })), state.model);
    fillSelect(this.approval, state.approvalModes.map((m) => ({ value: m.id, label: m.label, title: m.description })), state.approvalMode);
  }

  setHistoryOpen(open: boolean): void {
    this.historyButton.setAttribute('aria-pressed', String(open));
  }
}
