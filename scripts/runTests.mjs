// Runs node's built-in test runner over every *.test.ts file under the given folders,
// with tsx for TypeScript. Usage: node scripts/runTests.mjs <dir or file>... [--concurrency=N] [node --test flags]
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';

const dirs = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const concurrency = flags.find((f) => f.startsWith('--concurrency='))?.split('=')[1];
const passThrough = flags.filter((f) => !f.startsWith('--concurrency='));

function collect(dir) {
  if (!existsSync(dir)) return [];
  if (!statSync(dir).isDirectory()) return [dir];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return collect(p);
    return name.endsWith('.test.ts') || name.endsWith('.test.mjs') ? [p] : [];
  });
}

const files = dirs.flatMap(collect).sort();
if (files.length === 0) {
  console.error(`runTests: no *.test.ts files under ${dirs.join(', ')}`);
  process.exit(1);
}
const args = [
  '--import', 'tsx',
  '--test',
  '--test-reporter=spec',
  ...(concurrency ? [`--test-concurrency=${concurrency}`] : []),
  ...passThrough,
  ...files,
];
const child = spawn(process.execPath, args, { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
