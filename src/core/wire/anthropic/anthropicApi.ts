/**
 * Zod schemas of Anthropic Messages stream events (loose: unknown fields pass). Deltas are
 * checked by hand in the mapper for speed; these document the shapes and are tested against the
 * recorded corpus.
 */
import { z } from 'zod';
import { typedEventSchema } from '../shared/typedEventSchema';

export const anthropicUsageSchema = z.looseObject({
  input_tokens: z.number().nullish(),
  output_tokens: z.number().nullish(),
  cache_read_input_tokens: z.number().nullish(),
  cache_creation_input_tokens: z.number().nullish(),
  output_tokens_details: z.looseObject({ thinking_tokens: z.number().nullish() }).nullish(),
});

export const anthropicContentBlockSchema = typedEventSchema({
  text: z.looseObject({ text: z.string() }),
  thinking: z.looseObject({ thinking: z.string(), signature: z.string().nullish() }),
  redacted_thinking: z.looseObject({ data: z.string() }),
  tool_use: z.looseObject({ id: z.string(), name: z.string(), input: z.unknown() }),
});

export const anthropicDeltaSchema = typedEventSchema({
  text_delta: z.looseObject({ text: z.string() }),
  thinking_delta: z.looseObject({ thinking: z.string() }),
  signature_delta: z.looseObject({ signature: z.string() }),
  input_json_delta: z.looseObject({ partial_json: z.string() }),
});

/** Every event kind the mapper handles (others pass), for validating recorded streams. */
export const anthropicEventSchema = typedEventSchema({
  message_start: z.looseObject({ message: z.looseObject({ id: z.string().optional(), usage: anthropicUsageSchema.nullish() }) }),
  content_block_start: z.looseObject({ index: z.number(), content_block: anthropicContentBlockSchema }),
  content_block_delta: z.looseObject({ index: z.number(), delta: anthropicDeltaSchema }),
  content_block_stop: z.looseObject({ index: z.number() }),
  message_delta: z.looseObject({ delta: z.looseObject({ stop_reason: z.string().nullish() }), usage: anthropicUsageSchema.nullish() }),
  error: z.looseObject({ error: z.looseObject({ type: z.string(), message: z.string().optional() }) }),
});

export type AnthropicUsage = z.infer<typeof anthropicUsageSchema>;
