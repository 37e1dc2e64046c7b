/**
 * Frames: a term found as concept slots in any order within one sentence and one line, a few words
 * apart, with nothing between them that starts a new statement ("but", "however"): {legs} x {numb} finds "my legs
 * went numb", "numbness in both legs", "pins and needles, which crept up both my legs". Where a concept
 * could fill a slot twice, the nearest filler is taken, and an instance within one clause beats one
 * that spans clauses.
 */
import type { Frame } from '../../content-data/schema';
import { conceptNear, type ConceptHit } from './concepts';

/** The most tokens a frame instance may span, from its first word to its last. */
export const MAX_FRAME_TOKENS = 12;
/** An `unless` concept counts this many tokens either side of a mention ("lost 10 kg this year with the gym"). */
export const UNLESS_REACH = 6;

export interface CompiledFrame<Term> {
  term: Term;
  /** Concept indices that may fill each slot. */
  slots: number[][];
  absent: boolean;
  unless: number[];
  /** Concept indices one of which must be near (see FrameSearch.isNear). */
  near: number[];
  /** Concept indices none of which may be near. */
  unlessNear: number[];
}

export interface FrameInstance<Term> {
  frame: CompiledFrame<Term>;
  /** The concept hits that fill the slots, in text order. */
  fillers: ConceptHit[];
  firstToken: number;
  /** Exclusive. */
  endToken: number;
}

export function compileFrame<Term>(frame: Frame, term: Term, conceptIndex: ReadonlyMap<string, number>): CompiledFrame<Term> {
  const indices = (ids: readonly string[]) => ids.flatMap((id) => conceptIndex.get(id) ?? []);
  return {
    term,
    slots: frame.slots.map(indices),
    absent: frame.absent ?? false,
    unless: indices(frame.unless ?? []),
    near: indices(frame.near ?? []),
    unlessNear: indices(frame.unlessNear ?? []),
  };
}

/** What assembling frames in one sentence needs to know about the text around it. */
export interface FrameSearch<Term> {
  /** The concept hits of the sentence, in order. */
  hits: readonly ConceptHit[];
  /** Frames by the concepts that fill one of their slots. */
  framesByConcept: readonly (readonly CompiledFrame<Term>[])[];
  clauseOf(token: number): number;
  lineOf(token: number): number;
  /** Does a word between these tokens start a new statement ("but", "however")? */
  breaksBetween(from: number, to: number): boolean;
  /** Is one of these concepts in the sentence or a neighbouring one? */
  isNear(concepts: readonly number[]): boolean;
}

/**
 * The instance of `frame` that `opener` opens in slot `opened`: the nearest filler of each other
 * slot (`fillers[slot]`, in text order), none used twice, all within MAX_FRAME_TOKENS, in one line
 * and with no break between them.
 */
function instanceFrom<Term>(
  search: FrameSearch<Term>,
  frame: CompiledFrame<Term>,
  fillers: readonly (readonly ConceptHit[])[],
  opener: ConceptHit,
  opened: number,
): FrameInstance<Term> | null {
  const chosen = [opener];
  for (let slot = 0; slot < fillers.length; slot++) {
    if (slot === opened) continue;
    let best: ConceptHit | undefined;
    let bestDistance = MAX_FRAME_TOKENS + 1;
    for (const hit of fillers[slot]!) {
      const distance = Math.abs(hit.start - opener.start);
      if (distance < bestDistance && !chosen.includes(hit)) [best, bestDistance] = [hit, distance];
    }
    if (!best) return null;
    chosen.push(best);
  }
  sortByStart(chosen);
  for (let i = 1; i < chosen.length; i++) if (chosen[i]!.start < chosen[i - 1]!.end) return null;
  const firstToken = chosen[0]!.start;
  const endToken = chosen.at(-1)!.end;
  if (endToken - firstToken > MAX_FRAME_TOKENS || search.lineOf(firstToken) !== search.lineOf(endToken - 1)) return null;
  if (search.breaksBetween(firstToken, endToken)) return null;
  return { frame, fillers: chosen, firstToken, endToken };
}

/** The hits of a slot's concepts, concept by concept, each once. */
function slotFillers(slot: readonly number[], byConcept: ReadonlyMap<number, ConceptHit[]>): ConceptHit[] {
  const fillers: ConceptHit[] = [];
  for (const concept of slot) for (const hit of byConcept.get(concept) ?? []) if (!fillers.includes(hit)) fillers.push(hit);
  return fillers;
}

