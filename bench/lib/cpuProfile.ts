/**
 * Reads V8 `.cpuprofile` files (node --cpu-prof) of a process that loaded an unminified esbuild
 * bundle and attributes the time to the npm package whose code ran (esbuild marks each module
 * with a `// node_modules/<pkg>/...` comment), plus V8's parse/compile of the bundle itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Line ranges of each module in the bundle, from esbuild's `// path` comments. */
function moduleSections(bundleText: string): [number, string][] {
  const sections: [number, string][] = [];
  bundleText.split('\n').forEach((line, index) => {
    const m = /^\/\/ (\S+)$/.exec(line);
    if (!m || !(m[1].includes('node_modules/') || m[1].startsWith('src/'))) return;
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(m[1]);
    sections.push([index, pkg ? pkg[1] : 'src (Switchboard)']);
  });
  return sections;
}

function sectionOf(sections: [number, string][], line: number): string {
  let lo = 0;
  let hi = sections.length - 1;
  let found = 'bundle runtime helpers';
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sections[mid][0] <= line) {
      found = sections[mid][1];
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/**
 * Milliseconds per package (averaged over the profiles in `dir`) spent running the bundle's code
 * or compiling it (`V8 parse + compile of the bundle`). Samples outside the bundle are ignored.
 */
export function attributeBundleTime(dir: string, bundlePath: string, bundleText: string): Record<string, number> {
  const sections = moduleSections(bundleText);
  const totals = new Map<string, number>();
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  let profiles = 0;
  for (const file of files) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    if (!profile.nodes.some((n) => n.callFrame.url.endsWith(bundlePath))) continue; // another thread
    profiles++;
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    profile.samples.forEach((sample, i) => {
      let key: string | undefined;
      let compiling = false;
      for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
        const frame = byId.get(id)!.callFrame;
        if (key === undefined && frame.url.endsWith(bundlePath)) key = sectionOf(sections, frame.lineNumber);
        if (frame.functionName === 'wrapSafe' || frame.functionName === 'compileFunctionForCJSLoader') compiling = true;
      }
      key ??= compiling ? 'V8 parse + compile of the bundle' : undefined;
      if (key) totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    });
  }
  const result: Record<string, number> = {};
  for (const [key, ms] of [...totals].sort((a, b) => b[1] - a[1])) result[key] = Math.round((ms / Math.max(1, profiles)) * 10) / 10;
  return result;
}
