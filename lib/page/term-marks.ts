/**
 * Marks where they help: an ordinary term in a heading, a menu, a breadcrumb trail or a list of
 * links is the page's furniture (a site's "Sciatica" menu item says nothing about the reader), so
 * only red flags are marked there. The scanner asks this for each term it would mark.
 */

/** Headings, navigation and breadcrumb trails, by element, role and the names sites give them. */
const FURNITURE = [
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', '[role="heading"]',
  'nav', '[role="navigation"]', '[role="menu"]', '[role="menubar"]', '[role="tablist"]',
  '[aria-label*="breadcrumb" i]', '[class*="breadcrumb" i]', '[itemtype*="BreadcrumbList"]',
].join(',');

/** A list whose items are this much link text (or more) is a list of links. */
const LINK_LIST_SHARE = 0.8;

/** Per list, whether it is a list of links (its text does not change while it is scanned). */
const linkLists = new WeakMap<Element, boolean>();

function isLinkList(list: Element): boolean {
  const known = linkLists.get(list);
  if (known !== undefined) return known;
  const items = [...list.children].filter((child) => child.localName === 'li');
  const linkList =
    items.length >= 2 &&
    items.every((item) => {
      const text = item.textContent?.trim().length ?? 0;
      const linked = [...item.querySelectorAll('a')].reduce((sum, link) => sum + (link.textContent?.trim().length ?? 0), 0);
      return text > 0 && linked / text >= LINK_LIST_SHARE;
    });
  linkLists.set(list, linkList);
  return linkList;
}

/** Whether text inside `element` may carry ordinary term marks (red flags are marked anywhere). */
export function mayCarryTermMarks(element: Element | null): boolean {
  if (element === null) return true;
  if (element.closest(FURNITURE)) return false;
  const list = element.closest('li')?.parentElement;
  return !(list && (list.localName === 'ul' || list.localName === 'ol') && isLinkList(list));
}
