// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPosts } from '../../lib/page/posts';
import { mayBeThread } from '../../lib/page/posts/signs';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');

function page(folder: string, name: string): Document {
  return new DOMParser().parseFromString(readFileSync(resolve(FIXTURES, folder, name), 'utf8'), 'text/html');
}

const pages = (folder: string) => readdirSync(resolve(FIXTURES, folder)).filter((name) => name.endsWith('.html'));

describe('the signs that a page may be a thread (the post finder loads only then)', () => {
  it.each(pages('threads'))('are on every engine fixture, where posts are found: %s', (name) => {
    const document = page('threads', name);
    expect(findPosts(document).posts.length).toBeGreaterThan(0);
    expect(mayBeThread(document)).toBe(true);
  });

  it('are on every test page where posts are found, and missing from pages of plain text', () => {
    const read = pages('pages').map((name) => {
      const document = page('pages', name);
      return { name, posts: findPosts(document).posts.length, signs: mayBeThread(document) };
    });
    expect(read.filter((found) => found.posts > 0 && !found.signs)).toEqual([]);
    expect(read.find((found) => found.name === 'demo-forum.html')).toMatchObject({ signs: true });
    for (const plain of ['page-carer.html', 'page-long-thread.html', 'page-weak-legs.html', 'blank.html']) {
      expect(read.find((found) => found.name === plain)).toMatchObject({ posts: 0, signs: false });
    }
  });

  it('are seen in posts that arrive as engine markup alone', () => {
    const document = page('pages', 'blank.html');
    document.body.innerHTML = '<shreddit-post author="a">words</shreddit-post>';
    expect(mayBeThread(document)).toBe(true);
  });
});
