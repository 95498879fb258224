/**
 * Reads the user file and the workspace files into layers, applying workspace trust: an
 * untrusted workspace's files are not parsed, only noticed, with a warning saying how to trust.
 */
import { dirname } from 'node:path';
import type { ConfigFileSystem } from '../ports';
import type { ConfigFileRole, ConfigFileStatus, Diagnostic, LoadConfigOptions } from './resolvedConfig';
import { DiagnosticCodes, makeDiagnostic } from './diagnostics';
import { createLayer, type ConfigLayer } from './layers';
import { configFileExists, readConfigFile } from './readConfigFile';
import { parseTomlText } from './tomlParse';
import { isTrustedPath, trustedProjectsOf } from './trust';
import type { ConfigPaths } from './configPaths';

export interface LoadedFiles {
  /** Applied file layers, lowest precedence first (user, `.codex/config.toml`, `codex.toml`). */
  layers: ConfigLayer[];
  userLayer?: ConfigLayer;
  files: ConfigFileStatus[];
  trustedProjects: string[];
}

/** Reads and parses one file into a layer; records its status. */
async function loadFile(fs: ConfigFileSystem, path: string, role: ConfigFileRole, diagnostics: Diagnostic[], files: ConfigFileStatus[]): Promise<ConfigLayer | undefined> {
  const read = await readConfigFile(fs, path);
  if (read.status === 'missing') {
    files.push({ role, path, exists: false, applied: false, reason: 'file does not exist' });
    return undefined;
  }
  if (read.status === 'error') {
    diagnostics.push(read.diagnostic);
    files.push({ role, path, exists: true, applied: false, reason: read.reason });
    return undefined;
  }
  const parsed = parseTomlText(read.text, path);
  if (!parsed.ok) {
    diagnostics.push(parsed.diagnostic);
    files.push({ role, path, exists: true, applied: false, reason: `TOML syntax error${parsed.line ? ` at line ${parsed.line}` : ''}` });
    return undefined;
  }
  files.push({ role, path, exists: true, applied: true });
  const workspace = role === 'workspace';
  return createLayer(
    { kind: 'file', source: workspace ? 'workspace' : 'user', file: path, baseDir: dirname(path), table: parsed.table, positions: parsed.positions, prefix: [], fromWorkspace: workspace },
    diagnostics,
  );
}

async function realPathOf(fs: ConfigFileSystem, path: string): Promise<string | undefined> {
  try {
    return await fs.realPath?.(path);
  } catch {
    return undefined;
  }
}

function trustFix(cwd: string, userFile: string): string {
  return `In VS Code, trust the workspace (Workspaces: Manage Workspace Trust). In the CLI, pass --trust-workspace, or add [projects.${JSON.stringify(cwd)}] trust_level = "trusted" to ${userFile}.`;
}

/** Loads the user file, decides trust, then loads (or only notices) the workspace files. */
export async function loadConfigFiles(options: LoadConfigOptions, paths: ConfigPaths, diagnostics: Diagnostic[]): Promise<LoadedFiles> {
  const files: ConfigFileStatus[] = [];
  const layers: ConfigLayer[] = [];
  const userLayer = await loadFile(options.fs, paths.userFile, 'user', diagnostics, files);
  if (userLayer) layers.push(userLayer);
  const trustedProjects = trustedProjectsOf(userLayer?.table);

  let trusted: boolean;
  if (options.trustWorkspace === 'user-file') {
    trusted = isTrustedPath(options.cwd, trustedProjects, await realPathOf(options.fs, options.cwd));
  } else {
    trusted = options.trustWorkspace === true;
  }

  for (const path of paths.workspaceFiles) {
    if (trusted) {
      const layer = await loadFile(options.fs, path, 'workspace', diagnostics, files);
      if (layer) layers.push(layer);
      continue;
    }
    const exists = await configFileExists(options.fs, path);
    files.push({ role: 'workspace', path, exists, applied: false, reason: exists ? 'workspace is not trusted' : 'file does not exist' });
    if (exists) {
      diagnostics.push(
        makeDiagnostic(
          'warning',
          DiagnosticCodes.workspaceUntrusted,
          `Workspace config file ${path} was not applied because this workspace is not trusted.`,
          trustFix(options.cwd, paths.userFile),
          { file: path },
        ),
      );
    }
  }
  return { layers, userLayer, files, trustedProjects };
}
