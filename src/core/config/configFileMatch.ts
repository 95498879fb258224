/**
 * Which saved files can change the configuration: the workspace's `codex.toml` and `.codex/*.toml`,
 * and in the user config folder `config.toml` and profile files `<name>.config.toml`.
 */
import { basename, dirname } from 'node:path';

/** Whether a change to `path` can change the configuration (`userDir`: the user config folder). */
export function isConfigFile(path: string, userDir: string | undefined): boolean {
  const normalized = path.replace(/\\/g, '/');
  if (/(^|\/)codex\.toml$/.test(normalized) || /(^|\/)\.codex\/[^/]+\.toml$/.test(normalized)) return true;
  if (userDir === undefined || dirname(path) !== userDir) return false;
  const name = basename(path);
  return name === 'config.toml' || /^[^/]+\.config\.toml$/.test(name);
}
