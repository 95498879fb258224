/**
 * Which diagnostics to show in an untrusted workspace, where two configurations are loaded: the
 * one in use (workspace files not applied: says so in a warning) and one that reads the workspace
 * files only to show their providers. Problems in the workspace files' content (syntax, types,
 * unknown keys) are shown from the second; problems about the selection it would make (no model,
 * missing base_url of a provider that is not in use) are not, since that selection is not made.
 */
import type { Diagnostic, ResolvedConfig } from './resolvedConfig';

/** Codes about the active provider/model/profile rather than a file's content. */
const SELECTION_CODES: ReadonlySet<string> = new Set(['unknown-provider', 'missing-base-url', 'missing-region', 'no-model', 'default-provider-mismatch', 'unknown-profile']);

function key(d: Diagnostic): string {
  return [d.code, d.file ?? '', d.line ?? '', d.column ?? '', d.message].join('\u0000');
}

/** Diagnostics of `used`, plus content problems of workspace files that only `display` read. */
export function diagnosticsToShow(used: ResolvedConfig, display: ResolvedConfig | undefined): Diagnostic[] {
  if (!display) return used.diagnostics;
  const workspaceFiles = new Set(display.files.filter((f) => f.role === 'workspace').map((f) => f.path));
  const seen = new Set(used.diagnostics.map(key));
  const extra = display.diagnostics.filter((d) => d.file !== undefined && workspaceFiles.has(d.file) && !SELECTION_CODES.has(d.code) && !seen.has(key(d)));
  return [...used.diagnostics, ...extra];
}
