/** Shortens long text to its beginning and end with a note of what was left out. */

/**
 * `text` when it fits in `maxChars`; otherwise its first third and last two thirds of the budget
 * (the end of command output usually says what went wrong) around a note.
 */
export function headAndTail(text: string, maxChars: number): { text: string; cut: boolean } {
  if (text.length <= maxChars) return { text, cut: false };
  const head = Math.floor(maxChars / 3);
  const tail = maxChars - head;
  const omitted = text.length - head - tail;
  return {
    text: `${text.slice(0, head)}\n[… ${omitted.toLocaleString('en-US')} characters omitted …]\n${text.slice(text.length - tail)}`,
    cut: true,
  };
}
