import { describe, expect, it } from 'vitest';
import { chunkEnd, nextChunkSize } from '../../lib/page/scanner';

describe('chunkEnd', () => {
  const text = 'aaaa\nbbbb\ncccc\ndddd';
  it('cuts after the last block separator before the wanted size', () => {
    expect(chunkEnd(text, 0, 12)).toBe(10);
    expect(text.slice(0, chunkEnd(text, 0, 12))).toBe('aaaa\nbbbb\n');
  });
  it('runs on to the next separator when a block is longer than the size', () => {
    expect(chunkEnd(text, 5, 2)).toBe(10);
  });
  it('ends at the text end', () => {
    expect(chunkEnd(text, 10, 100)).toBe(text.length);
    expect(chunkEnd('no separators at all', 0, 3)).toBe(20);
  });
});

describe('nextChunkSize', () => {
  it('sizes chunks to the measured rate and the target time, within bounds', () => {
    expect(nextChunkSize(8_000, 2, 8_000)).toBe(8_000);
    expect(nextChunkSize(8_000, 4, 8_000)).toBe(4_000);
    expect(nextChunkSize(8_000, 1_000, 8_000)).toBe(1_000);
    expect(nextChunkSize(4_000, 0, 4_000)).toBe(8_000);
    expect(nextChunkSize(12_000, 0, 12_000)).toBe(16_000);
    expect(nextChunkSize(100_000, 1, 8_000)).toBe(16_000);
  });
});
