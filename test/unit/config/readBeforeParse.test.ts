// A load reads the disk first, all at once, then parses and merges without waiting for the disk
// again: a large file's parsed tree is never alive across a disk wait. The rare exceptions (a
// profile file that exists, a workspace the user file trusts) still read what they need.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../../src/core/config/loadConfig';
import { loadConfigFiles, readConfigInputs } from '../../../src/core/config/loadFiles';
import { resolveConfigPaths } from '../../../src/core/config/configPaths';
import type { Diagnostic, LoadConfigOptions } from '../../../src/core/config/resolvedConfig';
import type { ConfigFileSystem } from '../../../src/core/ports';
import { createMemoryFs, type MemoryFsOptions } from '../../helpers/memoryFs';
import { CODEX_HOME, CWD, HOME, USER_FILE, WS_DOT_FILE, WS_FILE, load, provider } from './loadHelper';

type Event = { kind: 'start' | 'end'; op: string; path: string };

/** A memory file system whose every call is logged when it starts and when it settles (a tick later, like a disk). */
function loggedFs(files: Record<string, string>, options?: MemoryFsOptions): { fs: ConfigFileSystem; events: Event[] } {
  const inner = createMemoryFs(files, options);
  const events: Event[] = [];
  const fs: ConfigFileSystem = { readText: wrap('readText', inner.readText) };
  if (inner.stat) fs.stat = wrap('stat', inner.stat);
  if (inner.realPath) fs.realPath = wrap('realPath', inner.realPath);
  if (inner.readDirectory) fs.readDirectory = wrap('readDirectory', inner.readDirectory);
  return { fs, events };

  function wrap<T>(op: string, call: (path: string) => Promise<T>): (path: string) => Promise<T> {
    return async (path) => {
      events.push({ kind: 'start', op, path });
      const value = await call(path);
      await new Promise((resolve) => setImmediate(resolve));
      events.push({ kind: 'end', op, path });
      return value;
    };
  }
}

/** Disk calls that started after the user file's text had been read (when parsing can begin). */
function callsAfterUserText(events: readonly Event[]): string[] {
  const read = events.findIndex((e) => e.kind === 'end' && e.op === 'readText' && e.path === USER_FILE);
  assert.ok(read >= 0, 'the user file was read');
  return events.slice(read + 1).filter((e) => e.kind === 'start').map((e) => `${e.op} ${e.path}`);
}

const USER = 'profile = "team"\nmodel_provider = "gw"\n[model_providers.gw]\nbase_url = "https://gw.example.com/v1"\n[profiles.team]\nmodel = "m1"\n';
const WORKSPACE = '[model_providers.ws]\nbase_url = "https://ws.example.com/v1"\n';

async function loadLogged(files: Record<string, string>, options: Partial<LoadConfigOptions>, fsOptions?: MemoryFsOptions) {
  const { fs, events } = loggedFs(files, fsOptions);
  const config = await loadConfig({ cwd: CWD, env: {}, homeDir: HOME, trustWorkspace: 'user-file', ...options, fs });
  return { config, events };
}

/** A file system that fails the test if it is touched: parsing and merging must not read the disk. */
const SEALED: ConfigFileSystem = {
  readText: (path) => assert.fail(`read ${path} after the disk phase`),
  stat: (path) => assert.fail(`stat ${path} after the disk phase`),
  realPath: (path) => assert.fail(`realPath ${path} after the disk phase`),
  readDirectory: (path) => assert.fail(`listed ${path} after the disk phase`),
};

async function filesAfterDiskPhase(files: Record<string, string>, trustWorkspace: LoadConfigOptions['trustWorkspace']) {
  const options: LoadConfigOptions = { cwd: CWD, env: {}, homeDir: HOME, trustWorkspace, fs: createMemoryFs(files) };
  const paths = await resolveConfigPaths(options);
  const reads = await readConfigInputs(options, paths);
  const diagnostics: Diagnostic[] = [];
  const loaded = await loadConfigFiles({ ...options, fs: SEALED }, paths, reads, diagnostics);
  return { loaded, diagnostics, reads };
}

