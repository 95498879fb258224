// The zod schemas in *Api.ts describe the wire chunks; every recorded payload must fit the
// schema of its protocol, so the schemas document what servers really send.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { anthropicEventSchema } from '../../../src/core/wire/anthropic/anthropicApi';
import { chatChunkSchema } from '../../../src/core/wire/chat/chatApi';
import { responsesEventSchema } from '../../../src/core/wire/responses/responsesApi';
import { fixturePayloads, listSseFixtures } from '../../helpers/corpus';

const SCHEMAS = { anthropic: anthropicEventSchema, chat: chatChunkSchema, responses: responsesEventSchema };

for (const name of listSseFixtures()) {
  test(`${name}: every payload fits the protocol schema`, () => {
    const wire = name.split('-')[0] as keyof typeof SCHEMAS;
    const payloads = fixturePayloads(name);
    assert.ok(payloads.length > 0);
    for (const [i, { data }] of payloads.entries()) {
      const result = SCHEMAS[wire].safeParse(data);
      assert.ok(result.success, `${name} payload #${i}: ${result.success ? '' : result.error.message}`);
    }
  });
}

test('the schemas reject what is not a chunk', () => {
  assert.equal(anthropicEventSchema.safeParse({ type: 'content_block_delta', index: 'x', delta: {} }).success, false);
  assert.equal(chatChunkSchema.safeParse({ choices: [{ delta: { content: 42 } }] }).success, false);
  assert.equal(responsesEventSchema.safeParse({ type: 'response.output_text.delta', delta: 7 }).success, false);
});
