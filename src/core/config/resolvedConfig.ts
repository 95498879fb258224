/**
 * The config engine's output: every provider with provenance, the effective selection, and all
 * diagnostics. Produced by `loadConfig` (src/core/config/loadConfig.ts); consumed by the CLI,
 * the VS Code adapters and the agent.
 */
import type { ConfigFileSystem, Env } from '../ports';
import type { ConfigSource, ProviderInfo } from '../providers/providerInfo';

export type Severity = 'error' | 'warning' | 'info';

/** One problem in the configuration, with a position when it comes from a file. */
export interface Diagnostic {
  severity: Severity;
  /** Stable identifier, e.g. `toml-syntax`, `wrong-type`, `unknown-wire-api`, `reserved-provider-id`. */
  code: string;
  /** A plain sentence saying what is wrong. */
  message: string;
  /** How to fix it. */
  fix?: string;
  /** Absolute path of the file, when the problem is in a file. */
  file?: string;
  /** 1-based line and column. */
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

/** A value with the layer that set it. */
export interface Sourced<T> {
  value: T;
  source: ConfigSource;
  /** File that set it, when the source is a file (or a profile inside a file). */
  file?: string;
  /** Line in `file`; for values from a config file it is located when first read. */
  line?: number;
}

export type ConfigFileRole = 'user' | 'workspace' | 'profile-file';

export interface ConfigFileStatus {
  role: ConfigFileRole;
  path: string;
  exists: boolean;
  /** Whether its contents were applied (false: missing, unparseable, or untrusted workspace). */
  applied: boolean;
  /** Why it was not applied, in words (e.g. "workspace is not trusted"). */
  reason?: string;
}

export interface ResolvedConfig {
  /** All providers, built-ins first, then user, then workspace definitions, by id. */
  providers: ProviderInfo[];
  /** The active provider id, and who chose it. */
  provider: Sourced<string>;
  /** The effective model (explicit > profile > top-level `model` > provider `default_model`). */
  model: Sourced<string | undefined>;
  /** The active profile, if any; `form` says which profile mechanism supplied it. */
  profile: Sourced<string | undefined> & { form?: 'legacy-table' | 'profile-file' };
  /** Profiles available to pick (legacy `[profiles.x]` tables and `<name>.config.toml` files). */
  profiles: { name: string; form: 'legacy-table' | 'profile-file'; file: string }[];
  /**
   * For each provider id, which layer set each field (camelCase field name -> source). Used by
   * "Explain Active Configuration" and `config explain`. Computed on first read, provider by
   * provider (lines need a scan of the file): a plain record to every reader.
   */
  fieldSources: Record<string, Record<string, Sourced<unknown>>>;
  /** Other top-level settings the agent uses (`approval_policy`, `model_reasoning_effort`, ...), merged. */
  settings: Record<string, unknown>;
  /** Projects trusted in the user file (`[projects."<abs path>"] trust_level = "trusted"`). */
  trustedProjects: string[];
  files: ConfigFileStatus[];
  diagnostics: Diagnostic[];
}

/** The explicit layer: command arguments, CLI flags, `-c key=value` overrides, VS Code settings. */
export interface ExplicitChoice {
  provider?: string;
  model?: string;
  profile?: string;
  /** `-c key=value` overrides: dotted path, TOML value (bare words are taken as strings, as Codex does). */
  overrides?: string[];
}

export interface LoadConfigOptions {
  /** Workspace root (absolute). */
  cwd: string;
  env: Env;
  fs: ConfigFileSystem;
  explicit?: ExplicitChoice;
  /**
   * Whether workspace files apply. `true`: apply (VS Code trusted workspace, `--trust-workspace`);
   * `false`: ignore them with a warning saying how to trust; `'user-file'` (the CLI's default): apply
   * only if the user file lists the workspace as a trusted project.
   */
  trustWorkspace: boolean | 'user-file';
  /** Overrides `$CODEX_HOME` (VS Code setting `switchboard.userConfigPath`): a directory or a config.toml path. */
  userConfigPath?: string;
  /** User home directory (for the default `~/.codex`). */
  homeDir: string;
}
