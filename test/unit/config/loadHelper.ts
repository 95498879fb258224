/**
 * Shared fixtures for the config engine tests: fixed home/workspace paths and a `load` wrapper
 * around `loadConfig` with an in-memory file system.
 */
import { loadConfig } from '../../../src/core/config/loadConfig';
import type { Diagnostic, LoadConfigOptions, ResolvedConfig } from '../../../src/core/config/resolvedConfig';
import type { ProviderInfo } from '../../../src/core/providers/providerInfo';
import { createMemoryFs, type MemoryFs, type MemoryFsOptions } from '../../helpers/memoryFs';

export const HOME = '/home/u';
export const CODEX_HOME = '/home/u/.codex';
export const USER_FILE = '/home/u/.codex/config.toml';
export const CWD = '/work/proj';
export const WS_FILE = '/work/proj/codex.toml';
export const WS_DOT_FILE = '/work/proj/.codex/config.toml';

export interface LoadArgs extends Partial<Omit<LoadConfigOptions, 'fs'>> {
  fsOptions?: MemoryFsOptions;
}

/** Loads with the given files (trusted workspace unless said otherwise). */
export async function load(files: Record<string, string>, args: LoadArgs = {}): Promise<ResolvedConfig & { fs: MemoryFs }> {
  const { fsOptions, ...rest } = args;
  const fs = createMemoryFs(files, fsOptions);
  const config = await loadConfig({ cwd: CWD, env: {}, homeDir: HOME, trustWorkspace: true, ...rest, fs });
  return { ...config, fs };
}

/** The provider with this id; fails the test when missing. */
export function provider(config: ResolvedConfig, id: string): ProviderInfo {
  const p = config.providers.find((x) => x.id === id);
  if (!p) throw new Error(`provider ${id} missing; have ${config.providers.map((x) => x.id).join(', ')}`);
  return p;
}

/** Diagnostics with this code. */
export function diagnosticsWith(config: ResolvedConfig, code: string): Diagnostic[] {
  return config.diagnostics.filter((d) => d.code === code);
}

/** The only diagnostic with this code; fails when there is not exactly one. */
export function onlyDiagnostic(config: ResolvedConfig, code: string): Diagnostic {
  const found = diagnosticsWith(config, code);
  if (found.length !== 1) {
    throw new Error(`expected one ${code} diagnostic, got ${found.length}: ${JSON.stringify(config.diagnostics, null, 1)}`);
  }
  return found[0];
}
