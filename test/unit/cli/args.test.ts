// Command-line parsing: verbs of one or two words, global flags before or after the verb,
// repeatable -c, verb flags, and usage errors for unknown flags.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchVerb, parseCommandLine, UsageError } from '../../../src/cli/args';
import type { CliVerb } from '../../../src/cli/verbTypes';
import { VERBS } from '../../../src/cli/verbs';

const run = async () => 0;
const verbs: CliVerb[] = [
  { name: 'providers list', summary: '', run },
  { name: 'providers test', summary: '', run, flags: [{ name: 'timeout', type: 'string', description: '' }] },
  { name: 'exec', summary: '', run, acceptsPositionals: true },
];

test('global flags are accepted before and after the verb, in both --flag value and --flag=value forms', () => {
  const before = parseCommandLine(['--provider', 'openai', '--json', 'providers', 'list'], verbs);
  const after = parseCommandLine(['providers', 'list', '--provider=openai', '--json'], verbs);
  for (const parsed of [before, after]) {
    assert.equal(parsed.verb?.name, 'providers list');
    assert.equal(parsed.global.provider, 'openai');
    assert.equal(parsed.global.json, true);
    assert.deepEqual(parsed.positionals, []);
  }
});

test('-c is repeatable and keeps values with = and spaces intact; other globals parse', () => {
  const parsed = parseCommandLine(
    ['-c', 'model="gpt-5"', 'config', '-c', 'model_providers.x.query_params.a=b c', 'explain', '--profile', 'work', '-m', 'm1', '--cwd', '/w', '--trust-workspace'],
    verbs.concat({ name: 'config explain', summary: '', run }),
  );
  assert.equal(parsed.verb?.name, 'config explain');
  assert.deepEqual(parsed.global.overrides, ['model="gpt-5"', 'model_providers.x.query_params.a=b c']);
  assert.equal(parsed.global.profile, 'work');
  assert.equal(parsed.global.model, 'm1');
  assert.equal(parsed.global.cwd, '/w');
  assert.equal(parsed.global.trustWorkspace, true);
});

test('a value that looks like a verb word is not mistaken for the verb', () => {
  const parsed = parseCommandLine(['--model', 'exec', 'providers', 'list'], verbs);
  assert.equal(parsed.verb?.name, 'providers list');
  assert.equal(parsed.global.model, 'exec');
});

test('verb flags and positionals are the verb\'s; the longest verb name wins', () => {
  const parsed = parseCommandLine(['providers', 'test', '--timeout', '5'], verbs);
  assert.equal(parsed.verb?.name, 'providers test');
  assert.deepEqual(parsed.values, { timeout: '5' });
  const exec = parseCommandLine(['exec', 'fix the bug', '--model', 'm'], verbs);
  assert.deepEqual(exec.positionals, ['fix the bug']);
  assert.equal(matchVerb(['providers'], verbs), undefined);
});

test('unknown flags are usage errors; unknown words are reported for hints', () => {
  assert.throws(() => parseCommandLine(['providers', 'list', '--bogus'], verbs), UsageError);
  assert.throws(() => parseCommandLine(['providers', 'list', '--timeout', '5'], verbs), UsageError);
  const unknown = parseCommandLine(['provider', 'lst'], verbs);
  assert.equal(unknown.verb, undefined);
  assert.deepEqual(unknown.unknownWords, ['provider', 'lst']);
});

test('the real registry has the first verbs, each with a handler and summary', () => {
  for (const name of ['providers list', 'config explain']) {
    const verb = VERBS.find((v) => v.name === name);
    assert.ok(verb, name);
    assert.equal(typeof verb.run, 'function');
    assert.ok(verb.summary.length > 10);
  }
  assert.equal(new Set(VERBS.map((v) => v.name)).size, VERBS.length, 'verb names are unique');
});