/** A stable sort by first token, in place (an instance has a few fillers). */
function sortByStart(hits: ConceptHit[]): void {
  for (let i = 1; i < hits.length; i++) {
    const hit = hits[i]!;
    let j = i - 1;
    for (; j >= 0 && hits[j]!.start > hit.start; j--) hits[j + 1] = hits[j]!;
    hits[j + 1] = hit;
  }
}

function blocked<Term>(search: FrameSearch<Term>, instance: FrameInstance<Term>): boolean {
  const { unless, near, unlessNear } = instance.frame;
  if (near.length > 0 && !search.isNear(near)) return true;
  if (unlessNear.length > 0 && search.isNear(unlessNear)) return true;
  return unless.length > 0 && conceptNear(search.hits, instance.firstToken, instance.endToken, unless, UNLESS_REACH);
}

const sameInstance = <Term>(a: FrameInstance<Term>, b: FrameInstance<Term>) =>
  a.frame === b.frame && a.fillers.length === b.fillers.length && a.fillers.every((filler, i) => b.fillers[i] === filler);

const crossesClause = <Term>(search: FrameSearch<Term>, instance: FrameInstance<Term>) =>
  search.clauseOf(instance.firstToken) !== search.clauseOf(instance.endToken - 1);

/** Instances within a clause first, then the shortest. */
const rankOf = <Term>(search: FrameSearch<Term>, instance: FrameInstance<Term>) =>
  (crossesClause(search, instance) ? 1000 : 0) + instance.endToken - instance.firstToken;

/**
 * Every frame instance in one sentence, those within a clause and the shortest first. An instance
 * across clauses gives way to one within a clause that needs its words; an instance that says a sign
 * is absent and one that says it is there cannot overlap (the better one stays).
 * Instances may otherwise share words ("my legs are numb and weak").
 */
export function assembleFrames<Term>(search: FrameSearch<Term>): FrameInstance<Term>[] {
  const { hits, framesByConcept } = search;
  if (hits.length < 2) return [];
  const byConcept = new Map<number, ConceptHit[]>();
  for (const hit of hits) {
    for (const concept of hit.concepts) {
      const list = byConcept.get(concept);
      if (list) list.push(hit);
      else byConcept.set(concept, [hit]);
    }
  }
  // Each concept's frames, in the order the concepts first appear.
  const frames = new Set<CompiledFrame<Term>>();
  for (const concept of byConcept.keys()) for (const frame of framesByConcept[concept] ?? []) frames.add(frame);
  const candidates: FrameInstance<Term>[] = [];
  for (const frame of frames) {
    if (!frame.slots.every((slot) => slot.some((concept) => byConcept.has(concept)))) continue;
    const fillers = frame.slots.map((slot) => (slot.length === 1 ? byConcept.get(slot[0]!)! : slotFillers(slot, byConcept)));
    for (let opened = 0; opened < fillers.length; opened++) {
      for (const opener of fillers[opened]!) {
        const instance = instanceFrom(search, frame, fillers, opener, opened);
        if (instance && !blocked(search, instance) && !candidates.some((other) => sameInstance(other, instance))) {
          candidates.push(instance);
        }
      }
    }
  }
  candidates.sort((a, b) => rankOf(search, a) - rankOf(search, b) || a.firstToken - b.firstToken);
  const kept: FrameInstance<Term>[] = [];
  for (const candidate of candidates) {
    const clashes = kept.some((other) => {
      const overlaps = other.firstToken < candidate.endToken && candidate.firstToken < other.endToken;
      // An instance across clauses does not borrow a word of a later clause that an instance within
      // that clause uses ("No numbness, legs feel weak": the legs are the weak ones). A word of an
      // earlier clause may be shared ("The pain stopped him sleeping, and was getting worse").
      const yields =
        crossesClause(search, candidate) &&
        !crossesClause(search, other) &&
        other.fillers.some((filler) => filler.start > candidate.firstToken && candidate.fillers.includes(filler));
      // Instances of one term that share a word are one mention: the better one stands (a mark stays
      // short). Apart from that they may overlap, unless one says the sign is absent and the other not:
      // then they may not share a word either ("a lot of pain... my bladder is fine" is no frequent
      // peeing: the bladder is the fine one).
      const sameTerm = other.frame.term === candidate.frame.term;
      const sharesWord = other.fillers.some((filler) => candidate.fillers.includes(filler));
      const denial = other.frame.absent !== candidate.frame.absent;
      return (sameTerm && (sharesWord || (overlaps && denial))) || (sharesWord && denial) || yields;
    });
    if (!clashes) kept.push(candidate);
  }
  return kept.sort((a, b) => a.firstToken - b.firstToken);
}
