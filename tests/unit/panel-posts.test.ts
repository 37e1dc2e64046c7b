import { describe, expect, it } from 'vitest';
import { postCounts, postsThatMatter } from '../../lib/panel/posts';
import type { PostSummary } from '../../lib/types';

const post = (index: number, urgency: PostSummary['urgency']): PostSummary => ({
  index,
  author: `poster${index}`,
  time: null,
  urgency,
  subject: 'writer',
});

describe('posts that matter', () => {
  const posts = [post(0, 'urgent'), post(1, 'routine'), post(2, 'emergency'), post(3, 'none'), post(4, 'urgent'), post(5, 'soon')];

  it('lists posts needing care, most urgent first, then in page order', () => {
    expect(postsThatMatter({ posts }).map((found) => found.index)).toEqual([2, 0, 4, 5]);
    expect(postCounts(postsThatMatter({ posts }))).toEqual([
      { urgency: 'emergency', count: 1 },
      { urgency: 'urgent', count: 2 },
      { urgency: 'soon', count: 1 },
    ]);
  });

  it('lists nothing for a page that is not a thread', () => {
    expect(postsThatMatter({})).toEqual([]);
    expect(postsThatMatter({ posts: [post(0, 'emergency')] })).toEqual([]);
  });
});
