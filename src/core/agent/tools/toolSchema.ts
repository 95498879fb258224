/**
 * Tool argument schemas: zod for validation, converted once to the JSON Schema the model sees;
 * and parsing of the model's raw argument JSON into a clear error the model can act on.
 */
import { z } from 'zod';

/** The JSON Schema for a tool's zod schema, without noise the providers do not need. */
export function toolParameters(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: 'input' }) as Record<string, unknown>;
  delete json.$schema;
  return stripSafeIntegerBounds(json) as Record<string, unknown>;
}

/** zod writes ±Number.MAX_SAFE_INTEGER bounds on every `.int()`; they only cost tokens. */
function stripSafeIntegerBounds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripSafeIntegerBounds);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if ((key === 'maximum' || key === 'minimum') && Math.abs(inner as number) === Number.MAX_SAFE_INTEGER) continue;
    out[key] = stripSafeIntegerBounds(inner);
  }
  return out;
}

export type ParsedArguments<A> = { ok: true; args: A } | { ok: false; message: string };

/**
 * Parses the model's argument text for `toolName`. Empty text means `{}`; keys whose value is
 * `null` count as left out (some models send every optional key as null).
 */
export function parseToolArguments<A>(toolName: string, raw: string, schema: z.ZodType<A>): ParsedArguments<A> {
  let value: unknown;
  const text = raw.trim();
  if (text === '') {
    value = {};
  } else {
    try {
      value = JSON.parse(text);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        message: `The arguments for ${toolName} are not valid JSON (${why}). Send one JSON object matching the tool's parameters. Received: ${clip(text, 300)}`,
      };
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, message: `The arguments for ${toolName} must be a JSON object, not ${clip(text, 100)}.` };
  }
  const cleaned = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const where = issue.path.length > 0 ? `\`${issue.path.join('.')}\`: ` : '';
      return `${where}${issue.message}`;
    });
    return { ok: false, message: `Invalid arguments for ${toolName}: ${problems.join('; ')}.` };
  }
  return { ok: true, args: result.data };
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
