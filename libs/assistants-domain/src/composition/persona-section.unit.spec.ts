import type { Persona } from '@platform/contracts';
import { personaSection } from './persona-section';

const persona: Persona = {
  personality: 'Patient and curious.',
  tone: ' warm ',
  traits: [
    { name: 'humour', category: 'personality', value: 40, weight: 3 },
    { name: 'empathy', category: 'personality', value: 90, weight: 9 },
    { name: 'accuracy', category: 'expertise', value: 'never guesses', weight: 9 },
    { name: 'uses emoji', category: 'communication', value: false, weight: 1 },
  ],
  responseStyle: { type: 'technical', formality: 9, verbosity: 2 },
  knowledgeDomains: [
    { name: 'Billing', expertiseLevel: 5, topics: ['invoices', 'refunds'], keywords: [] },
    { name: 'Networking', expertiseLevel: 9, topics: ['DNS'], keywords: ['TCP', 'TLS'] },
  ],
  behaviorRules: [
    { condition: 'the user is upset', action: 'acknowledge it first', priority: 90, mandatory: false },
    { condition: 'asked for legal advice', action: 'refer to a lawyer', priority: 10, mandatory: true },
    { condition: 'a question is vague', action: 'ask one clarifying question', priority: 50, mandatory: false },
    { condition: 'sharing secrets', action: 'refuse', priority: 80, mandatory: true },
  ],
};

describe('personaSection', () => {
  it('writes the persona as instructions: traits by weight, mandatory rules first then by priority', () => {
    expect(personaSection({ name: 'Ava', persona })).toBe(
      [
        'You are Ava.',
        'Personality: Patient and curious.',
        'Tone: warm',
        '',
        'Traits, most important first:',
        '- accuracy: never guesses',
        '- empathy: 90/100',
        '- humour: 40/100',
        '- uses emoji: no',
        '',
        'How to respond:',
        '- Write in a precise, technical style.',
        '- Use formal language (formality 9/10).',
        '- Keep answers concise (verbosity 2/10).',
        '',
        'Knowledge:',
        '- Networking: expert (expertise 9/10). Topics: DNS. Keywords: TCP, TLS.',
        '- Billing: intermediate (expertise 5/10). Topics: invoices, refunds.',
        '',
        'Rules, in order of precedence:',
        '- Mandatory: when sharing secrets: refuse',
        '- Mandatory: when asked for legal advice: refer to a lawyer',
        '- When the user is upset: acknowledge it first',
        '- When a question is vague: ask one clarifying question',
      ].join('\n'),
    );
  });

  it('maps formality and verbosity to words at both ends and in the middle', () => {
    const text = (formality: number, verbosity: number) =>
      personaSection({ name: 'A', persona: { responseStyle: { type: 'casual', formality, verbosity } } });
    expect(text(3, 8)).toContain(
      'Use casual, everyday language (formality 3/10).\n- Give detailed, thorough answers (verbosity 8/10).',
    );
    expect(text(5, 5)).toContain(
      'Use a neutral, professional register (formality 5/10).\n- Keep answers moderately brief (verbosity 5/10).',
    );
  });

  it('gives the same bytes whatever order the lists come in', () => {
    const shuffled: Persona = {
      ...persona,
      traits: [...persona.traits!].reverse(),
      knowledgeDomains: [...persona.knowledgeDomains!].reverse(),
      behaviorRules: [...persona.behaviorRules!].reverse(),
    };
    expect(personaSection({ name: 'Ava', persona: shuffled })).toBe(personaSection({ name: 'Ava', persona }));
  });

  it('leaves out empty sections, and gives nothing for an empty persona', () => {
    expect(personaSection({ name: 'Ava', persona: { tone: 'calm', traits: [], behaviorRules: [] } })).toBe(
      'You are Ava.\nTone: calm',
    );
    expect(personaSection({ name: 'Ava', persona: {} })).toBe('');
    expect(personaSection({ name: 'Ava', persona: { personality: '  ' } })).toBe('');
  });
});
