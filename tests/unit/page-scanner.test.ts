import { describe, expect, it } from 'vitest';
import { nextChunkSize } from '../../lib/page/scanner';

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
