/**
 * Publishes config diagnostics to the Problems panel (collection "switchboard") on the right file,
 * line and column, covering the key or table header; entries clear when the problem is fixed.
 * Diagnostics without a file go to the log (and the status bar tooltip counts them).
 */
import * as vscode from 'vscode';
import { diagnosticRange } from '../core/config/diagnosticRange';
import type { Diagnostic } from '../core/config/resolvedConfig';
import type { Logger } from '../core/ports';

const SEVERITY: Record<Diagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** The Problems-panel message: what is wrong, then how to fix it. */
export function problemMessage(diagnostic: Diagnostic): string {
  return diagnostic.fix ? `${diagnostic.message} ${diagnostic.fix}` : diagnostic.message;
}

export class ConfigDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('switchboard');
  private lastUnplaced = '';

  constructor(private readonly logger: Logger) {}

  /** Replaces every published diagnostic with `diagnostics`. */
  async publish(diagnostics: readonly Diagnostic[]): Promise<void> {
    const byFile = new Map<string, Diagnostic[]>();
    const unplaced: Diagnostic[] = [];
    for (const d of diagnostics) {
      if (d.file) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
      else unplaced.push(d);
    }
    const entries: [vscode.Uri, vscode.Diagnostic[]][] = [];
    for (const [file, list] of byFile) {
      const lines = await readLines(file);
      entries.push([
        vscode.Uri.file(file),
        list.map((d) => {
          const r = diagnosticRange(d, lines?.[(d.line ?? 1) - 1]);
          const item = new vscode.Diagnostic(new vscode.Range(r.startLine, r.startCharacter, r.endLine, r.endCharacter), problemMessage(d), SEVERITY[d.severity]);
          item.source = 'switchboard';
          item.code = d.code;
          return item;
        }),
      ]);
    }
    this.collection.clear();
    this.collection.set(entries);
    const text = unplaced.map((d) => `${d.severity}: ${problemMessage(d)}`).join('\n');
    if (text && text !== this.lastUnplaced) this.logger.warn(`Configuration problems:\n${text}`);
    this.lastUnplaced = text;
  }

  dispose(): void {
    this.collection.dispose();
  }
}

/** The file's lines as saved on disk (what the diagnostics were computed from); undefined when unreadable. */
async function readLines(file: string): Promise<string[] | undefined> {
  try {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.file(file));
    return new TextDecoder().decode(bytes).split(/\r?\n/);
  } catch {
    return undefined;
  }
}
