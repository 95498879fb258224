/**
 * Reads the user file and the workspace files into layers, applying workspace trust: an
 * untrusted workspace's files are not parsed, only noticed, with a warning saying how to trust.
 */
import { dirname, isAbsolute, relative, sep } from 'node:path';
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

/**
 * A workspace config file that is a symbolic link (itself, or through `.codex/`) to a file outside
 * the workspace is not read: a repository must not make Switchboard read, apply and show files
 * elsewhere on the machine. Records a warning and the file status; true when refused.
 */
async function refusedAsOutside(fs: ConfigFileSystem, path: string, cwd: string, diagnostics: Diagnostic[], files: ConfigFileStatus[]): Promise<boolean> {
  if (!fs.realPath) return false;
  const real = await realPathOf(fs, path);
  if (real === undefined) return false; // missing: loadFile records that
  const roots = [cwd, await realPathOf(fs, cwd)].filter((r): r is string => r !== undefined);
  if (roots.some((root) => isInside(root, real))) return false;
  diagnostics.push(
    makeDiagnostic(
      'warning',
      DiagnosticCodes.fileReadError,
      `Workspace config file ${path} is a symbolic link to ${real}, which is outside the workspace, so it was not read.`,
      'Replace the link with a regular file inside the workspace, or put these settings in your user config.',
      { file: path },
    ),
  );
  files.push({ role: 'workspace', path, exists: true, applied: false, reason: 'symbolic link to a file outside the workspace' });
  return true;
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
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
    // With no trusted projects nothing can match: the real path is not needed.
    trusted = trustedProjects.length > 0 && isTrustedPath(options.cwd, trustedProjects, await realPathOf(options.fs, options.cwd));
  } else {
    trusted = options.trustWorkspace === true;
  }

  if (trusted) {
    for (const path of paths.workspaceFiles) {
      if (await refusedAsOutside(options.fs, path, options.cwd, diagnostics, files)) continue;
      const layer = await loadFile(options.fs, path, 'workspace', diagnostics, files);
      if (layer) layers.push(layer);
    }
    return { layers, userLayer, files, trustedProjects };
  }
  // Untrusted: only whether each file exists (looked up together), reported in order.
  const exists = await Promise.all(paths.workspaceFiles.map((path) => configFileExists(options.fs, path)));
  paths.workspaceFiles.forEach((path, i) => {
    files.push({ role: 'workspace', path, exists: exists[i], applied: false, reason: exists[i] ? 'workspace is not trusted' : 'file does not exist' });
    if (exists[i]) {
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
  });
  return { layers, userLayer, files, trustedProjects };
}
