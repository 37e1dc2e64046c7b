// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mayCarryTermMarks } from '../../lib/page/term-marks';

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}
const at = (selector: string) => document.querySelector(selector);

describe('mayCarryTermMarks', () => {
  it('keeps marks in the prose of posts, quotes and lists of sentences', () => {
    page(`<article><p id="p">My <b id="b">sciatica</b> is back.</p><blockquote id="q">sciatica</blockquote>
      <ul><li id="tip">Walking helps my sciatica; see <a href="#">this thread</a>.</li><li>Heat helps too.</li></ul></article>`);
    for (const selector of ['#p', '#b', '#q', '#tip']) expect(mayCarryTermMarks(at(selector)), selector).toBe(true);
    expect(mayCarryTermMarks(null)).toBe(true);
  });

  it('leaves out headings, navigation, menus and breadcrumb trails', () => {
    page(`<h1 id="h1">Sciatica</h1><h3><span id="h3">Back pain</span></h3><div role="heading" id="aria">Sciatica</div>
      <nav><a id="nav" href="#">Sciatica</a></nav><div role="navigation"><span id="role-nav">MRI</span></div>
      <ul role="menubar"><li id="menu">Back pain</li></ul>
      <div class="site-breadcrumbs"><span id="crumb">Lower back</span></div>
      <ol aria-label="Breadcrumb"><li id="crumb-aria">Sciatica</li></ol>`);
    for (const selector of ['#h1', '#h3', '#aria', '#nav', '#role-nav', '#menu', '#crumb', '#crumb-aria']) {
      expect(mayCarryTermMarks(at(selector)), selector).toBe(false);
    }
  });

  it('leaves out lists of links, but not a list whose items only hold a link', () => {
    page(`<ul id="links"><li><a id="l1" href="#">Sciatica exercises</a></li><li><a href="#">Living with back pain</a></li></ul>
      <ol><li id="mixed">I had an MRI last week, <a href="#">report here</a></li><li><a href="#">Back pain</a></li></ol>
      <ul><li><a id="single" href="#">Sciatica</a></li></ul>`);
    expect(mayCarryTermMarks(at('#l1'))).toBe(false);
    expect(mayCarryTermMarks(at('#mixed'))).toBe(true);
    expect(mayCarryTermMarks(at('#single'))).toBe(true);
  });
});
