/**
 * A schema for a stream of `{type: ...}` events: known types must match their own schema,
 * unknown types pass (providers add event kinds all the time and we ignore those).
 */
import { z } from 'zod';

export function typedEventSchema(known: Record<string, z.ZodType>) {
  return z.looseObject({ type: z.string() }).superRefine((value, ctx) => {
    const schema = known[value.type];
    if (!schema) return;
    const result = schema.safeParse(value);
    if (!result.success) {
      for (const issue of result.error.issues) {
        ctx.addIssue({ code: 'custom', message: `${value.type}: ${issue.message}`, path: issue.path });
      }
    }
  });
}
