/**
 * Zod schemas of Chat Completions stream chunks as real servers send them: OpenAI, Azure (a first
 * chunk with only `prompt_filter_results`), DeepSeek / GLM / Qwen / vLLM (`reasoning_content`),
 * Groq / OpenRouter (`reasoning`), OpenRouter's inline `error`. Loose: unknown fields pass.
 * The mapper checks delta fields by hand for speed; these document the shape and are tested
 * against the recorded corpus.
 */
import { z } from 'zod';

export const chatToolCallDeltaSchema = z.looseObject({
  index: z.number().nullish(),
  id: z.string().nullish(),
  type: z.string().nullish(),
  function: z.looseObject({ name: z.string().nullish(), arguments: z.string().nullish() }).nullish(),
});

export const chatDeltaSchema = z.looseObject({
  role: z.string().nullish(),
  content: z.string().nullish(),
  refusal: z.string().nullish(),
  reasoning_content: z.string().nullish(),
  reasoning: z.string().nullish(),
  tool_calls: z.array(chatToolCallDeltaSchema).nullish(),
});

export const chatUsageSchema = z.looseObject({
  prompt_tokens: z.number().nullish(),
  completion_tokens: z.number().nullish(),
  prompt_tokens_details: z.looseObject({ cached_tokens: z.number().nullish() }).nullish(),
  completion_tokens_details: z.looseObject({ reasoning_tokens: z.number().nullish() }).nullish(),
});

export const chatChunkSchema = z.looseObject({
  id: z.string().nullish(),
  choices: z
    .array(
      z.looseObject({
        index: z.number().nullish(),
        delta: chatDeltaSchema.nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .nullish(),
  usage: chatUsageSchema.nullish(),
  error: z.unknown().optional(),
});

export type ChatChunk = z.infer<typeof chatChunkSchema>;
export type ChatDelta = z.infer<typeof chatDeltaSchema>;
export type ChatToolCallDelta = z.infer<typeof chatToolCallDeltaSchema>;
export type ChatUsage = z.infer<typeof chatUsageSchema>;
