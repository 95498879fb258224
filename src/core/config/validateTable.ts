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
  /** The valid keys only, as plain objects (never null-prototype). */
  value: Record<string, unknown>;
  issues: FieldIssue[];
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
 * A plain predicate equivalent to `schema.safeParse(v).success` for the simple leaf schemas the
 * config uses (strings with a minimum length, safe integers with a minimum, booleans, enums, arrays
 * of strings); undefined for anything else. Only acceptance is fast-pathed: every rejection still
 * goes through zod, so zod stays the single judge of what is invalid.
 */
export function compileAccept(schema: AnySchema): ((v: unknown) => boolean) | undefined {
  const checks = checksOf(schema);
  if (schema instanceof z.ZodBoolean && checks.length === 0) return (v) => typeof v === 'boolean';
  if (schema instanceof z.ZodEnum && checks.length === 0) {
    const options = new Set<unknown>(schema.options);
    return (v) => options.has(v);
  }
  if (schema instanceof z.ZodString && checks.every((c) => c.check === 'min_length')) {
    const min = Math.max(0, ...checks.map((c) => c.minimum ?? 0));
    return (v) => typeof v === 'string' && v.length >= min;
  }
  if (schema instanceof z.ZodNumber && checks.every((c) => (c.check === 'number_format' && c.format === 'safeint') || (c.check === 'greater_than' && c.inclusive))) {
    const min = Math.max(-Infinity, ...checks.filter((c) => c.check === 'greater_than').map((c) => c.value ?? -Infinity));
    return (v) => Number.isSafeInteger(v) && (v as number) >= min;
  }
  if (schema instanceof z.ZodArray) {
    const element = compileAccept(schema.element as AnySchema);
    if (element && checks.length === 0) return (v) => Array.isArray(v) && v.every(element);
  }
  return undefined;
}

const ACCEPT = new WeakMap<AnySchema, ((v: unknown) => boolean) | null>();

function fastAccept(schema: AnySchema, value: unknown): boolean {
  let accept = ACCEPT.get(schema);
  if (accept === undefined) {
    accept = compileAccept(schema) ?? null;
    ACCEPT.set(schema, accept);
  }
  return accept !== null && accept(value);
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

function validateValue(schema: AnySchema, value: unknown, walk: Walk): { ok: boolean; value?: unknown } {
  const s = unwrap(schema);
  if (s instanceof z.ZodObject) {
    if (!isTable(value)) {
      report(walk, { kind: 'wrong-type', expected: 'a table', found: describeTomlType(value) });
      return { ok: false };
    }
    return { ok: true, value: validateTable(s, value, walk) };
  }
  if (s instanceof z.ZodRecord) {
    if (!isTable(value)) {
      report(walk, { kind: 'wrong-type', expected: describeExpected(s), found: describeTomlType(value) });
      return { ok: false };
    }
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value)) {
      walk.path.push(k);
      const r = validateValue(s.valueType as AnySchema, value[k], walk);
      walk.path.pop();
      if (r.ok) out[k] = r.value;
    }
    return { ok: true, value: out };
  }
  if (fastAccept(s, value)) return { ok: true, value: Array.isArray(value) ? [...value] : value };
  const result = s.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  if (!typeMatches(s, value)) {
    report(walk, { kind: 'wrong-type', expected: describeExpected(s), found: describeTomlType(value) });
  } else {
    const options = s instanceof z.ZodEnum ? s.options.map(String) : undefined;
    report(walk, { kind: 'invalid-value', expected: describeExpected(s), found: describeTomlType(value), options });
  }
  return { ok: false };
}

function validateTable(schema: z.ZodObject, table: Record<string, unknown>, walk: Walk): Record<string, unknown> {
  const shape = schema.shape as Record<string, AnySchema>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(table)) {
    walk.path.push(key);
    const field = Object.hasOwn(shape, key) ? shape[key] : undefined;
    if (!field) {
      report(walk, { kind: 'unknown-key' });
    } else {
      const r = validateValue(field, table[key], walk);
      if (r.ok) out[key] = r.value;
    }
    walk.path.pop();
  }
  return out;
}

/** Validates `table` key by key against `schema`; unknown keys are reported, not kept. */
export function validateTableAgainst(schema: z.ZodObject, table: Record<string, unknown>): ValidatedTable {
  const walk: Walk = { path: [], issues: [] };
  const value = validateTable(schema, table, walk);
  return { value, issues: walk.issues };
}
