/** The real bundled content, through the real loader. */
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { RED_FLAG_IDS, RED_FLAG_URGENCY_FLOORS, TOPIC_IDS } from '../../content-data/build';
import { loadKnowledgeBase } from '../../content-data/load';
import { RedFlagSchema, URGENCIES, type KnowledgeBase } from '../../content-data/schema';

const redFlagFile = v.parse(
  v.array(RedFlagSchema),
  JSON.parse(readFileSync(new URL('../../content-data/red-flags.json', import.meta.url), 'utf8')),
);

describe('red-flags.json', () => {
  it('holds the 11 red flags of CONTENT.md, in its order', () => {
    expect(redFlagFile.map((flag) => flag.id)).toEqual(RED_FLAG_IDS);
  });

  it.each(redFlagFile)('$id: meets its urgency floor and asks one yes/no question', (flag) => {
    const floor = RED_FLAG_URGENCY_FLOORS[flag.id as keyof typeof RED_FLAG_URGENCY_FLOORS];
    expect(URGENCIES.indexOf(flag.urgency)).toBeLessThanOrEqual(URGENCIES.indexOf(floor));
    expect(flag.question).toMatch(/^[^?]+\?$/);
  });

  it.each(redFlagFile.filter((flag) => flag.urgency === 'emergency'))(
    '$id: an emergency action says where to go and which numbers to call',
    (flag) => {
      expect(flag.action).toMatch(/emergency department/);
      expect(flag.action).toContain('999/911/112');
    },
  );

  it.each(redFlagFile.filter((flag) => flag.urgency === 'urgent'))('$id: an urgent action says to act today', (flag) => {
    expect(flag.action).toMatch(/\btoday\b|same day/);
  });
});

describe('the knowledge base', () => {
  let kb: KnowledgeBase;
  // Loaded here, not at collection, so a content problem fails these tests and not the red-flag ones.
  beforeAll(() => {
    kb = loadKnowledgeBase();
  });

  it('has every CONTENT.md topic and red flag', () => {
    expect(kb.topics.map((topic) => topic.id)).toEqual(expect.arrayContaining([...TOPIC_IDS]));
    expect(kb.redFlags.map((flag) => flag.id)).toEqual(RED_FLAG_IDS);
  });

  it('gives every topic the terms that point to it', () => {
    for (const topic of kb.topics) {
      expect(topic.terms.length, topic.id).toBeGreaterThan(0);
      for (const termId of topic.terms) {
        expect(kb.terms.find((term) => term.id === termId)?.topics, `${topic.id} <- ${termId}`).toContain(topic.id);
      }
    }
  });
});
