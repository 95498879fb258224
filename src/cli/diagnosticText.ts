/**
 * How the CLI words config diagnostics: `file:line:column: severity: message (fix)`, the form
 * editors and terminals turn into clickable locations.
 */
import type { Diagnostic, ResolvedConfig } from '../core/config/resolvedConfig';
import type { CliIo } from './verbTypes';

/** One diagnostic on one line. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  let where = '';
  if (diagnostic.file) {
    where = diagnostic.file;
    if (diagnostic.line !== undefined) {
      where += `:${diagnostic.line}`;
      if (diagnostic.column !== undefined) where += `:${diagnostic.column}`;
    }
    where += ': ';
  }
  const fix = diagnostic.fix ? ` (${diagnostic.fix})` : '';
  return `${where}${diagnostic.severity}: ${diagnostic.message}${fix}`;
}

/** The error diagnostics of a loaded config. */
export function configErrors(config: ResolvedConfig): Diagnostic[] {
  return config.diagnostics.filter((d) => d.severity === 'error');
}

/**
 * Writes the config's diagnostics to stderr (errors only unless `includeWarnings`), one per line,
 * and returns whether there was any error (the caller then exits with code 2).
 */
export function reportDiagnostics(config: ResolvedConfig, io: CliIo, includeWarnings: boolean): boolean {
  for (const diagnostic of config.diagnostics) {
    if (diagnostic.severity === 'error' || (includeWarnings && diagnostic.severity === 'warning')) {
      io.stderr(`${formatDiagnostic(diagnostic)}\n`);
    }
  }
  return configErrors(config).length > 0;
}
