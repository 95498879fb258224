/**
 * Zod schemas of the OpenAI Responses API stream events we read (loose: unknown fields pass).
 * Per-delta events are checked by hand in the mapper for speed; these schemas validate the rare
 * structural events (items, completion, errors) and are tested against the recorded corpus.
 */
import { z } from 'zod';
import { typedEventSchema } from '../shared/typedEventSchema';

export const responsesUsageSchema = z.looseObject({
  input_tokens: z.number().nullish(),
  output_tokens: z.number().nullish(),
  input_tokens_details: z.looseObject({ cached_tokens: z.number().nullish() }).nullish(),
  output_tokens_details: z.looseObject({ reasoning_tokens: z.number().nullish() }).nullish(),
});

const outputTextPartSchema = z.looseObject({ type: z.string(), text: z.string().optional() });

export const functionCallItemSchema = z.looseObject({
  type: z.literal('function_call'),
  id: z.string().nullish(),
  call_id: z.string().nullish(),
  name: z.string(),
  arguments: z.string().nullish(),
});

export const messageItemSchema = z.looseObject({
  type: z.literal('message'),
  id: z.string().nullish(),
  role: z.string().optional(),
  content: z.array(outputTextPartSchema).nullish(),
});

export const reasoningItemSchema = z.looseObject({
  type: z.literal('reasoning'),
  id: z.string().nullish(),
  encrypted_content: z.string().nullish(),
  summary: z.array(outputTextPartSchema).nullish(),
  content: z.array(outputTextPartSchema).nullish(),
});

/** An output item: the kinds we read must be well-formed, other kinds pass. */
export const outputItemSchema = typedEventSchema({
  function_call: functionCallItemSchema,
  message: messageItemSchema,
  reasoning: reasoningItemSchema,
});

export const responseErrorSchema = z.looseObject({
  code: z.union([z.string(), z.number()]).nullish(),
  message: z.string().nullish(),
  type: z.string().nullish(),
});

export const responseObjectSchema = z.looseObject({
  id: z.string().optional(),
  status: z.string().nullish(),
  usage: responsesUsageSchema.nullish(),
  incomplete_details: z.looseObject({ reason: z.string().nullish() }).nullish(),
  error: responseErrorSchema.nullish(),
});

const deltaSchema = z.looseObject({ item_id: z.string().optional(), delta: z.string() });
const finalSchema = z.looseObject({ response: responseObjectSchema });

/** Every event kind the mapper handles (others pass), for validating recorded streams. */
export const responsesEventSchema = typedEventSchema({
  'response.output_text.delta': deltaSchema,
  'response.refusal.delta': deltaSchema,
  'response.reasoning_summary_text.delta': deltaSchema,
  'response.reasoning_text.delta': deltaSchema,
  'response.function_call_arguments.delta': deltaSchema,
  'response.reasoning_summary_part.added': z.looseObject({ summary_index: z.number().optional() }),
  'response.output_item.added': z.looseObject({ item: outputItemSchema }),
  'response.output_item.done': z.looseObject({ item: outputItemSchema }),
  'response.completed': finalSchema,
  'response.incomplete': finalSchema,
  'response.failed': finalSchema,
  error: z.looseObject({ error: responseErrorSchema.optional(), code: z.string().nullish(), message: z.string().nullish() }),
});

export type ResponsesUsage = z.infer<typeof responsesUsageSchema>;
export type FunctionCallItem = z.infer<typeof functionCallItemSchema>;
export type ResponseObject = z.infer<typeof responseObjectSchema>;
