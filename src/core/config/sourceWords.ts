/**
 * Human words for where a configuration value came from ("setting switchboard.model",
 * "user file ~/.codex/config.toml:3"), shared by the status bar tooltip, the tree and Explain.
 */
import type { Sourced } from './resolvedConfig';

/** Which explicit mechanism supplied a `flag`-sourced value in VS Code. */
export type ExplicitOrigin = 'pick' | 'setting';

/** Shortens a path for display: the home directory becomes `~`. */
export function displayPath(path: string, homeDir: string | undefined): string {
  if (homeDir && (path === homeDir || path.startsWith(`${homeDir}/`) || path.startsWith(`${homeDir}\\`))) {
    return `~${path.slice(homeDir.length)}`;
  }
  return path;
}

function where(sourced: Sourced<unknown>, homeDir: string | undefined): string {
  if (!sourced.file) return '';
  return ` ${displayPath(sourced.file, homeDir)}${sourced.line !== undefined ? `:${sourced.line}` : ''}`;
}

/**
 * Describes the layer behind a value. `field` names the setting (`provider`, `model`, `profile`)
 * for explicit values; `origin` says whether it was picked in the UI or set in settings.
 */
export function describeSourced(
  sourced: Sourced<unknown>,
  options: { field: 'provider' | 'model' | 'profile'; origin?: ExplicitOrigin; homeDir?: string },
): string {
  switch (sourced.source) {
    case 'flag':
      if (options.origin === 'setting') return `setting switchboard.${options.field}`;
      return `your choice (Switchboard: Select ${options.field[0].toUpperCase()}${options.field.slice(1)}), saved for this workspace`;
    case 'env':
      return 'an environment variable';
    case 'workspace':
      return `workspace file${where(sourced, options.homeDir)}`;
    case 'user':
      return `user file${where(sourced, options.homeDir)}`;
    case 'profile':
      return `profile${where(sourced, options.homeDir)}`;
    case 'builtin':
      return 'built-in default';
  }
}