test('untrusted workspace: once the disk is read, the files are parsed and noticed without touching it again', async () => {
  const { loaded, diagnostics, reads } = await filesAfterDiskPhase({ [USER_FILE]: USER, [WS_FILE]: WORKSPACE, [WS_DOT_FILE]: WORKSPACE }, 'user-file');
  assert.equal(loaded.layers.length, 1);
  assert.deepEqual(
    loaded.files.filter((f) => f.role === 'workspace').map((f) => [f.exists, f.applied, f.reason]),
    [
      [true, false, 'workspace is not trusted'],
      [true, false, 'workspace is not trusted'],
    ],
  );
  assert.equal(diagnostics.filter((d) => d.code === 'workspace-untrusted').length, 2);
  assert.deepEqual(reads.profileFiles, []);
});

test('a workspace trusted up front (VS Code): its files are read with the user file, then parsed without the disk', async () => {
  const { loaded } = await filesAfterDiskPhase({ [USER_FILE]: USER, [WS_FILE]: WORKSPACE }, true);
  assert.deepEqual(
    loaded.layers.map((l) => [l.source, l.file]),
    [
      ['user', USER_FILE],
      ['workspace', WS_FILE],
    ],
  );
});

test('a whole load with a legacy profile: no disk call starts once the user file is read', async () => {
  const { config, events } = await loadLogged({ [USER_FILE]: USER, [WS_FILE]: WORKSPACE }, { trustWorkspace: 'user-file' });
  assert.deepEqual(callsAfterUserText(events), []);
  assert.equal(config.profile.value, 'team');
  assert.equal(config.model.value, 'm1');
});

test('a workspace the user file trusts is read after the user file said so, and applied', async () => {
  const user = `[projects.${JSON.stringify(CWD)}]\ntrust_level = "trusted"\n${USER}`;
  const { config, events } = await loadLogged({ [USER_FILE]: user, [WS_FILE]: WORKSPACE }, { trustWorkspace: 'user-file' });
  assert.ok(callsAfterUserText(events).includes(`readText ${WS_FILE}`));
  assert.equal(provider(config, 'ws').source, 'workspace');
});

test('the chosen profile file is read only when the folder listing has it (or cannot rule it out)', async () => {
  const profileFile = `${CODEX_HOME}/team.config.toml`;
  // Listed: read after the user file named the profile, and applied over the legacy table.
  const listed = await loadLogged({ [USER_FILE]: USER, [profileFile]: 'model = "from-file"\n' }, {});
  assert.deepEqual(callsAfterUserText(listed.events), [`stat ${profileFile}`, `readText ${profileFile}`]);
  assert.equal(listed.config.model.value, 'from-file');
  assert.equal(listed.config.profile.form, 'profile-file');

  // Not listed: never looked up; the legacy table applies.
  const absent = await load({ [USER_FILE]: USER }, { trustWorkspace: 'user-file' });
  assert.equal(absent.fs.reads.get(profileFile) ?? 0, 0);
  assert.equal(absent.profile.form, 'legacy-table');

  // A file system that cannot list folders: the file is looked up as before.
  const minimal = await load({ [USER_FILE]: USER, [profileFile]: 'model = "from-file"\n' }, { trustWorkspace: 'user-file', fsOptions: { minimal: true } });
  assert.equal(minimal.fs.reads.get(profileFile), 1);
  assert.equal(minimal.model.value, 'from-file');

  // Listed under another case only: a case-insensitive disk would open it, so it is tried.
  const otherCase = await loadLogged({ [USER_FILE]: USER, [`${CODEX_HOME}/Team.config.toml`]: 'model = "x"\n' }, {});
  assert.deepEqual(callsAfterUserText(otherCase.events), [`stat ${profileFile}`]); // this memory disk is case-sensitive: not found
  assert.equal(otherCase.config.profile.form, 'legacy-table');
});
