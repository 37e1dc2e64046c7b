// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { BatchedObserver, FULL_RESCAN_THRESHOLD, outermost, reduceMutations } from '../../lib/page/mutations';

/** The records a real MutationObserver delivers for `change`. */
async function recordsOf(change: () => void): Promise<MutationRecord[]> {
  const records: MutationRecord[] = [];
  const observer = new MutationObserver((batch) => records.push(...batch));
  observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributeFilter: ['hidden'] });
  change();
  await new Promise((resolve) => setTimeout(resolve, 0));
  observer.disconnect();
  return records;
}

beforeEach(() => {
  document.body.innerHTML = '<main id="thread"><article id="a"><p id="p">first <b id="b">post</b></p></article></main><textarea id="t"></textarea>';
});

describe('reduceMutations', () => {
  it('rescans the block that holds an added inline node or appended post', async () => {
    const records = await recordsOf(() => {
      document.getElementById('b')!.append(document.createElement('i'));
      const post = document.createElement('article');
      post.innerHTML = '<p>new <b>sciatica</b> post</p>';
      document.getElementById('thread')!.append(post);
    });
    const work = reduceMutations(records);
    expect(work.fullRescan).toBe(false);
    expect(work.containers.map((node) => (node as Element).id || (node as Element).localName).sort()).toEqual(['article', 'p']);
    expect(work.textLost).toBe(false);
  });

  it('rescans the block of edited text and flags that text was lost', async () => {
    const records = await recordsOf(() => {
      (document.getElementById('b')!.firstChild as Text).data = 'posts';
    });
    const work = reduceMutations(records);
    expect(work.containers).toEqual([document.getElementById('p')]);
    expect(work.textLost).toBe(true);
  });

  it('flags removals and ignores additions inside skipped subtrees', async () => {
    const records = await recordsOf(() => {
      document.getElementById('b')!.remove();
      document.getElementById('t')!.append(document.createTextNode('sciatica'));
    });
    const work = reduceMutations(records);
    expect(work.textLost).toBe(true);
    expect(work.containers).toEqual([]);
  });

  it('rescans around an element that was hidden or shown', async () => {
    const records = await recordsOf(() => {
      document.getElementById('p')!.hidden = true;
    });
    expect(reduceMutations(records).containers).toEqual([document.getElementById('a')]);
  });

  it('asks for one full rescan above the added-node threshold', async () => {
    const records = await recordsOf(() => {
      const thread = document.getElementById('thread')!;
      for (let i = 0; i <= FULL_RESCAN_THRESHOLD; i++) thread.append(document.createElement('p'));
    });
    const work = reduceMutations(records);
    expect(work.fullRescan).toBe(true);
    expect(work.containers).toEqual([]);
  });
});

describe('outermost', () => {
  it('keeps only containers not inside another', () => {
    const thread = document.getElementById('thread')!;
    const paragraph = document.getElementById('p')!;
    expect(outermost([paragraph, thread, paragraph])).toEqual([thread]);
  });
});

describe('BatchedObserver', () => {
  it('delivers the records of one window in a single batch', async () => {
    const batches: MutationRecord[][] = [];
    const observer = new BatchedObserver((records) => batches.push(records), 30);
    observer.observe(document.body);
    document.body.append(document.createElement('p'));
    await new Promise((resolve) => setTimeout(resolve, 5));
    document.body.append(document.createElement('p'));
    await new Promise((resolve) => setTimeout(resolve, 60));
    observer.disconnect();
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(2);
  });
});
