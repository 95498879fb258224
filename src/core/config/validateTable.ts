/**
 * Key-by-key validation of a TOML table against a zod object schema. Unlike `schema.safeParse`,
 * a bad value drops only that key (or that map entry) and every problem comes back with its key
 * path, so the caller can point at the exact line and keep the rest of the table working.
 */
import { z } from 'zod';
import { describeTomlType } from './diagnostics';

export type FieldIssueKind = 'wrong-type' | 'invalid-value' | 'unknown-key';

/** One problem, at `path` relative to the validated table. */
export interface FieldIssue {
  kind: FieldIssueKind;
  path: string[];
  /** What was expected, in words ("a string", "one of ..."). */
  expected?: string;
  /** What was found, in words ("a table"), never the value itself. */
  found?: string;
  /** For `invalid-value` on an enum: the accepted options. */
  options?: readonly string[];
}

export interface ValidatedTable {
  /**
   * The valid keys. When every key is valid this is the input table itself, not a copy (a config
   * with thousands of tables would otherwise copy them all on every load): never modify it. When
   * a key is rejected it is a copy (plain objects) holding the valid keys only.
   */
  value: Record<string, unknown>;
  /** `Object.keys(value)`, listed once here: listing a parsed table's keys is not cheap. */
  keys: readonly string[];
  issues: readonly FieldIssue[];
}

type AnySchema = z.ZodType;

function unwrap(schema: AnySchema): AnySchema {
  let s: AnySchema = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault) s = s.unwrap() as AnySchema;
  return s;
}

/** True for a TOML table (plain or null-prototype object; not an array or date). */
export function isTable(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);
}

/** "a string", "an integer of 0 or more", "one of "a", "b"" ... for messages. */
export function describeExpected(schema: AnySchema): string {
  const s = unwrap(schema);
  if (s instanceof z.ZodString) return 'a string';
  if (s instanceof z.ZodBoolean) return 'true or false';
  if (s instanceof z.ZodNumber) {
    const min = s.minValue;
    const kind = s.format === 'safeint' || s.format === 'int32' ? 'a whole number' : 'a number';
    return min !== null && min !== undefined && Number.isFinite(min) ? `${kind} of ${min} or more` : kind;
  }
  if (s instanceof z.ZodEnum) return `one of ${s.options.map((o) => `"${String(o)}"`).join(', ')}`;
  if (s instanceof z.ZodArray) return `an array of ${describeExpected(s.element as AnySchema).replace(/^an? /, '')}s`;
  if (s instanceof z.ZodRecord) return `a table of ${describeExpected(s.valueType as AnySchema).replace(/^an? /, '')}s`;
  if (s instanceof z.ZodObject) return 'a table';
  return 'a valid value';
}

type Check = { check?: string; minimum?: number; value?: number; inclusive?: boolean; format?: string };

function checksOf(schema: AnySchema): Check[] {
  const checks = (schema as unknown as { _zod: { def: { checks?: { _zod: { def: Check } }[] } } })._zod.def.checks ?? [];
  return checks.map((c) => c._zod.def);
}

/**
 * A leaf schema's acceptance test as data, so the validation loop runs it with one `switch`
 * rather than a call through a different closure for every key.
 */
type LeafTest =
  | { kind: 'boolean' }
  | { kind: 'enum'; options: ReadonlySet<unknown> }
  | { kind: 'string'; min: number }
  | { kind: 'int'; min: number }
  | { kind: 'array'; element: LeafTest };

/** Whether `v` passes `test`. */
function runTest(test: LeafTest, v: unknown): boolean {
  switch (test.kind) {
    case 'string':
      return typeof v === 'string' && v.length >= test.min;
    case 'int':
      return Number.isSafeInteger(v) && (v as number) >= test.min;
    case 'boolean':
      return typeof v === 'boolean';
    case 'enum':
      return test.options.has(v);
    case 'array':
      return Array.isArray(v) && v.every((e) => runTest(test.element, e));
  }
}

/**
 * The test equivalent to `schema.safeParse(v).success` for the simple leaf schemas the config uses
 * (strings with a minimum length, safe integers with a minimum, booleans, enums, arrays of
 * strings); undefined for anything else. Only acceptance is fast-pathed: every rejection still
 * goes through zod, so zod stays the single judge of what is invalid.
 */
function compileTest(schema: AnySchema): LeafTest | undefined {
  const checks = checksOf(schema);
  if (schema instanceof z.ZodBoolean && checks.length === 0) return { kind: 'boolean' };
  if (schema instanceof z.ZodEnum && checks.length === 0) return { kind: 'enum', options: new Set<unknown>(schema.options) };
  if (schema instanceof z.ZodString && checks.every((c) => c.check === 'min_length')) {
    return { kind: 'string', min: Math.max(0, ...checks.map((c) => c.minimum ?? 0)) };
  }
  if (schema instanceof z.ZodNumber && checks.every((c) => (c.check === 'number_format' && c.format === 'safeint') || (c.check === 'greater_than' && c.inclusive))) {
    return { kind: 'int', min: Math.max(-Infinity, ...checks.filter((c) => c.check === 'greater_than').map((c) => c.value ?? -Infinity)) };
  }
  if (schema instanceof z.ZodArray) {
    const element = compileTest(schema.element as AnySchema);
    if (element && checks.length === 0) return { kind: 'array', element };
  }
  return undefined;
}

/** `compileTest` as a predicate (undefined when there is no fast path); the tests check it against zod. */
export function compileAccept(schema: AnySchema): ((v: unknown) => boolean) | undefined {
  const test = compileTest(schema);
  return test && ((v) => runTest(test, v));
}

