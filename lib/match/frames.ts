/**
 * Frames: a term found as concept slots in any order within one sentence and one line, a few words
 * apart, with nothing between them that starts a new statement ("but", "however"): {legs} x {numb} finds "my legs
 * went numb", "numbness in both legs", "pins and needles, which spread over my legs". Where a concept
 * could fill a slot twice, the nearest filler is taken, and an instance within one clause beats one
 * that spans clauses.
 */
import type { Frame } from '../../content-data/schema';
import type { ConceptHit } from './concepts';

/** The most tokens a frame instance may span, from its first word to its last. */
export const MAX_FRAME_TOKENS = 10;
/** An `unless` concept counts this many tokens either side of the instance ("lost 10 kg this year with the gym"). */
const UNLESS_REACH = 6;

export interface CompiledFrame<Term> {
  term: Term;
  /** Concept indices that may fill each slot. */
  slots: number[][];
  absent: boolean;
  unless: number[];
  /** Concept indices one of which must be near (see FrameSearch.isNear). */
  near: number[];
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

const fills = (hit: ConceptHit, slot: readonly number[]) => hit.concepts.some((concept) => slot.includes(concept));

/** The instance of `frame` that hits[at] opens in its first slot, with the nearest filler of each other slot. */
function instanceFrom<Term>(search: FrameSearch<Term>, frame: CompiledFrame<Term>, at: number): FrameInstance<Term> | null {
  const { hits } = search;
  const chosen = [hits[at]!];
  for (const slot of frame.slots.slice(1)) {
    let best: ConceptHit | undefined;
    let bestDistance = Infinity;
    for (const hit of hits) {
      if (!fills(hit, slot) || chosen.includes(hit)) continue;
      const distance = Math.abs(hit.start - hits[at]!.start);
      if (distance < bestDistance) [best, bestDistance] = [hit, distance];
    }
    if (!best) return null;
    chosen.push(best);
  }
  chosen.sort((a, b) => a.start - b.start);
  for (let i = 1; i < chosen.length; i++) if (chosen[i]!.start < chosen[i - 1]!.end) return null;
  const firstToken = chosen[0]!.start;
  const endToken = chosen.at(-1)!.end;
  if (endToken - firstToken > MAX_FRAME_TOKENS || search.lineOf(firstToken) !== search.lineOf(endToken - 1)) return null;
  if (search.breaksBetween(firstToken, endToken)) return null;
  return { frame, fillers: chosen, firstToken, endToken };
}

function blocked<Term>(search: FrameSearch<Term>, instance: FrameInstance<Term>): boolean {
  const { unless, near } = instance.frame;
  if (near.length > 0 && !search.isNear(near)) return true;
  if (unless.length === 0) return false;
  return search.hits.some(
    (hit) =>
      hit.end > instance.firstToken - UNLESS_REACH &&
      hit.start < instance.endToken + UNLESS_REACH &&
      hit.concepts.some((concept) => unless.includes(concept)),
  );
}

const crossesClause = <Term>(search: FrameSearch<Term>, instance: FrameInstance<Term>) =>
  search.clauseOf(instance.firstToken) !== search.clauseOf(instance.endToken - 1);

/**
 * Every frame instance in one sentence. Of the instances of one term, those within a clause and the
 * shortest are kept first, and no two share a filler or overlap; instances of different terms may
 * share words ("my legs are numb and weak").
 */
export function assembleFrames<Term>(search: FrameSearch<Term>): FrameInstance<Term>[] {
  const { hits, framesByConcept } = search;
  if (hits.length < 2) return [];
  const candidates: FrameInstance<Term>[] = [];
  const tried = new Set<CompiledFrame<Term>>();
  for (const hit of hits) {
    for (const concept of hit.concepts) {
      for (const frame of framesByConcept[concept] ?? []) {
        if (tried.has(frame)) continue;
        tried.add(frame);
        hits.forEach((opener, at) => {
          if (!fills(opener, frame.slots[0]!)) return;
          const instance = instanceFrom(search, frame, at);
          if (instance && !blocked(search, instance)) candidates.push(instance);
        });
      }
    }
  }
  const rank = (instance: FrameInstance<Term>) =>
    (crossesClause(search, instance) ? 1000 : 0) + instance.endToken - instance.firstToken;
  candidates.sort((a, b) => rank(a) - rank(b) || a.firstToken - b.firstToken);
  const kept: FrameInstance<Term>[] = [];
  for (const candidate of candidates) {
    const clashes = kept.some((other) => {
      const overlaps = other.firstToken < candidate.endToken && candidate.firstToken < other.endToken;
      // An instance across clauses gives way to one within a clause that uses its words ("No
      // numbness, legs feel weak": the legs are the weak ones).
      const yields =
        crossesClause(search, candidate) &&
        !crossesClause(search, other) &&
        other.fillers.some((filler) => candidate.fillers.includes(filler));
      return (other.frame.term === candidate.frame.term && overlaps) || yields;
    });
    if (!clashes) kept.push(candidate);
  }
  return kept.sort((a, b) => a.firstToken - b.firstToken);
}
