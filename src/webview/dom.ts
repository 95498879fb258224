/** Tiny DOM helpers: build elements without innerHTML, and codicon icons. */

/** A child for `h`: nodes, text, or nothing (skipped). */
export type Child = Node | string | null | undefined | false;

/** Attribute values: strings are set, `true` sets an empty attribute, `false`/`undefined` skip. Functions on `on*` keys become listeners. */
export type Attributes = Record<string, string | number | boolean | undefined | ((event: Event) => void)>;

/** Creates an element with attributes and children (text children are escaped by the DOM). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.slice(2).toLowerCase(), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) element.append(child);
  return element;
}

/** A decorative codicon (`name` without the `codicon-` prefix). */
export function icon(name: string, extraClass = ''): HTMLSpanElement {
  return h('span', { class: `codicon codicon-${name}${extraClass ? ` ${extraClass}` : ''}`, 'aria-hidden': 'true' });
}

/** A button showing only an icon, labelled for screen readers and as a tooltip. */
export function iconButton(name: string, label: string, onClick: (event: Event) => void, extra: Attributes = {}): HTMLButtonElement {
  return h('button', { type: 'button', class: 'icon-button', title: label, 'aria-label': label, onclick: onClick, ...extra }, icon(name));
}