/**
 * A schema compiled once for walking: wrappers (optional, default) are unwrapped, object shapes
 * are looked up in a `Map` by key, and leaves carry their fast acceptance test.
 * Walking zod's own structure (lazy getters, `instanceof` chains) for every key of every table
 * costs more than the check itself on a config with thousands of tables.
 */
type Plan =
  | { kind: 'object'; fields: Map<string, Plan> }
  | { kind: 'record'; schema: AnySchema; value: Plan }
  | { kind: 'leaf'; schema: AnySchema; test: LeafTest | undefined };

const PLANS = new WeakMap<AnySchema, Plan>();

function planOf(schema: AnySchema): Plan {
  let plan = PLANS.get(schema);
  if (plan) return plan;
  const s = unwrap(schema);
  if (s instanceof z.ZodObject) {
    const fields = new Map<string, Plan>();
    plan = { kind: 'object', fields };
    PLANS.set(schema, plan);
    for (const [key, field] of Object.entries(s.shape as Record<string, AnySchema>)) fields.set(key, planOf(field));
    return plan;
  }
  plan = s instanceof z.ZodRecord ? { kind: 'record', schema: s, value: planOf(s.valueType as AnySchema) } : { kind: 'leaf', schema: s, test: compileTest(s) };
  PLANS.set(schema, plan);
  return plan;
}

function typeMatches(schema: AnySchema, value: unknown): boolean {
  if (schema instanceof z.ZodString || schema instanceof z.ZodEnum) return typeof value === 'string';
  if (schema instanceof z.ZodBoolean) return typeof value === 'boolean';
  if (schema instanceof z.ZodNumber) return typeof value === 'number';
  if (schema instanceof z.ZodArray) return Array.isArray(value);
  return true;
}

/** The key path being validated: a shared stack, copied only when an issue is reported. */
interface Walk {
  path: string[];
  issues: FieldIssue[];
}

function report(walk: Walk, issue: Omit<FieldIssue, 'path'>): void {
  walk.issues.push({ ...issue, path: walk.path.slice() });
}

/** Returned for a value that is dropped (an issue was reported). */
const REJECTED: unique symbol = Symbol('rejected');

function validateLeaf(schema: AnySchema, value: unknown, walk: Walk): unknown {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  if (!typeMatches(schema, value)) {
    report(walk, { kind: 'wrong-type', expected: describeExpected(schema), found: describeTomlType(value) });
  } else {
    const options = schema instanceof z.ZodEnum ? schema.options.map(String) : undefined;
    report(walk, { kind: 'invalid-value', expected: describeExpected(schema), found: describeTomlType(value), options });
  }
  return REJECTED;
}

function validateValue(plan: Plan, value: unknown, walk: Walk): unknown {
  if (plan.kind === 'leaf') {
    // Only acceptance is fast-pathed: every rejection goes through zod.
    if (plan.test && runTest(plan.test, value)) return Array.isArray(value) ? [...value] : value;
    return validateLeaf(plan.schema, value, walk);
  }
  if (plan.kind === 'object') {
    if (!isTable(value)) {
      report(walk, { kind: 'wrong-type', expected: 'a table', found: describeTomlType(value) });
      return REJECTED;
    }
    return validateFields(plan.fields, value, walk);
  }
  if (!isTable(value)) {
    report(walk, { kind: 'wrong-type', expected: describeExpected(plan.schema), found: describeTomlType(value) });
    return REJECTED;
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) {
    walk.path.push(k);
    const v = validateValue(plan.value, value[k], walk);
    walk.path.pop();
    if (v !== REJECTED) out[k] = v;
  }
  return out;
}

function validateFields(fields: Map<string, Plan>, table: Record<string, unknown>, walk: Walk): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(table)) {
    walk.path.push(key);
    const field = fields.get(key);
    if (!field) {
      report(walk, { kind: 'unknown-key' });
    } else {
      const v = validateValue(field, table[key], walk);
      if (v !== REJECTED) out[key] = v;
    }
    walk.path.pop();
  }
  return out;
}

/**
 * Whether validating `value` against `plan` reports no issue at all. It allocates nothing but the
 * key lists, so the common case, a valid table, is neither copied nor walked twice.
 */
function passes(plan: Plan, value: unknown): boolean {
  if (plan.kind === 'leaf') return plan.test ? runTest(plan.test, value) : plan.schema.safeParse(value).success;
  if (!isTable(value)) return false;
  if (plan.kind === 'record') {
    for (const k of Object.keys(value)) if (!passes(plan.value, value[k])) return false;
    return true;
  }
  return fieldsPass(plan, value, Object.keys(value));
}

function fieldsPass(plan: Extract<Plan, { kind: 'object' }>, table: Record<string, unknown>, keys: readonly string[]): boolean {
  for (const k of keys) {
    const field = plan.fields.get(k);
    if (field === undefined || !passes(field, table[k])) return false;
  }
  return true;
}

const NO_ISSUES: readonly FieldIssue[] = Object.freeze([]);
const PATH: string[] = [];

/** Validates `table` key by key against `schema`; unknown keys are reported, not kept (see `ValidatedTable.value`). */
export function validateTableAgainst(schema: z.ZodObject, table: Record<string, unknown>): ValidatedTable {
  const plan = planOf(schema);
  if (plan.kind !== 'object') throw new TypeError('validateTableAgainst needs an object schema');
  const keys = Object.keys(table);
  if (fieldsPass(plan, table, keys)) return { value: table, keys, issues: NO_ISSUES };
  // One key-path stack for every call (a call never runs inside another): reset, not reallocated.
  PATH.length = 0;
  const walk: Walk = { path: PATH, issues: [] };
  const value = validateFields(plan.fields, table, walk);
  return { value, keys: Object.keys(value), issues: walk.issues };
}
