/**
 * The context data (content-data/context.json) compiled once into phrase tries over token keys:
 * ConText cues, the words that name people, and the words of lead-ins. Phrases are compared on
 * canonical keys, so "don't", "dont" and "Don't" are one cue.
 */
import type { ContextData, ContextRule, People } from '../../content-data/schema';
import { createTrie, insertPhrase, type TrieNode } from '../match/trie';
import { phraseKeys } from '../text';
import { compileEndings, type CompiledEndings } from './endings';
import type { Genre, GenreKeys } from './genre';

export type Category = 'negated' | 'hypothetical' | 'resolved';

/** A rule as the scope resolver reads it (defaults filled in). */
export interface CompiledRule {
  category: Category;
  direction: 'forward' | 'backward' | 'bidirectional';
  reach: 'clause' | 'sentence';
  maxScope: number;
  endsAtPerson: boolean;
  /** Red-flag ids it governs; null for all mentions. */
  targets: ReadonlySet<string> | null;
  /** It governs only frames that say a sign is absent. */
  absentOnly: boolean;
  /** The genres it governs in; null for all. */
  genres: ReadonlySet<Genre> | null;
  /** It governs only where no person is named in its clause before it. */
  impersonal: boolean;
  /** Word keys that, in its clause after it, make it govern nothing (see ContextRuleSchema). */
  unlessClauseHas: ReadonlySet<string> | null;
}

export type Cue = { rule: CompiledRule } | { terminate: true } | { pseudo: true };

/** What a person word says about who a sentence is about. */
export type PersonWord =
  | { kind: 'writer' }
  | { kind: 'possessive' }
  | { kind: 'pronoun'; gender: Gender }
  | { kind: 'relation'; gender: Gender; key: string }
  | { kind: 'other'; key: string }
  | { kind: 'clinician' }
  | { kind: 'reporting' }
  | { kind: 'listening' }
  | { kind: 'self' }
  | { kind: 'generic' }
  | { kind: 'anyone' }
  | { kind: 'plural' }
  | { kind: 'advice' }
  | { kind: 'nobody' };

export type Gender = 'female' | 'male' | 'any';

export interface CompiledContext {
  cues: TrieNode<Cue[]>;
  people: TrieNode<PersonWord>;
  leadIns: TrieNode<true>;
  questionOpeners: TrieNode<true>;
  /** The one-word keys that genre counts. */
  genreKeys: GenreKeys;
  endings: CompiledEndings;
}

const DEFAULT_MAX_SCOPE = 8;

const singleKeys = (phrases: string[]) =>
  new Set(phrases.map(phraseKeys).filter((keys) => keys.length === 1).map((keys) => keys[0]!));

function compileRule(rule: ContextRule): CompiledRule | null {
  if (rule.direction === 'terminate' || rule.direction === 'pseudo' || !rule.category) return null;
  return {
    category: rule.category,
    direction: rule.direction,
    reach: rule.reach ?? 'clause',
    maxScope: rule.maxScope ?? DEFAULT_MAX_SCOPE,
    endsAtPerson: rule.endsAtPerson ?? false,
    targets: rule.targets ? new Set(rule.targets) : null,
    absentOnly: rule.absentOnly ?? false,
    genres: rule.genres ? new Set(rule.genres) : null,
    impersonal: rule.impersonal ?? false,
    unlessClauseHas: rule.unlessClauseHas ? singleKeys(rule.unlessClauseHas) : null,
  };
}

/**
 * Every cue phrase once, with all its cues: a phrase may govern both ways ("ruled out cancer",
 * "cancer was ruled out"). A pseudo or terminating cue hides the governing cues of the same phrase.
 */
function compileCues(rules: ContextRule[]): TrieNode<Cue[]> {
  const byPhrase = new Map<string, { keys: string[]; cues: Cue[] }>();
  for (const rule of rules) {
    const compiled = compileRule(rule);
    const cue: Cue = compiled ? { rule: compiled } : rule.direction === 'pseudo' ? { pseudo: true } : { terminate: true };
    for (const phrase of rule.phrases) {
      const keys = phraseKeys(phrase);
      if (keys.length === 0) continue;
      const entry = byPhrase.get(keys.join(' ')) ?? { keys, cues: [] };
      entry.cues.push(cue);
      byPhrase.set(keys.join(' '), entry);
    }
  }
  const trie = createTrie<Cue[]>();
  for (const { keys, cues } of byPhrase.values()) {
    const hiding = cues.find((cue) => !('rule' in cue));
    insertPhrase(trie, keys, hiding ? [hiding] : cues);
  }
  return trie;
}

/** Person words; where two lists share a phrase, the earlier kind below wins. */
function compilePeople(people: People): TrieNode<PersonWord> {
  const trie = createTrie<PersonWord>();
  const seen = new Set<string>();
  const add = (phrases: string[], word: (keys: string[]) => PersonWord) => {
    for (const phrase of phrases) {
      const keys = phraseKeys(phrase);
      const joined = keys.join(' ');
      if (keys.length === 0 || seen.has(joined)) continue;
      seen.add(joined);
      insertPhrase(trie, keys, word(keys));
    }
  };
  add(people.notPeople, () => ({ kind: 'nobody' }));
  add(people.selfDescriptions, () => ({ kind: 'self' }));
  add(people.reporting, () => ({ kind: 'reporting' }));
  add(people.listening, () => ({ kind: 'listening' }));
  add(people.possessives, () => ({ kind: 'possessive' }));
  add(people.writer, () => ({ kind: 'writer' }));
  add(people.female, () => ({ kind: 'pronoun', gender: 'female' }));
  add(people.male, () => ({ kind: 'pronoun', gender: 'male' }));
  add(people.clinicians, () => ({ kind: 'clinician' }));
  add(people.relationsFemale, (keys) => ({ kind: 'relation', gender: 'female', key: keys.join(' ') }));
  add(people.relationsMale, (keys) => ({ kind: 'relation', gender: 'male', key: keys.join(' ') }));
  add(people.relations, (keys) => ({ kind: 'relation', gender: 'any', key: keys.join(' ') }));
  add(people.animals, (keys) => ({ kind: 'relation', gender: 'any', key: keys.join(' ') }));
  add(people.others, (keys) => ({ kind: 'other', key: keys.join(' ') }));
  add(people.generic, () => ({ kind: 'generic' }));
  add(people.anyone, () => ({ kind: 'anyone' }));
  add(people.plural, () => ({ kind: 'plural' }));
  add(people.advice, () => ({ kind: 'advice' }));
  return trie;
}

export function compilePhrases(phrases: string[]): TrieNode<true> {
  const trie = createTrie<true>();
  for (const phrase of phrases) {
    const keys = phraseKeys(phrase);
    if (keys.length > 0) insertPhrase(trie, keys, true);
  }
  return trie;
}

export function compileContext(data: ContextData): CompiledContext {
  return {
    cues: compileCues(data.rules),
    people: compilePeople(data.people),
    leadIns: compilePhrases(data.leadIns),
    questionOpeners: compilePhrases(data.questionOpeners),
    genreKeys: {
      firstPerson: singleKeys(data.people.writer),
      thirdPerson: singleKeys([...data.people.female, ...data.people.male]),
      general: singleKeys(data.people.anyone),
    },
    endings: compileEndings(data.endings),
  };
}
