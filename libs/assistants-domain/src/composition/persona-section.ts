import type { Persona } from '@platform/contracts';
import { compareText as compare } from './order';

type Trait = NonNullable<Persona['traits']>[number];
type ResponseStyle = NonNullable<Persona['responseStyle']>;
type KnowledgeDomain = NonNullable<Persona['knowledgeDomains']>[number];
type BehaviorRule = NonNullable<Persona['behaviorRules']>[number];

const STYLE: Readonly<Record<ResponseStyle['type'], string>> = {
  formal: 'Write in a formal, professional style.',
  casual: 'Write in a relaxed, conversational style.',
  technical: 'Write in a precise, technical style.',
  creative: 'Write in an imaginative, creative style.',
  educational: 'Explain step by step, the way a good teacher would.',
  empathetic: 'Write with warmth and empathy, acknowledging how the user feels.',
};

/**
 * The persona as instructions, in a fixed order and wording: the same persona always gives the same bytes, so
 * composed prompts can be compared and cached. Sections with nothing to say are left out, and a persona with
 * nothing at all gives "" (the assistant then speaks only through its prompts).
 */
export function personaSection(assistant: { name: string; persona: Persona }): string {
  const p = assistant.persona;
  const identity = [line('Personality', p.personality), line('Tone', p.tone)].filter((l) => l !== '');
  const sections = [
    list('Traits, most important first:', [...(p.traits ?? [])].sort(byWeight).map(trait)),
    list('How to respond:', p.responseStyle ? style(p.responseStyle) : []),
    list('Knowledge:', [...(p.knowledgeDomains ?? [])].sort(byExpertise).map(domain)),
    list('Rules, in order of precedence:', [...(p.behaviorRules ?? [])].sort(byPrecedence).map(rule)),
  ].filter((s) => s !== '');
  if (identity.length === 0 && sections.length === 0) return '';
  return [[`You are ${oneLine(assistant.name)}.`, ...identity].join('\n'), ...sections].join('\n\n');
}

function style(s: ResponseStyle): string[] {
  const formality =
    s.formality >= 8
      ? 'Use formal language'
      : s.formality <= 3
        ? 'Use casual, everyday language'
        : 'Use a neutral, professional register';
  const verbosity =
    s.verbosity >= 8
      ? 'Give detailed, thorough answers'
      : s.verbosity <= 3
        ? 'Keep answers concise'
        : 'Keep answers moderately brief';
  return [STYLE[s.type], `${formality} (formality ${s.formality}/10).`, `${verbosity} (verbosity ${s.verbosity}/10).`];
}

function trait(t: Trait): string {
  const value =
    typeof t.value === 'number'
      ? `${t.value}/100`
      : typeof t.value === 'boolean'
        ? t.value
          ? 'yes'
          : 'no'
        : oneLine(t.value);
  return `${oneLine(t.name)}: ${value}`;
}

function domain(d: KnowledgeDomain): string {
  const level = d.expertiseLevel >= 8 ? 'expert' : d.expertiseLevel <= 3 ? 'basic' : 'intermediate';
  const topics = d.topics ?? [];
  const keywords = d.keywords ?? [];
  return [
    `${oneLine(d.name)}: ${level} (expertise ${d.expertiseLevel}/10).`,
    topics.length > 0 ? ` Topics: ${topics.map(oneLine).join(', ')}.` : '',
    keywords.length > 0 ? ` Keywords: ${keywords.map(oneLine).join(', ')}.` : '',
  ].join('');
}

function rule(r: BehaviorRule): string {
  return `${r.mandatory ? 'Mandatory: w' : 'W'}hen ${oneLine(r.condition)}: ${oneLine(r.action)}`;
}

const byWeight = (a: Trait, b: Trait) => b.weight - a.weight || compare(a.name, b.name);
const byExpertise = (a: KnowledgeDomain, b: KnowledgeDomain) =>
  b.expertiseLevel - a.expertiseLevel || compare(a.name, b.name);
const byPrecedence = (a: BehaviorRule, b: BehaviorRule) =>
  Number(b.mandatory) - Number(a.mandatory) ||
  b.priority - a.priority ||
  compare(a.condition, b.condition) ||
  compare(a.action, b.action);

const oneLine = (s: string): string => s.trim().replace(/\s+/g, ' ');

const line = (label: string, value: string | undefined): string => (value?.trim() ? `${label}: ${value.trim()}` : '');

const list = (heading: string, items: string[]): string =>
  items.length === 0 ? '' : [heading, ...items.map((i) => `- ${i}`)].join('\n');
