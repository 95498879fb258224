/** Turns trusted renderer output (markdown-it with `html: false`, highlight.js) into DOM nodes. */

/** Parses `html` into a fragment (inert: nothing runs or loads until it is inserted). */
export function htmlToFragment(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}
