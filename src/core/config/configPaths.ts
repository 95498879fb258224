/**
 * Where the config files are: `$CODEX_HOME/config.toml` (default `~/.codex/config.toml`, or the
 * `userConfigPath` option), the workspace's `.codex/config.toml` and `codex.toml`, and profile
 * files `$CODEX_HOME/<name>.config.toml`.
 */
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { ConfigFileSystem, Env } from '../ports';

export interface ConfigPaths {
  /** Directory of the user file; profile files live here. */
  codexHome: string;
  /** The user config file. */
  userFile: string;
  /** Workspace files, lowest precedence first: `.codex/config.toml`, then `codex.toml`. */
  workspaceFiles: string[];
}

/** `~` and `~/x` become paths under `homeDir`; relative paths resolve against `base`. */
export function expandPath(path: string, homeDir: string, base: string): string {
  let p = path.trim();
  if (p === '~') p = homeDir;
  else if (p.startsWith('~/') || p.startsWith('~\\')) p = join(homeDir, p.slice(2));
  return isAbsolute(p) ? resolve(p) : resolve(base, p);
}

async function isDirectory(fs: ConfigFileSystem, path: string): Promise<boolean | undefined> {
  try {
    const info = await fs.stat?.(path);
    return info ? !info.isFile : undefined;
  } catch {
    return undefined;
  }
}

/** Resolves the paths; never throws. */
export async function resolveConfigPaths(options: {
  cwd: string;
  env: Env;
  fs: ConfigFileSystem;
  homeDir: string;
  userConfigPath?: string;
}): Promise<ConfigPaths> {
  const { cwd, env, homeDir } = options;
  let codexHome: string;
  let userFile: string;
  const override = options.userConfigPath?.trim();
  if (override) {
    const p = expandPath(override, homeDir, cwd);
    const dir = await isDirectory(options.fs, p);
    if (dir === true || (dir === undefined && !/\.toml$/i.test(p))) {
      codexHome = p;
      userFile = join(p, 'config.toml');
    } else {
      codexHome = dirname(p);
      userFile = p;
    }
  } else {
    const fromEnv = env.CODEX_HOME?.trim();
    codexHome = fromEnv ? expandPath(fromEnv, homeDir, cwd) : join(homeDir, '.codex');
    userFile = join(codexHome, 'config.toml');
  }
  return {
    codexHome,
    userFile,
    workspaceFiles: [join(cwd, '.codex', 'config.toml'), join(cwd, 'codex.toml')],
  };
}

/** Profile names usable as file names: no separators, no leading dot. */
const PROFILE_FILE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.@+-]*$/;

/** `$CODEX_HOME/<name>.config.toml`, or undefined when `name` cannot be a file name. */
export function profileFilePath(codexHome: string, name: string): string | undefined {
  if (!PROFILE_FILE_NAME.test(name) || name.includes('..')) return undefined;
  return join(codexHome, `${name}.config.toml`);
}

/** The profile name of a file name like `work.config.toml`, if it is one. */
export function profileNameOfFile(fileName: string): string | undefined {
  const m = /^(.+)\.config\.toml$/.exec(fileName);
  return m && PROFILE_FILE_NAME.test(m[1]) && !m[1].includes('..') ? m[1] : undefined;
}
