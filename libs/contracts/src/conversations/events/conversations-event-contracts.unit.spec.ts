import { conversationsEventContracts } from './conversations-event-contracts';

describe('conversations event contracts', () => {
  it('publish the Conversation events, all at v1', () => {
    expect(conversationsEventContracts.currentSchemaVersions).toEqual({
      ConversationStarted: 1,
      MessageAppended: 1,
      ContextCompressed: 1,
      ContextVariablesSet: 1,
      MessageRated: 1,
      ConversationEnded: 1,
    });
    expect(conversationsEventContracts.upcasters).toEqual([]);
  });

  it('refuse a message event with a field the contract does not name', () => {
    const schema = conversationsEventContracts.events.ContextVariablesSet.schema;
    const data = { conversationId: 'c', set: { a: 1 }, removed: [], at: '2026-01-01T00:00:00.000Z' };
    expect(schema.safeParse(data).success).toBe(true);
    expect(schema.safeParse({ ...data, extra: true }).success).toBe(false);
  });
});
