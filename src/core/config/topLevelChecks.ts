/**
 * Checks on a file's top level that are not about one provider: a `[providers.<id>]` table (a
 * common mistake, e.g. corpus 041) is not read by Codex, which wants `[model_providers.<id>]`.
 */
import type { Diagnostic } from './resolvedConfig';
import { DiagnosticCodes, makeDiagnostic } from './diagnostics';
import { keyPathText, locateIn, type ConfigLayer } from './layers';
import { isTable } from './validateTable';

/** Warns about `[providers.*]` tables. */
export function checkProvidersTable(layer: ConfigLayer, diagnostics: Diagnostic[]): void {
  if (!Object.hasOwn(layer.table, 'providers')) return;
  const providers = layer.table.providers;
  const ids = isTable(providers) ? Object.keys(providers).filter((id) => isTable(providers[id])) : [];
  if (ids.length === 0) {
    diagnostics.push(
      makeDiagnostic('warning', DiagnosticCodes.wrongTableName, '`providers` is not a Codex setting; it is ignored.', 'Define providers as [model_providers.<id>] tables.', locateIn(layer, ['providers'])),
    );
    return;
  }
  for (const id of ids) {
    const right = keyPathText(['model_providers', id]);
    diagnostics.push(
      makeDiagnostic(
        'warning',
        DiagnosticCodes.wrongTableName,
        `[${keyPathText(['providers', id])}] is not read: providers are defined in [${right}] tables.`,
        `Rename the table to [${right}] and use Codex's keys (base_url, env_key, wire_api, ...).`,
        locateIn(layer, ['providers', id]),
      ),
    );
  }
}
