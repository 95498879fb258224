/**
 * Profiles in both forms: the legacy `profile = "x"` + `[profiles.x]` table (in any applied file;
 * tables of the same name merge key by key), and Codex's current `$CODEX_HOME/<name>.config.toml`
 * file, a whole config file layered on top. When both exist the file wins (with an info
 * diagnostic). A profile's keys apply on top of every file's top level.
 */
import { dirname } from 'node:path';
import type { ConfigFileSystem } from '../ports';
import type { ConfigFileStatus, Diagnostic, ResolvedConfig, Sourced } from './resolvedConfig';
import { profileFilePath, profileNameOfFile } from './configPaths';
import { DiagnosticCodes, listWords, makeDiagnostic, type DiagnosticLocation } from './diagnostics';
import { createLayer, keyPathText, locateIn, subTable, withValue, type ConfigLayer } from './layers';
import { readConfigFile } from './readConfigFile';
import { parseTomlText } from './tomlParse';
import { isTable } from './validateTable';

export type ProfileForm = 'legacy-table' | 'profile-file';
export type ProfileEntry = ResolvedConfig['profiles'][number];

export interface ProfileResolution {
  /** The applied profile (undefined when none was chosen or it does not exist). */
  profile: ResolvedConfig['profile'];
  /** Layers of the profile, lowest precedence first. */
  layers: ConfigLayer[];
  /** Status of the profile file, when one was looked at and exists. */
  fileStatus?: ConfigFileStatus;
  available: ProfileEntry[];
}

/** Keys that belong in a provider table, not a profile (e.g. corpus 041). */
const PROFILE_KEY_HINTS: Record<string, string> = {
  provider: 'Use `model_provider` to choose the provider in a profile.',
  api_base: 'A profile does not set the URL: define [model_providers.<id>] with base_url and set model_provider = "<id>".',
  base_url: 'A profile does not set the URL: define [model_providers.<id>] with base_url and set model_provider = "<id>".',
  api_key: 'Keys do not belong in config files: set env_key in the provider table, or save the key with "Switchboard: Set API Key".',
};

/** Warns about provider keys written inside `[profiles.*]` tables of a file layer. */
export function checkProfileTables(layer: ConfigLayer, diagnostics: Diagnostic[]): void {
  const profiles = subTable(layer, 'profiles');
  if (!profiles) return;
  for (const [name, table] of Object.entries(profiles)) {
    if (!isTable(table)) continue;
    for (const key of Object.keys(table)) {
      if (!Object.hasOwn(PROFILE_KEY_HINTS, key)) continue;
      diagnostics.push(
        makeDiagnostic('warning', DiagnosticCodes.unknownProfileKey, `\`${key}\` in [${keyPathText(['profiles', name])}] is not a profile setting; it is ignored.`, PROFILE_KEY_HINTS[key], locateIn(layer, ['profiles', name, key])),
      );
    }
  }
}

function legacyEntries(fileLayers: readonly ConfigLayer[]): ProfileEntry[] {
  const out: ProfileEntry[] = [];
  for (const layer of fileLayers) {
    const profiles = subTable(layer, 'profiles');
    if (!profiles || !layer.file) continue;
    for (const [name, table] of Object.entries(profiles)) {
      if (isTable(table) && !out.some((e) => e.name === name)) out.push({ name, form: 'legacy-table', file: layer.file });
    }
  }
  return out;
}

/**
 * Profile files (`<name>.config.toml`) in `codexHome`; undefined when the folder cannot be listed
 * (then nobody knows which exist). Never throws.
 */
export async function profileFileEntries(fs: ConfigFileSystem, codexHome: string): Promise<ProfileEntry[] | undefined> {
  if (!fs.readDirectory) return undefined;
  try {
    const names = (await fs.readDirectory(codexHome)) ?? [];
    const out: ProfileEntry[] = [];
    for (const fileName of names) {
      const name = profileNameOfFile(fileName);
      const file = name === undefined ? undefined : profileFilePath(codexHome, name);
      if (name !== undefined && file) out.push({ name, form: 'profile-file', file });
    }
    return out;
  } catch {
    return undefined;
  }
}

/**
 * Whether the profile file `name` must be read: it is listed, or the listing cannot rule it out
 * (no listing, or a name differing only in case, which a case-insensitive disk would open).
 */
function mayExist(listed: readonly ProfileEntry[] | undefined, name: string): boolean {
  if (!listed) return true;
  const lower = name.toLowerCase();
  return listed.some((e) => e.name.toLowerCase() === lower);
}

