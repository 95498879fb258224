/** Words for token usage, short for the footer and long for screen readers. */
import type { Usage } from '../../shared/streamEvents';

/** `1234` -> `1,234`; `12345` -> `12.3k`; `1234567` -> `1.23M`. */
export function formatTokens(count: number): string {
  if (count < 10_000) return count.toLocaleString('en-US');
  if (count < 1_000_000) return `${(count / 1000).toFixed(1)}k`;
  return `${(count / 1_000_000).toFixed(2)}M`;
}

/** e.g. `1,200 in · 350 out · 1,000 cached · 80 reasoning` (zero cached/reasoning are left out). */
export function usageSummary(usage: Usage): string {
  const parts = [`${formatTokens(usage.inputTokens)} in`, `${formatTokens(usage.outputTokens)} out`];
  if (usage.cachedInputTokens > 0) parts.push(`${formatTokens(usage.cachedInputTokens)} cached`);
  if (usage.reasoningTokens > 0) parts.push(`${formatTokens(usage.reasoningTokens)} reasoning`);
  return parts.join(' · ');
}

/** The same in full words, for `aria-label`. */
export function usageSentence(usage: Usage): string {
  return (
    `${usage.inputTokens} input tokens, ${usage.outputTokens} output tokens` +
    (usage.cachedInputTokens > 0 ? `, ${usage.cachedInputTokens} cached` : '') +
    (usage.reasoningTokens > 0 ? `, ${usage.reasoningTokens} reasoning` : '')
  );
}
