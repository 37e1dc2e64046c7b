/**
 * Getting to help, calmly (issue 11), in Chromium: the popup leads to the side panel, pausing works
 * on a real host name, the self-check shows an emergency where it is answered, the hover card says
 * whether a mention counted, keyboard users reach the red flags, and the panel and the lookups stay
 * calm and readable. The fixture server is reached as forum.example.com (a real-looking host).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadKnowledgeBase } from '../../content-data/load';
import { launchChromium, startFixtureServer, type ChromiumSession, type FixtureServer } from './harness';
import { inHoverCard, installRangeHelpers } from './page-helpers';
import { axeViolations, axeViolationsInHoverCard, listenAsPanel, openExtensionPage, openPopupFor, tabOfPage } from './ui-helpers';

const HOST = 'forum.example.com';
const SCHEMES = ['light', 'dark'] as const;

describe('getting to help, calmly, in Chromium', () => {
  let session: ChromiumSession;
  let server: FixtureServer;
  const at = (path: string) => new URL(path, server.origin.replace('127.0.0.1', HOST)).href;

  beforeAll(async () => {
    server = await startFixtureServer();
    session = await launchChromium({ args: [`--host-resolver-rules=MAP ${HOST} 127.0.0.1`] });
    await installRangeHelpers(session.context);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  async function openScanned(path: string): Promise<Page> {
    const page = await session.context.newPage();
    await page.goto(at(path));
    await page.waitForFunction(() => performance.getEntriesByName('bpl:scan').length > 0);
    return page;
  }

  const markCount = (page: Page) =>
    page.evaluate(() => window.bplMarks('term').length + window.bplMarks('red-flag').length);

  /** What the open hover card shows (null when none is open), read through its closed shadow root. */
  const cardState = (page: Page) =>
    inHoverCard(page, (root) => {
      const card = root.querySelector('.card');
      if (!card) return null;
      return {
        term: card.querySelector('.term q')?.textContent ?? '',
        status: card.querySelector('.status')?.textContent ?? null,
        badges: card.querySelectorAll('.bpl-badge').length,
        definition: card.querySelector('.definition')?.textContent ?? '',
        focused: (root.activeElement as HTMLElement | null)?.className ?? null,
      };
    });

  /** Click the mark whose text is `text` and wait for its card. */
  async function openCard(page: Page, text: string) {
    const markPoint = () =>
      page.evaluate((wanted) => {
        const marks = [...window.bplMarks('red-flag'), ...window.bplMarks('term')];
        const mark = marks.find((range) => window.bplRangeText(range) === wanted);
        if (!mark) return null;
        const rect = window.bplRangeRect(mark);
        return { x: rect.left + 3, y: rect.top + rect.height / 2 };
      }, text);
    // Marks near the viewport are registered after the observer's report, a rendering after the scan.
    await expect.poll(markPoint, { message: `no mark "${text}"` }).not.toBeNull();
    const point = (await markPoint())!;
    await page.mouse.click(point.x, point.y);
    await expect.poll(() => cardState(page)).not.toBeNull();
    return (await cardState(page))!;
  }

  it('popup: its urgency line and "Open side panel" open the panel on this page’s findings', async () => {
    const forum = await openScanned('/ui-forum.html');
    const { tabId } = await tabOfPage(session, forum);
    const panel = await openExtensionPage(session, 'sidepanel.html');

    for (const control of ['line', 'button'] as const) {
      await panel.getByRole('button', { name: 'All topics' }).click();
      const popup = await openPopupFor(session, tabId);
      const line = popup.locator('button.bpl-page-line');
      await expect.poll(() => line.innerText()).toMatch(/^Emergency\s+Red flags: \d+\. Topics: \d+\.$/);
      const closed = popup.waitForEvent('close');
      await (control === 'line' ? line : popup.getByRole('button', { name: 'Open side panel' })).click();
      await closed;
      await expect.poll(() => panel.locator('main h2').first().innerText()).toBe('On this page');
    }
    // With the forum in front, the panel shows its findings, the emergency first.
    await forum.bringToFront();
    await expect.poll(() => panel.getByRole('alert').innerText(), { timeout: 15_000 }).toContain('Stop: call 999');
    await Promise.all([panel.close(), forum.close()]);
  });

  it('pauses on a real host name from the popup, says so, lists the site in the settings and resumes from there', async () => {
    const forum = await openScanned('/ui-forum.html');
    expect(await markCount(forum)).toBeGreaterThan(0);
    const { tabId } = await tabOfPage(session, forum);
    const popup = await openPopupFor(session, tabId);
    const site = popup.getByRole('switch', { name: `Pause on ${HOST}` });
    expect(await site.isDisabled()).toBe(false);
    await site.check();
    await expect.poll(() => markCount(forum)).toBe(0);
    await expect.poll(() => popup.locator('.bpl-page-line').innerText()).toBe('Paused on this site: nothing is highlighted here.');
    for (const scheme of SCHEMES) {
      await popup.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(popup), scheme).toEqual([]);
    }
    await popup.getByRole('switch', { name: 'Pause everywhere' }).check();
    await expect.poll(() => popup.locator('.bpl-page-line').innerText()).toBe('Paused everywhere: nothing is highlighted.');
    await popup.getByRole('switch', { name: 'Pause everywhere' }).uncheck();
    await popup.close();

    // A page loaded while paused still tells the popup its site, so it can be resumed there.
    await forum.reload();
    const reloaded = await openPopupFor(session, (await tabOfPage(session, forum)).tabId);
    await expect.poll(() => reloaded.getByRole('switch', { name: `Pause on ${HOST}` }).isChecked()).toBe(true);
    expect(await markCount(forum)).toBe(0);
    await reloaded.close();

    const options = await openExtensionPage(session, 'options.html');
    expect(await options.locator('.bpl-sites').innerText()).toContain(HOST);
    await options.getByRole('button', { name: `Remove ${HOST} from the paused sites` }).click();
    await expect.poll(() => options.locator('main').innerText()).toContain('No paused sites');
    await expect.poll(() => markCount(forum)).toBeGreaterThan(0);
    await Promise.all([options.close(), forum.close()]);
  });

  it('self-check: a "yes" to an emergency question shows the emergency right there, with focus; no early reassurance', async () => {
    const panel = await openExtensionPage(session, 'sidepanel.html');
    await panel.getByRole('button', { name: 'Self-check' }).click();
    const questions = panel.locator('fieldset.bpl-question');
    const result = panel.locator('.bpl-result');
    // Every question but the first (an emergency one) answered "no": not yet reassuring.
    const count = await questions.count();
    for (let index = 1; index < count; index++) await questions.nth(index).getByLabel('No', { exact: true }).check();
    expect(await result.innerText()).toContain('Answer the emergency questions first: 1 not answered yet.');
    expect(await result.innerText()).not.toContain('None of your answers is a warning sign');

    const first = questions.first();
    await first.getByLabel('Yes', { exact: true }).check();
    const banner = first.getByRole('alert');
    expect(await banner.innerText()).toContain('Stop: call 999 / 911 / 112 or go to an emergency department now');
    await expect.poll(() => banner.evaluate((element) => element === document.activeElement)).toBe(true);
    for (const scheme of SCHEMES) {
      await panel.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(panel), scheme).toEqual([]);
    }
    await first.getByLabel('No', { exact: true }).check();
    expect(await panel.getByRole('alert').count()).toBe(0);
    expect(await result.innerText()).toContain('None of your answers is a warning sign');
    await panel.close();
  });

  it('hover card: says whether each mention counted, the urgency only when it did, and what the term means', async () => {
    const page = await openScanned('/page-contexts.html');
    const cases = [
      ["can't hold my pee", 'You say you have this.', true],
      ['had breast cancer', 'About someone else — not counted as yours.', false],
      ['numbness down there', 'Mentioned as absent — not counted.', false],
      ['lose bladder control', 'A possibility or advice — not counted.', false],
    ] as const;
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const [text, status, counted] of cases) {
        const card = await openCard(page, text);
        expect(card.status, text).toBe(status);
        expect(card.badges, text).toBe(counted ? 1 : 0);
        expect(card.definition.length, text).toBeGreaterThan(20);
        expect(await axeViolationsInHoverCard(page), `${text}, ${scheme}`).toEqual([]);
        await page.keyboard.press('Escape');
        await expect.poll(() => page.locator('bpl-hover-card').count()).toBe(0);
      }
    }
    await page.close();
  });

  it('keyboard: the red-flag commands and the panel’s buttons open each red flag’s card with focus; Tab goes back', async () => {
    const page = await openScanned('/ui-forum.html');
    const { tabId } = await tabOfPage(session, page);
    const command = (name: string) =>
      session.serviceWorker.evaluate(
        async ({ id, command: which }) => {
          const tab = await chrome.tabs.get(id);
          (chrome.commands.onCommand as unknown as { dispatch(...args: unknown[]): void }).dispatch(which, tab);
        },
        { id: tabId, command: name },
      );
    const cardTerm = async () => (await cardState(page))?.term;
    const focusInCard = async () => (await cardState(page))?.focused;

    // The first red flag of the page ("can't hold my pee"...), the next one, and back.
    await command('next-red-flag');
    await expect.poll(cardTerm).toMatch(/^can't hold my pee/);
    await expect.poll(focusInCard).toBe('open');
    const first = await cardTerm();
    await command('next-red-flag');
    // The card closes before the next one opens: wait for a card that is another one.
    await expect.poll(async () => [undefined, first].includes(await cardTerm())).toBe(false);
    const second = await cardTerm();
    await command('previous-red-flag');
    await expect.poll(cardTerm).toBe(first);

    // From the side panel's buttons too (the panel follows the page in front).
    const panel = await openExtensionPage(session, 'sidepanel.html');
    await page.bringToFront();
    await panel.getByRole('button', { name: 'Next red flag on the page' }).waitFor({ timeout: 15_000 });
    await panel.getByRole('button', { name: 'Next red flag on the page' }).click();
    await expect.poll(cardTerm).toBe(second);
    await panel.close();
    await page.close();

    // Tab out of the card: focus is back where it was.
    const contexts = await openScanned('/page-contexts.html');
    const contextsTab = await tabOfPage(session, contexts);
    await contexts.locator('#before-card').focus();
    await session.serviceWorker.evaluate(async (id) => {
      const tab = await chrome.tabs.get(id);
      (chrome.commands.onCommand as unknown as { dispatch(...args: unknown[]): void }).dispatch('next-red-flag', tab);
    }, contextsTab.tabId);
    await expect.poll(async () => (await cardState(contexts))?.term).toMatch(/^can't hold my pee/);
    await expect.poll(async () => (await cardState(contexts))?.focused).toBe('open');
    await contexts.keyboard.press('Tab');
    await expect.poll(() => contexts.locator('bpl-hover-card').count()).toBe(0);
    expect(await contexts.evaluate(() => document.activeElement?.id)).toBe('before-card');
    await contexts.close();
  });

  it('says "reads English only" for a page and a selection in another language, rather than "no matches"', async () => {
    const page = await openScanned('/page-spanish.html');
    const { tabId, windowId } = await tabOfPage(session, page);
    const popup = await openPopupFor(session, tabId);
    await expect.poll(() => popup.locator('.bpl-page-line').innerText()).toBe('Back Pain Lens reads English only for now.');
    await popup.close();

    const panel = await openExtensionPage(session, 'sidepanel.html');
    await page.bringToFront();
    await expect.poll(() => panel.locator('main').innerText(), { timeout: 15_000 }).toContain('Back Pain Lens reads English only for now.');
    for (const scheme of SCHEMES) {
      await panel.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(panel), scheme).toEqual([]);
    }

    const listener = await listenAsPanel(session, windowId);
    await page.evaluate(() => getSelection()!.selectAllChildren(document.getElementById('post')!));
    await session.serviceWorker.evaluate(async (id) => {
      const tab = await chrome.tabs.get(id);
      (chrome.commands.onCommand as unknown as { dispatch(...args: unknown[]): void }).dispatch('lookup-selection', tab);
    }, tabId);
    expect(await listener.nextRequest()).toMatchObject({ kind: 'lookup', english: false });
    await expect.poll(() => panel.locator('[aria-labelledby="bpl-lookup-results"]').innerText()).toContain('Back Pain Lens reads English only for now.');
    await Promise.all([listener.close(), panel.close(), page.close()]);
  });

  it('says calmly that a carer’s post is about someone else, in the popup, the badge and the panel, with the urgency for that person', async () => {
    const page = await openScanned('/page-carer.html');
    const { tabId } = await tabOfPage(session, page);
    const popup = await openPopupFor(session, tabId);
    // Mum's cancer and weak legs; the writer's own sciatica is no red flag.
    await expect
      .poll(() => popup.locator('.bpl-page-line').innerText())
      .toMatch(/^Emergency\s+These signs are about someone else, such as a person you care for\. Red flags: 2\. Topics: \d+\.$/);
    for (const scheme of SCHEMES) {
      await popup.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(popup), scheme).toEqual([]);
    }
    await popup.close();
    expect(await session.serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('2');

    const panel = await openExtensionPage(session, 'sidepanel.html');
    await page.bringToFront();
    const summary = panel.locator('.bpl-summary');
    await expect
      .poll(() => summary.innerText(), { timeout: 15_000 })
      .toContain('These signs are about someone else, such as a person you care for: Go to an emergency department or call emergency services now.');
    expect(await summary.innerText()).not.toContain('manage at home');
    expect(await panel.getByRole('alert').innerText()).toContain('this is the help they need now');
    expect(await panel.locator('[aria-labelledby="bpl-page-red-flags"] .bpl-card__title').allInnerTexts()).toContain(
      'New weakness or heaviness in the legs',
    );
    expect(await panel.locator('#bpl-page-urgency').innerText()).toBe('How soon to get help');
    for (const scheme of SCHEMES) {
      await panel.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(panel), scheme).toEqual([]);
    }
    await Promise.all([panel.close(), page.close()]);
  });

  it('shows the first three lines of a long looked-up text, red flags first, and all of it on request', async () => {
    const panel = await openExtensionPage(session, 'sidepanel.html');
    const windowId = await panel.evaluate(async () => (await chrome.windows.getCurrent()).id!);
    const long = 'Since Tuesday I cannot hold my pee. '.repeat(40);
    await panel.evaluate(
      ([id, text]) =>
        chrome.runtime.sendMessage({
          type: 'set-panel-request',
          windowId: id,
          request: {
            kind: 'lookup',
            text,
            truncated: false,
            english: true,
            detection: {
              matches: [{ start: 20, end: 36, text: 'cannot hold my pee', termId: 'bladder-bowel-control', topicIds: ['cauda-equina-syndrome'], redFlagIds: ['rf-bladder-bowel'], context: 'affirmed', experiencer: 'writer' }],
              redFlags: [{ id: 'rf-bladder-bowel', context: 'affirmed', experiencer: 'writer' }],
              topics: ['cauda-equina-syndrome'],
              urgency: 'emergency',
              reasons: [{ redFlagIds: ['rf-bladder-bowel'], urgency: 'emergency', text: 'New loss of bladder or bowel control' }],
              subject: 'writer',
            },
            results: [],
          },
        }),
      [windowId, long] as const,
    );
    const quote = panel.locator('blockquote');
    await quote.waitFor();
    const lines = () => quote.evaluate((element) => Math.round(element.clientHeight / parseFloat(getComputedStyle(element).lineHeight)));
    // Three lines of text (plus the padding, under one more line).
    expect(await lines()).toBeLessThanOrEqual(4);
    // The findings follow at once, red flags first.
    expect(await panel.locator('.bpl-page > [role="alert"]').count()).toBe(1);
    for (const scheme of SCHEMES) {
      await panel.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(panel), scheme).toEqual([]);
    }
    await panel.getByRole('button', { name: 'Show all of the text' }).click();
    expect(await lines()).toBeGreaterThan(4);
    expect(await panel.getByRole('button', { name: 'Show less of the text' }).getAttribute('aria-expanded')).toBe('true');
    await panel.close();
  });

  it('marks no ordinary terms in headings, menus, breadcrumbs or link lists; red flags still show', async () => {
    const page = await openScanned('/page-furniture.html');
    // Where each mark is: the class (or tag) of its nearest heading, list, navigation or paragraph.
    const marks = await page.evaluate(() =>
      (['term', 'red-flag'] as const).flatMap((name) =>
        window.bplMarks(name).map((range) => {
          const holder = range.startContainer.parentElement?.closest('nav, h1, h2, h3, ol, ul, p');
          return { name, text: window.bplRangeText(range), where: holder?.className || holder?.localName };
        }),
      ),
    );
    const terms = marks.filter((mark) => mark.name === 'term');
    expect(terms.filter((mark) => ['menu', 'breadcrumbs', 'related', 'tags', 'h1', 'h2', 'h3', 'nav'].includes(mark.where ?? ''))).toEqual([]);
    // A list of sentences (with a link in one) is prose: its terms are marked.
    expect(terms.filter((mark) => mark.where === 'tips').length).toBeGreaterThan(0);
    expect(marks.filter((mark) => mark.name === 'red-flag').map((mark) => mark.text)).toContain('cannot hold my pee');
    await page.close();
  });

  it('popup search: everyday words find everyday topics first, "when should i go to a&e" the emergencies first', async () => {
    const popup = await openExtensionPage(session, 'popup.html');
    const box = popup.getByRole('combobox');
    const firstTitles = async (query: string) => {
      await box.fill('');
      await box.pressSequentially(query);
      await popup.getByRole('option').first().waitFor();
      return popup.getByRole('option').allInnerTexts();
    };
    for (const query of ['my back hurts', 'lumbago', 'pain between shoulder blades']) {
      expect((await firstTitles(query))[0], query).toMatch(/^Common back pain/);
    }
    expect((await firstTitles('ibuprofen'))[0]).toMatch(/^Pain relief/);
    const urgent = await firstTitles('when should i go to a&e');
    expect(urgent.slice(0, 4).every((title) => title.endsWith('Emergency'))).toBe(true);
    await popup.close();
  });

  it('panel topic lists: everyday topics before the cancer ones, in "All topics" and for a page that names no cancer', async () => {
    const cancerTitles = new Set(loadKnowledgeBase().topics.filter((topic) => topic.cancer).map((topic) => topic.title));
    /** Whether every cancer topic of the list comes after every other one. */
    const everydayFirst = (titles: string[]) => {
      const firstCancer = titles.findIndex((title) => cancerTitles.has(title));
      return firstCancer === -1 || titles.slice(firstCancer).every((title) => cancerTitles.has(title));
    };
    const panel = await openExtensionPage(session, 'sidepanel.html');
    await panel.getByRole('button', { name: 'All topics' }).click();
    const all = await panel.locator('[aria-labelledby="bpl-browse-topics"] li .bpl-link').allInnerTexts();
    expect(all.some((title) => cancerTitles.has(title))).toBe(true);
    expect(everydayFirst(all), all.join(' | ')).toBe(true);

    // Weak legs point at cord compression (a cancer topic) and at cauda equina; they name no cancer.
    const page = await openScanned('/page-weak-legs.html');
    await page.bringToFront();
    await panel.getByRole('button', { name: 'On this page' }).click();
    const topics = panel.locator('[aria-labelledby="bpl-page-topics"] li .bpl-link');
    await topics.first().waitFor({ timeout: 15_000 });
    const onPage = await topics.allInnerTexts();
    expect(onPage.some((title) => cancerTitles.has(title))).toBe(true);
    expect(everydayFirst(onPage), onPage.join(' | ')).toBe(true);
    await Promise.all([panel.close(), page.close()]);
  });

  it('cites national guidance first on a red flag’s page; a request made with no panel open waits for the next one', async () => {
    // A window of its own: the real side panel the tests above opened in theirs would take the request.
    const windowId = await session.serviceWorker.evaluate(async () => (await chrome.windows.create({ focused: false }))!.id!);
    const popup = await openExtensionPage(session, 'popup.html');
    await popup.evaluate(
      (id) => chrome.runtime.sendMessage({ type: 'set-panel-request', windowId: id, request: { kind: 'red-flag', id: 'rf-cancer-history' } }),
      windowId,
    );
    await popup.close();
    const opened = session.context.waitForEvent('page', (page) => page.url().includes('sidepanel.html'));
    await session.serviceWorker.evaluate(({ id, url }) => chrome.tabs.create({ windowId: id, url }), {
      id: windowId,
      url: session.extensionUrl('sidepanel.html'),
    });
    const panel = await opened;
    await expect.poll(() => panel.locator('#bpl-red-flag-title').count(), { timeout: 15_000 }).toBe(1);
    expect(await panel.locator('#bpl-red-flag-title').innerText()).toBe('New back pain after cancer');
    const sources = await panel.locator('.bpl-sources li').allInnerTexts();
    expect(sources[0]).toMatch(/NICE/);
    expect(sources.at(-1)).toMatch(/Persly|Spine-health|Healthline/);
    await session.serviceWorker.evaluate((id) => chrome.windows.remove(id), windowId);
  });

  it('logged no errors', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
