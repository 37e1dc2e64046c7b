// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { BatchedObserver, FULL_RESCAN_RECORDS, reduceMutations } from '../../lib/page/mutations';
import type { Region } from '../../lib/page/pieces';

/** The records a real MutationObserver delivers for `change`. */
async function recordsOf(change: () => void): Promise<MutationRecord[]> {
  const records: MutationRecord[] = [];
  const observer = new MutationObserver((batch) => records.push(...batch));
  observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributeFilter: ['hidden', 'contenteditable'] });
  change();
  await new Promise((resolve) => setTimeout(resolve, 0));
  observer.disconnect();
  return records;
}

const everywhere = () => true;
const named = (node: Node) => (node instanceof Element ? node.id || node.localName : (node as Text).data);
const described = (regions: Region[]) => regions.map(({ low, high }) => `${low.edge} ${named(low.node)} / ${high.edge} ${named(high.node)}`);

beforeEach(() => {
  document.body.innerHTML =
    '<main id="thread"><article id="a"><p id="p">first <b id="b">post</b></p></article><article id="c"><p>second</p></article></main><textarea id="t"></textarea>';
});

describe('reduceMutations', () => {
  it('gives each added node as a region of its own', async () => {
    const records = await recordsOf(() => {
      document.getElementById('b')!.append(document.createElement('i'));
      const post = document.createElement('article');
      post.id = 'new';
      post.innerHTML = '<p>new <b>sciatica</b> post</p>';
      document.getElementById('thread')!.append(post);
    });
    const work = reduceMutations(records, everywhere);
    expect(work.fullRescan).toBe(false);
    expect(described(work.regions)).toEqual(['before i / after i', 'before new / after new']);
  });

  it('gives edited text as its region', async () => {
    const records = await recordsOf(() => {
      (document.getElementById('b')!.firstChild as Text).data = 'posts';
    });
    expect(described(reduceMutations(records, everywhere).regions)).toEqual(['before posts / after posts']);
  });

  it('gives a removal as the place between the siblings it left', async () => {
    const records = await recordsOf(() => document.getElementById('a')!.remove());
    expect(described(reduceMutations(records, everywhere).regions)).toEqual(['before thread / before c']);
  });

  it('follows siblings removed later in the batch to the one still there, as when a chat trims its oldest lines', async () => {
    document.getElementById('thread')!.innerHTML = Array.from({ length: 6 }, (_, i) => `<p id="m${i}">line ${i}</p>`).join('');
    const records = await recordsOf(() => {
      for (let i = 0; i < 3; i++) document.getElementById('thread')!.firstElementChild!.remove();
    });
    expect(described(reduceMutations(records, everywhere).regions)).toEqual(['before thread / before m3']);
  });

  it('gives lines appended one by one as one region, as a busy chat adds them', async () => {
    const records = await recordsOf(() => {
      for (let i = 0; i < 300; i++) {
        const line = document.createElement('p');
        line.id = `line${i}`;
        line.textContent = `line ${i}`;
        document.getElementById('thread')!.append(line);
      }
      document.getElementById('b')!.append(' and more');
    });
    expect(records).toHaveLength(301);
    expect(described(reduceMutations(records, everywhere).regions)).toEqual(['before line0 / after line299', 'before  and more / after  and more']);
  });

  it('ignores changes inside skipped subtrees, in our own card, and outside the scanned part', async () => {
    const records = await recordsOf(() => {
      document.getElementById('t')!.append(document.createTextNode('sciatica'));
      document.body.append(document.createElement('bpl-hover-card'));
      document.getElementById('c')!.append(document.createTextNode('outside'));
    });
    const work = reduceMutations(records, (node) => !document.getElementById('c')!.contains(node));
    expect(work.regions).toEqual([]);
  });

  it('gives an element that was hidden, shown or made editable as its region', async () => {
    const records = await recordsOf(() => {
      document.getElementById('p')!.hidden = true;
      document.getElementById('c')!.setAttribute('contenteditable', '');
    });
    expect(described(reduceMutations(records, everywhere).regions)).toEqual(['before p / after p', 'before c / after c']);
  });

  it('asks for one full rescan above the record threshold', async () => {
    const [record] = await recordsOf(() => document.getElementById('thread')!.append(document.createElement('p')));
    const flood = Array.from({ length: FULL_RESCAN_RECORDS + 1 }, () => record!);
    expect(reduceMutations(flood, everywhere)).toEqual({ fullRescan: true, regions: [] });
    expect(reduceMutations(flood.slice(0, FULL_RESCAN_RECORDS), everywhere).fullRescan).toBe(false);
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
