/**
 * Reads V8 `.cpuprofile` files (node --cpu-prof) of a process that loaded the built extension
 * (`node esbuild.mjs --no-minify`: several files, each with a `.map`) and attributes the time
 * spent in those files to the npm package or Switchboard folder whose code ran, through the
 * source maps (line by line, so a file's top-level code is split among its modules), plus V8's
 * parse/compile of the files.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
  /** Self samples per 1-based source line. */
  positionTicks?: { line: number; ticks: number }[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const COMPILE = 'V8 parse + compile of the files';

/** The source map next to a built file (`<file>.map`), if there is one. */
function linkedSourceMap(file: string): SourceMap | undefined {
  const map = `${file}.map`;
  return existsSync(map) ? new SourceMap(JSON.parse(readFileSync(map, 'utf8')) as ConstructorParameters<typeof SourceMap>[0]) : undefined;
}

/** `node_modules/<pkg>/...` -> the package; `src/<layer>/<folder>/...` -> that folder. */
export function ownerOf(source: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (pkg) return pkg[1];
  const src = /(?:^|\/)(src\/.*)$/.exec(source);
  if (!src) return 'bundle runtime helpers';
  const parts = src[1].split('/');
  return parts.length > 3 ? parts.slice(0, 3).join('/') : src[1];
}

/**
 * Milliseconds per owner (averaged over the profiles in `profileDir` that ran code from
 * `builtDir`). Samples with no frame in `builtDir` count only while V8 compiles a file.
 */
export function attributeBuiltFiles(profileDir: string, builtDir: string): Record<string, number> {
  const maps = new Map<string, SourceMap | undefined>();
  const ownerAt = (file: string, line: number, column: number): string => {
    if (!maps.has(file)) maps.set(file, linkedSourceMap(file));
    const entry = maps.get(file)?.findEntry(line, column) as { originalSource?: string } | undefined;
    return entry?.originalSource ? ownerOf(entry.originalSource) : 'bundle runtime helpers';
  };
  const fileOf = (url: string) => (url.startsWith('file://') ? fileURLToPath(url) : url);
  const totals = new Map<string, number>();
  const add = (key: string, ms: number) => totals.set(key, (totals.get(key) ?? 0) + ms);
  let profiles = 0;
  for (const name of readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(profileDir, name), 'utf8')) as CpuProfile;
    if (!profile.nodes.some((n) => fileOf(n.callFrame.url).startsWith(builtDir))) continue;
    profiles++;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    // Each sample goes to V8's compiler or to the innermost frame in the built files.
    const nodeMs = new Map<number, number>();
    profile.samples.forEach((sample, i) => {
      const ms = (profile.timeDeltas[i] ?? 0) / 1000;
      let owner: number | undefined;
      let compiling = false;
      for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
        const frame = byId.get(id)!.callFrame;
        if (owner === undefined && fileOf(frame.url).startsWith(builtDir)) owner = id;
        if (frame.functionName === 'wrapSafe' || frame.functionName === 'compileFunctionForCJSLoader') compiling = true;
      }
      if (compiling) add(COMPILE, ms);
      else if (owner !== undefined) nodeMs.set(owner, (nodeMs.get(owner) ?? 0) + ms);
    });
    // A frame's time is split by the lines its own samples hit (a file's top level spans many modules).
    for (const [id, ms] of nodeMs) {
      const node = byId.get(id)!;
      const file = fileOf(node.callFrame.url);
      const ticks = node.positionTicks ?? [];
      const total = ticks.reduce((sum, t) => sum + t.ticks, 0);
      if (total === 0) add(ownerAt(file, node.callFrame.lineNumber, node.callFrame.columnNumber), ms);
      else for (const t of ticks) add(ownerAt(file, t.line - 1, 0), (ms * t.ticks) / total);
    }
  }
  const result: Record<string, number> = {};
  for (const [key, ms] of [...totals].sort((a, b) => b[1] - a[1])) result[key] = Math.round((ms / Math.max(1, profiles)) * 10) / 10;
  return result;
}
