import { afterEach, describe, expect, it, vi } from 'vitest';
import { isPartName, partLoader, PART_FILES, PART_WAIT_MS, providePart } from '../../lib/page/parts';

const shelf = globalThis as { __backPainLensParts?: object };
const mount = (() => null) as never;

describe('the parts of the content script loaded later', () => {
  afterEach(() => {
    delete shelf.__backPainLensParts;
  });

  it('asks for a part once, however many wait for it, and hands over what its file provided', async () => {
    const inject = vi.fn(async () => providePart('hover-card', mount));
    const load = partLoader(inject);
    const [first, second] = await Promise.all([load('hover-card'), load('hover-card')]);
    expect(first).toBe(mount);
    expect(second).toBe(mount);
    expect(await load('hover-card')).toBe(mount);
    expect(inject).toHaveBeenCalledTimes(1);
    expect(inject).toHaveBeenCalledWith('hover-card');
  });

  it('uses a part as soon as its file has run, before the background answers', async () => {
    const load = partLoader(() => {
      setTimeout(() => providePart('post-finder', mount), 0);
      return new Promise(() => undefined);
    });
    expect(await load('post-finder')).toBe(mount);
  });

  it('fails when the part did not arrive (the extension went away) and asks again on the next use', async () => {
    const inject = vi.fn().mockRejectedValueOnce(new Error('gone')).mockResolvedValueOnce(undefined).mockImplementationOnce(async () => providePart('hover-card', mount));
    const load = partLoader(inject);
    await expect(load('hover-card')).rejects.toThrow('did not load');
    await expect(load('hover-card')).rejects.toThrow('did not load');
    expect(await load('hover-card')).toBe(mount);
    expect(inject).toHaveBeenCalledTimes(3);
  });

  it('goes on without a part whose background never answers, and asks again on the next use', async () => {
    vi.useFakeTimers();
    try {
      const inject = vi.fn(() => new Promise(() => undefined));
      const load = partLoader(inject);
      const first = expect(load('post-finder')).rejects.toThrow('did not load');
      await vi.advanceTimersByTimeAsync(PART_WAIT_MS);
      await first;
      void load('post-finder').catch(() => undefined);
      expect(inject).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('knows a part by name only, each with a file of its own', () => {
    expect(Object.keys(PART_FILES).every(isPartName)).toBe(true);
    expect(new Set(Object.values(PART_FILES)).size).toBe(Object.keys(PART_FILES).length);
    for (const stray of ['content-script', 'toString', '__proto__', 42, null]) expect(isPartName(stray)).toBe(false);
  });
});
