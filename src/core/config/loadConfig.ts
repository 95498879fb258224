/**
 * The Codex-compatible config engine. Layers, highest precedence first: explicit choice (and
 * `-c key=value` overrides), environment (`SWITCHBOARD_PROVIDER/MODEL/PROFILE`), the profile,
 * workspace `codex.toml`, workspace `.codex/config.toml`, the user file `$CODEX_HOME/config.toml`,
 * built-in defaults. Tables merge key by key. `loadConfig` is total: whatever the files contain,
 * it resolves and reports problems as diagnostics; it never throws.
 */
import { BUILTIN_PROVIDERS, DEFAULT_PROVIDER_ID } from '../providers/builtins';
import type { ProviderInfo } from '../providers/providerInfo';
import type { Diagnostic, LoadConfigOptions, ResolvedConfig } from './resolvedConfig';
import { DiagnosticCodes } from './diagnostics';
import { awsRegionFromEnv, builtinBaseUrls } from './builtinEnv';
import { resolveConfigPaths } from './configPaths';
import { checkActiveProvider } from './activeChecks';
import { createLayer, selectionLayer, type ConfigLayer } from './layers';
import { loadConfigFiles, readConfigInputs } from './loadFiles';
import { mergeProviders } from './mergeProviders';
import { defineLazyProperty } from './lazySources';
import { overridesToTable } from './overrides';
import { checkProfileTables, resolveProfile } from './profiles';
import { chooseModel, chooseProvider, choicesFor } from './selection';
import { mergeSettings } from './settings';
import { checkProvidersTable } from './topLevelChecks';

/** Loads and resolves the configuration. Never throws. */
export async function loadConfig(options: LoadConfigOptions): Promise<ResolvedConfig> {
  try {
    return await resolve(options);
  } catch (error) {
    return fallbackConfig(error);
  }
}

async function resolve(options: LoadConfigOptions): Promise<ResolvedConfig> {
  const diagnostics: Diagnostic[] = [];
  const { env, cwd } = options;
  const paths = await resolveConfigPaths(options);
  // Everything that can be read before parsing is read first, together; then parsing and merging
  // run without waiting for the disk again (except for a rare profile file or user-trusted workspace).
  const reads = await readConfigInputs(options, paths);
  const loaded = await loadConfigFiles(options, paths, reads, diagnostics);
  for (const layer of loaded.layers) {
    checkProvidersTable(layer, diagnostics);
    checkProfileTables(layer, diagnostics);
  }

  const explicit = options.explicit ?? {};
  const explicitLayer = selectionLayer('explicit', { model: explicit.model, model_provider: explicit.provider, profile: explicit.profile }, cwd);
  const envLayer = selectionLayer('env', { model: env.SWITCHBOARD_MODEL, model_provider: env.SWITCHBOARD_PROVIDER, profile: env.SWITCHBOARD_PROFILE }, cwd);
  const flagTable = overridesToTable(explicit.overrides ?? [], diagnostics);
  const flagLayer: ConfigLayer = createLayer({ kind: 'flag', source: 'flag', baseDir: cwd, table: flagTable, prefix: [], fromWorkspace: false }, diagnostics);

  // The profile is chosen by every layer except profiles themselves.
  const beforeProfile = [explicitLayer, flagLayer, envLayer, ...[...loaded.layers].reverse()];
  const profileChoice = choicesFor(beforeProfile, 'profile')[0];
  const profile = await resolveProfile({
    fs: options.fs,
    codexHome: paths.codexHome,
    userFile: paths.userFile,
    fileLayers: loaded.layers,
    chosen: profileChoice?.sourced,
    chosenAt: profileChoice?.at ?? {},
    diagnostics,
    listed: reads.profileFiles,
  });
  const files = profile.fileStatus ? [...loaded.files, profile.fileStatus] : loaded.files;

  // Merge order, lowest first; explicit and env layers only select.
  const stack = [...loaded.layers, ...profile.layers, flagLayer];
  const merged = mergeProviders(
    stack,
    { homeDir: options.homeDir, builtinBaseUrls: builtinBaseUrls(env, stack, diagnostics), awsRegion: awsRegionFromEnv(env) },
    diagnostics,
  );

  const highFirst = [explicitLayer, flagLayer, envLayer, ...[...profile.layers].reverse(), ...[...loaded.layers].reverse()];
  const providerChoice = chooseProvider(highFirst, merged.providers, diagnostics);
  const active = merged.providers.find((p) => p.id === providerChoice.sourced.value);
  const modelChoice = chooseModel(highFirst, active, () => merged.sourceOf(providerChoice.sourced.value, 'defaultModel'));
  if (active) checkActiveProvider({ provider: active, choice: providerChoice, layers: merged.layersOf(active.id), model: modelChoice.sourced, modelAt: modelChoice.at, diagnostics });

  const config: ResolvedConfig = {
    providers: merged.providers,
    provider: providerChoice.sourced,
    model: modelChoice.sourced,
    profile: profile.profile,
    profiles: profile.available,
    fieldSources: {},
    settings: mergeSettings(stack),
    trustedProjects: loaded.trustedProjects,
    files,
    diagnostics,
  };
  // Provenance (with file lines) is built when first read, provider by provider.
  defineLazyProperty(config, 'fieldSources', merged.fieldSources);
  return config;
}

/** The built-ins only, with an `internal-error` diagnostic: used if resolving itself failed (a bug). */
function fallbackConfig(error: unknown): ResolvedConfig {
  const providers: ProviderInfo[] = BUILTIN_PROVIDERS.map((p) => structuredClone(p) as ProviderInfo);
  const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return {
    providers,
    provider: { value: DEFAULT_PROVIDER_ID, source: 'builtin' },
    model: { value: providers.find((p) => p.id === DEFAULT_PROVIDER_ID)?.defaultModel, source: 'builtin' },
    profile: { value: undefined, source: 'builtin' },
    profiles: [],
    fieldSources: {},
    settings: {},
    trustedProjects: [],
    files: [],
    diagnostics: [
      {
        severity: 'error',
        code: DiagnosticCodes.internalError,
        message: `Switchboard could not resolve its configuration (${detail}); using built-in defaults.`,
        fix: 'Please report this with the output of "Switchboard: Show Logs".',
      },
    ],
  };
}
