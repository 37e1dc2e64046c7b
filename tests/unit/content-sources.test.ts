import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../content-data/load';
import { SOURCE_KINDS } from '../../content-data/schema';

const kb = loadKnowledgeBase();
const kindOf = new Map(kb.sources.map((source) => [source.id, source.kind]));
const rank = (id: string) => SOURCE_KINDS.indexOf(kindOf.get(id)!);

describe('sources of the red flags', () => {
  it('come most authoritative first: national guidance, journals, medical centres, consumer sites', () => {
    for (const redFlag of kb.redFlags) {
      const ranks = redFlag.sources.map(rank);
      expect(ranks, `${redFlag.id}: ${redFlag.sources.join(', ')}`).toEqual([...ranks].sort((a, b) => a - b));
    }
  });

  it('lead with national guidance or a journal wherever the red flag cites one', () => {
    for (const redFlag of kb.redFlags) {
      const kinds = redFlag.sources.map((id) => kindOf.get(id));
      if (kinds.includes('national') || kinds.includes('journal')) expect(kinds[0], redFlag.id).toMatch(/^(national|journal)$/);
    }
  });

  it('name the current NICE guideline (NG234) before the one it replaced (CG75)', () => {
    for (const redFlag of kb.redFlags) {
      const [current, replaced] = [redFlag.sources.indexOf('nice-ng234'), redFlag.sources.indexOf('nice-cg75')];
      if (current >= 0 && replaced >= 0) expect(current, redFlag.id).toBeLessThan(replaced);
    }
  });
});
