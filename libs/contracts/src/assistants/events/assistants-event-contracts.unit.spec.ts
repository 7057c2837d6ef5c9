import { assistantsEventContracts } from './assistants-event-contracts';

const { events, upcasters, currentSchemaVersions } = assistantsEventContracts;
const usageV1 = {
  assistantId: '0190a000-0000-7000-8000-00000000000a',
  conversations: 1,
  messages: 4,
  tokens: 100,
  responseTimeMs: 200,
  satisfaction: 5,
  at: '2026-01-01T00:00:00.000Z',
};
const promptV1 = {
  promptId: '0190a000-0000-7000-8000-00000000000b',
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  name: 'Greeting',
  description: null,
  tags: [],
  template: 'Hello',
  variables: [],
};
const upcastPrompt = (data: object) =>
  upcasters.find((u) => u.type === 'PromptCreated' && u.fromVersion === 1)!.upcast(data, {});
const upcastUsage = (data: object) => {
  const step = upcasters.find((u) => u.type === 'AssistantUsageRecorded' && u.fromVersion === 1);
  return step!.upcast(data, {});
};

describe('assistants event contracts', () => {
  it('publish the Assistant and Prompt events, all at v1 but AssistantUsageRecorded and PromptCreated at v2', () => {
    expect(currentSchemaVersions).toEqual({
      AssistantCreated: 1,
      AssistantCloned: 1,
      AssistantUpdated: 1,
      AssistantActivated: 1,
      AssistantDeactivated: 1,
      AssistantArchived: 1,
      AssistantUsageRecorded: 2,
      AssistantPromptLinked: 1,
      AssistantPromptLinkUpdated: 1,
      AssistantPromptUnlinked: 1,
      PromptCreated: 2,
      PromptRevised: 1,
      PromptLabelMoved: 1,
      PromptLabelRemoved: 1,
    });
  });

  describe('AssistantUsageRecorded v1 → v2', () => {
    it.each([
      ['the messages of the report', usageV1, 4],
      ['one response when a time came without messages', { ...usageV1, messages: 0 }, 1],
      ['none when the report had no time', { ...usageV1, responseTimeMs: null }, 0],
    ])('counts %s as the responses the mean is over', (_, v1, samples) => {
      const v2 = upcastUsage(v1);
      expect(v2).toEqual({ ...v1, responseTimeSamples: samples });
      expect(events.AssistantUsageRecorded.schema.parse(v2)).toEqual(v2);
    });

    it('refuses data that was never v1', () => {
      expect(() => upcastUsage({ ...usageV1, responseTimeSamples: 4 })).toThrow(/does not match its schema/);
    });
  });

  describe('PromptCreated v1 → v2', () => {
    it('gives prompts created before owners were recorded no owner', () => {
      const v2 = upcastPrompt(promptV1);
      expect(v2).toEqual({ ...promptV1, ownerId: null });
      expect(events.PromptCreated.schema.parse(v2)).toEqual(v2);
    });

    it('refuses data that was never v1', () => {
      expect(() => upcastPrompt({ ...promptV1, ownerId: 'team-a' })).toThrow(/does not match its schema/);
    });
  });
});
