/**
 * Reads the user file and the workspace files into layers, applying workspace trust: an
 * untrusted workspace's files are not parsed, only noticed, with a warning saying how to trust.
 * Reading (`readConfigInputs`) comes first and all at once; parsing (`loadConfigFiles`) after.
 */
import { dirname, isAbsolute, relative, sep } from 'node:path';
import type { ConfigFileSystem } from '../ports';
import type { ConfigFileRole, ConfigFileStatus, Diagnostic, LoadConfigOptions } from './resolvedConfig';
import { DiagnosticCodes, makeDiagnostic } from './diagnostics';
import { createLayer, type ConfigLayer } from './layers';
import { configFileExists, readConfigFile, type ReadConfigResult } from './readConfigFile';
import { profileFileEntries, type ProfileEntry } from './profiles';
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

/** One workspace file as read before parsing: refused (symlink outside), or its read result. */
type WorkspaceRead = { path: string; outside: string } | { path: string; read: ReadConfigResult };

/**
 * What a load reads from disk, read together before anything is parsed. Parsing and merging then
 * run in one synchronous stretch: a large file's parsed tree is never alive across a wait for the
 * disk, where the runtime tends to collect garbage and would have to copy the whole tree.
 */
export interface ConfigReads {
  user: ReadConfigResult;
  /** Read (or refused) workspace files, when workspace trust was known before reading. */
  workspace?: WorkspaceRead[];
  /** Whether each workspace file exists (`paths.workspaceFiles` order), when trust was not known. */
  workspaceExists?: boolean[];
  /** Real path of the workspace folder (only for trust from the user file's trusted projects). */
  cwdReal?: string;
  /** `<name>.config.toml` profile files in `$CODEX_HOME`; undefined when the folder could not be listed. */
  profileFiles?: ProfileEntry[];
}

/** Reads everything a load may need that does not depend on what the files say. Never throws. */
export async function readConfigInputs(options: LoadConfigOptions, paths: ConfigPaths): Promise<ConfigReads> {
  const { fs, cwd } = options;
  const trust = options.trustWorkspace;
  const [user, workspace, workspaceExists, cwdReal, profileFiles] = await Promise.all([
    readConfigFile(fs, paths.userFile),
    trust === true ? readWorkspaceFiles(fs, paths, cwd) : undefined,
    trust === true ? undefined : Promise.all(paths.workspaceFiles.map((path) => configFileExists(fs, path))),
    trust === 'user-file' ? realPathOf(fs, cwd) : undefined,
    profileFileEntries(fs, paths.codexHome),
  ]);
  return { user, workspace, workspaceExists, cwdReal, profileFiles };
}

/** Parses a read file into a layer; records its status. */
function fileLayer(read: ReadConfigResult, path: string, role: ConfigFileRole, diagnostics: Diagnostic[], files: ConfigFileStatus[]): ConfigLayer | undefined {
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
 * Where a workspace config file that is a symbolic link (itself, or through `.codex/`) to a file
 * outside the workspace points; undefined when it is inside (or missing). Such a file is not read:
 * a repository must not make Switchboard read, apply and show files elsewhere on the machine.
 */
async function outsideTarget(fs: ConfigFileSystem, path: string, cwd: string): Promise<string | undefined> {
  if (!fs.realPath) return undefined;
  const real = await realPathOf(fs, path);
  if (real === undefined) return undefined; // missing: the read records that
  const roots = [cwd, await realPathOf(fs, cwd)].filter((r): r is string => r !== undefined);
  return roots.some((root) => isInside(root, real)) ? undefined : real;
}

/** Reads the workspace files of a trusted workspace, in order, refusing links to outside it. */
async function readWorkspaceFiles(fs: ConfigFileSystem, paths: ConfigPaths, cwd: string): Promise<WorkspaceRead[]> {
  const out: WorkspaceRead[] = [];
  for (const path of paths.workspaceFiles) {
    const outside = await outsideTarget(fs, path, cwd);
    out.push(outside === undefined ? { path, read: await readConfigFile(fs, path) } : { path, outside });
  }
  return out;
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

function trustFix(cwd: string, userFile: string): string {
  return `In VS Code, trust the workspace (Workspaces: Manage Workspace Trust). In the CLI, pass --trust-workspace, or add [projects.${JSON.stringify(cwd)}] trust_level = "trusted" to ${userFile}.`;
}

/** Applies read workspace files as layers, reporting refused links. */
function workspaceLayers(reads: readonly WorkspaceRead[], diagnostics: Diagnostic[], files: ConfigFileStatus[], layers: ConfigLayer[]): void {
  for (const r of reads) {
    if ('outside' in r) {
      diagnostics.push(
        makeDiagnostic(
          'warning',
          DiagnosticCodes.fileReadError,
          `Workspace config file ${r.path} is a symbolic link to ${r.outside}, which is outside the workspace, so it was not read.`,
          'Replace the link with a regular file inside the workspace, or put these settings in your user config.',
          { file: r.path },
        ),
      );
      files.push({ role: 'workspace', path: r.path, exists: true, applied: false, reason: 'symbolic link to a file outside the workspace' });
      continue;
    }
    const layer = fileLayer(r.read, r.path, 'workspace', diagnostics, files);
    if (layer) layers.push(layer);
  }
}

/**
 * Parses the user file, decides trust, then applies (or only notices) the workspace files. Waits
 * for the disk only when the user file's trusted projects turn out to trust this workspace (its
 * files could not be read before the user file said so).
 */
export async function loadConfigFiles(options: LoadConfigOptions, paths: ConfigPaths, reads: ConfigReads, diagnostics: Diagnostic[]): Promise<LoadedFiles> {
  const files: ConfigFileStatus[] = [];
  const layers: ConfigLayer[] = [];
  const userLayer = fileLayer(reads.user, paths.userFile, 'user', diagnostics, files);
  if (userLayer) layers.push(userLayer);
  const trustedProjects = trustedProjectsOf(userLayer?.table);

  let workspace = reads.workspace;
  if (!workspace && options.trustWorkspace === 'user-file' && trustedProjects.length > 0 && isTrustedPath(options.cwd, trustedProjects, reads.cwdReal)) {
    workspace = await readWorkspaceFiles(options.fs, paths, options.cwd);
  }
  if (workspace) {
    workspaceLayers(workspace, diagnostics, files, layers);
    return { layers, userLayer, files, trustedProjects };
  }
  // Untrusted: only whether each file exists, reported in order.
  const exists = reads.workspaceExists ?? [];
  paths.workspaceFiles.forEach((path, i) => {
    files.push({ role: 'workspace', path, exists: exists[i] === true, applied: false, reason: exists[i] ? 'workspace is not trusted' : 'file does not exist' });
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