/** Finds and loads the chosen profile; `chosen` is undefined when no layer names one. */
export async function resolveProfile(args: {
  fs: ConfigFileSystem;
  codexHome: string;
  userFile: string;
  fileLayers: readonly ConfigLayer[];
  chosen?: Sourced<string>;
  chosenAt: DiagnosticLocation;
  diagnostics: Diagnostic[];
  /** `profileFileEntries(fs, codexHome)`, read before the files were parsed. */
  listed: ProfileEntry[] | undefined;
}): Promise<ProfileResolution> {
  const { fs, codexHome, fileLayers, chosen, diagnostics, listed } = args;
  const path = chosen ? profileFilePath(codexHome, chosen.value) : undefined;
  // The disk is read again only for a profile file that (may) exist, the rare case.
  const read = path && chosen && mayExist(listed, chosen.value) ? await readConfigFile(fs, path) : undefined;
  const available = [...legacyEntries(fileLayers), ...(listed ?? [])];
  const none: ResolvedConfig['profile'] = { value: undefined, source: 'builtin' };
  if (!chosen) return { profile: none, layers: [], available: sortEntries(available) };

  const name = chosen.value;
  const legacy = fileLayers.filter((l) => isTable(subTable(l, 'profiles')?.[name]));
  let fileStatus: ConfigFileStatus | undefined;
  let fileLayer: ConfigLayer | undefined;
  if (path && read) {
    if (read.status === 'error') {
      diagnostics.push(read.diagnostic);
      fileStatus = { role: 'profile-file', path, exists: true, applied: false, reason: read.reason };
    } else if (read.status === 'ok') {
      const parsed = parseTomlText(read.text, path);
      if (parsed.ok) {
        fileLayer = createLayer({ kind: 'profile', source: 'profile', file: path, baseDir: dirname(path), table: parsed.table, positions: parsed.positions, prefix: [], fromWorkspace: false }, diagnostics);
        fileStatus = { role: 'profile-file', path, exists: true, applied: true };
      } else {
        diagnostics.push(parsed.diagnostic);
        fileStatus = { role: 'profile-file', path, exists: true, applied: false, reason: `TOML syntax error${parsed.line ? ` at line ${parsed.line}` : ''}` };
      }
    }
    if (fileStatus && !available.some((e) => e.form === 'profile-file' && e.name === name)) available.push({ name, form: 'profile-file', file: path });
  }

  if (fileStatus) {
    if (legacy.length > 0) {
      const l = legacy[legacy.length - 1];
      diagnostics.push(
        makeDiagnostic('info', DiagnosticCodes.profileBothForms, `Profile "${name}" exists both as ${path} and as [${keyPathText(['profiles', name])}]; the profile file is used.`, `Remove one of them to avoid confusion.`, locateIn(l, ['profiles', name])),
      );
    }
    return { profile: withForm(chosen, 'profile-file'), layers: fileLayer ? [fileLayer] : [], fileStatus, available: sortEntries(available) };
  }
  if (legacy.length > 0) {
    const layers = legacy.map((l) =>
      createLayer(
        {
          kind: 'profile',
          // A profile inside a workspace file keeps the workspace label: provenance is also a trust boundary.
          source: l.fromWorkspace ? 'workspace' : 'profile',
          file: l.file,
          baseDir: l.baseDir,
          table: subTable(l, 'profiles')?.[name] as Record<string, unknown>,
          positions: l.positions,
          prefix: ['profiles', name],
          fromWorkspace: l.fromWorkspace,
        },
        diagnostics,
      ),
    );
    return { profile: withForm(chosen, 'legacy-table'), layers, available: sortEntries(available) };
  }

  const names = [...new Set(available.map((e) => e.name))].sort();
  diagnostics.push(
    makeDiagnostic(
      'error',
      DiagnosticCodes.unknownProfile,
      `Profile "${name}" does not exist. ${names.length > 0 ? `Available profiles: ${listWords(names)}.` : 'No profiles are defined.'}`,
      `Define it as [profiles.${keyPathText([name])}] in ${args.userFile} or as ${path ?? `${codexHome}/<name>.config.toml`}, or choose an existing profile.`,
      args.chosenAt,
    ),
  );
  return { profile: none, layers: [], available: sortEntries(available) };
}

/** The chosen profile with its form (a line not computed yet stays lazy). */
function withForm(chosen: Sourced<string>, form: ProfileForm): ResolvedConfig['profile'] {
  const profile: ResolvedConfig['profile'] = withValue(chosen, chosen.value);
  profile.form = form;
  return profile;
}

function sortEntries(entries: ProfileEntry[]): ProfileEntry[] {
  return [...entries].sort((a, b) => (a.name === b.name ? a.form.localeCompare(b.form) : a.name < b.name ? -1 : 1));
}
