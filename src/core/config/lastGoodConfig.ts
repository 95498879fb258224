/**
 * Live reload keeps the last good configuration while a file is broken: when a config file exists
 * but could not be applied because of an error in it, the previous providers and selection stay in
 * use, and the new diagnostics are still shown.
 */
import type { ResolvedConfig } from './resolvedConfig';

/** Whether a config file that exists failed to apply because of an error in it. */
export function isBroken(config: ResolvedConfig): boolean {
  return config.files.some(
    (file) => file.exists && !file.applied && config.diagnostics.some((d) => d.severity === 'error' && d.file === file.path),
  );
}

/**
 * The configuration to use after a reload: `next` unless it is broken and a previous good one
 * exists, in which case the previous one with `next`'s diagnostics and file statuses.
 */
export function chooseConfig(previous: ResolvedConfig | undefined, next: ResolvedConfig): { config: ResolvedConfig; keptLastGood: boolean } {
  if (!previous || !isBroken(next) || isBroken(previous)) return { config: next, keptLastGood: false };
  return { config: { ...previous, diagnostics: next.diagnostics, files: next.files }, keptLastGood: true };
}
