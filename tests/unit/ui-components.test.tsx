// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Options } from '../../components/Options';
import { Popup, type PopupProps } from '../../components/Popup';
import { SidePanel, type IncomingRequest } from '../../components/SidePanel';
import type { TabFindings } from '../../lib/messages';
import { createCatalog } from '../../lib/panel/catalog';
import { DEFAULT_SETTINGS, parseSettings } from '../../lib/settings';
import type { SearchResult } from '../../lib/search/types';
import { installMessages } from '../fixtures/ui-i18n';
import { carerDetection, emergencyDetection, uiKb } from '../fixtures/ui-kb';

const catalog = createCatalog(uiKb);
let root: HTMLElement;

beforeEach(() => {
  installMessages();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function mount(node: preact.ComponentChild) {
  act(() => render(node, root));
}

function click(element: Element | null | undefined) {
  if (!element) throw new Error('nothing to click');
  act(() => (element as HTMLElement).click());
}

function button(name: string | RegExp): HTMLButtonElement | undefined {
  return [...root.querySelectorAll('button')].find((candidate) =>
    typeof name === 'string' ? candidate.textContent?.trim() === name : name.test(candidate.textContent ?? ''),
  );
}

const findings: TabFindings = { tabId: 7, url: 'https://forum.example/t/1', title: 'A forum thread', detection: emergencyDetection, english: true, scannedAt: 0 };

describe('SidePanel', () => {
  it('shows the emergency banner before anything else on the page view, then the red flag with urgency words', () => {
    mount(<SidePanel catalog={catalog} findings={findings} incoming={null} onReveal={() => {}} onStepRedFlag={() => {}} />);
    const view = root.querySelector('main section.bpl-page')!;
    const firstBlock = view.querySelector('h2 ~ :not(p)');
    expect(firstBlock?.getAttribute('role')).toBe('alert');
    expect(firstBlock?.textContent).toContain('Stop: call 999 / 911 / 112 or go to an emergency department now');
    const card = view.querySelector('.bpl-card--emergency')!;
    expect(card.textContent).toContain('New loss of bladder or bowel control');
    expect(card.querySelector('.bpl-badge')?.textContent).toBe('Emergency');
    expect(card.textContent).toContain('Go to an emergency department now.');
  });

  it('lists negated and other-person mentions apart, without a red-flag card', () => {
    mount(<SidePanel catalog={catalog} findings={findings} incoming={null} onReveal={() => {}} onStepRedFlag={() => {}} />);
    const setAside = root.querySelector('[aria-labelledby="bpl-page-set-aside"]')!;
    expect(setAside.textContent).toContain('cancer (about someone else)');
    expect(setAside.textContent).toContain('night pain (said to be absent)');
    expect(root.querySelectorAll('.bpl-card')).toHaveLength(1);
  });

  it('reveals the mentions of a topic one after another', () => {
    const onReveal = vi.fn();
    mount(<SidePanel catalog={catalog} findings={findings} incoming={null} onReveal={onReveal} onStepRedFlag={() => {}} />);
    const sciatica = button(/Show on page \(1 of 2\)/)!;
    expect(sciatica.textContent).toBe('Show on page (1 of 2): Sciatica');
    click(sciatica);
    click(sciatica);
    click(sciatica);
    expect(onReveal.mock.calls.map(([index]) => index)).toEqual([1, 2, 1]);
  });

  it('says so when the page has nothing', () => {
    mount(<SidePanel catalog={catalog} findings={null} incoming={null} onReveal={() => {}} onStepRedFlag={() => {}} />);
    expect(root.textContent).toContain('No back-pain terms or red flags found on this page');
    expect(root.querySelector('[role="alert"]')).toBeNull();
    expect(root.querySelector('.bpl-notice')).not.toBeNull();
  });

  it('opens a topic page with red flags first, cited sections, related topics and safe source links, and goes back', () => {
    mount(<SidePanel catalog={catalog} findings={findings} incoming={null} onReveal={() => {}} onStepRedFlag={() => {}} />);
    click(button('Back pain and cancer'));
    const article = root.querySelector('article')!;
    expect(article.querySelector('h2')?.textContent).toBe('Back pain and cancer');
    expect(article.querySelector('h2')).toBe(document.activeElement);
    const headings = [...article.querySelectorAll('h3')].map((heading) => heading.textContent);
    expect(headings).toEqual(['Warning signs for this topic', 'How common', 'Odd links', 'Related topics', 'Sources']);
    // Red flags of the topic: most urgent first.
    expect([...article.querySelectorAll('.bpl-red-flag-box .bpl-badge')].map((badge) => badge.textContent)).toEqual(['Urgent', 'Soon']);
    expect(article.querySelector('.bpl-citations')?.textContent).toContain('Spinal metastases and MSCC');
    const links = [...article.querySelectorAll('a')];
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link.getAttribute('href')).toMatch(/^https:\/\//);
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    }
    expect(article.textContent).toContain('Not a web link');
    expect(article.textContent).toContain('Checked 2026-11-01.');
    expect(article.textContent).not.toContain('no-such-topic');
    click(button('Back'));
    expect(root.querySelector('article')).toBeNull();
    expect(root.querySelector('h2')?.textContent).toBe('On this page');
  });

  it('opens a red-flag page from an incoming request, with its combinations', () => {
    const incoming: IncomingRequest = { seq: 1, request: { kind: 'red-flag', id: 'rf-cancer-history' } };
    mount(<SidePanel catalog={catalog} findings={null} incoming={incoming} onReveal={() => {}} onStepRedFlag={() => {}} />);
    const article = root.querySelector('article')!;
    expect(article.querySelector('h2')?.textContent).toBe('Back pain after cancer');
    expect(article.querySelector('.bpl-badge')?.textContent).toBe('Urgent');
    expect(article.textContent).toContain('Pain worse at night: Cancer history with night pain: get checked now.');
  });

  it('shows a looked-up selection as text only, red flags first among the results', () => {
    const incoming: IncomingRequest = {
      seq: 1,
      request: {
        kind: 'lookup',
        text: '<img src=x onerror=alert(1)> sciatica',
        truncated: true,
        english: true,
        detection: { ...emergencyDetection, matches: [], redFlags: [], topics: [], urgency: 'none', reasons: [] },
        results: [
          { id: 'sciatica', kind: 'topic', title: 'Sciatica', score: 0.1 },
          { id: 'rf-night-pain', kind: 'red-flag', title: 'Pain worse at night', score: 0.4 },
        ],
      },
    };
    mount(<SidePanel catalog={catalog} findings={null} incoming={incoming} onReveal={() => {}} onStepRedFlag={() => {}} />);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('blockquote')?.textContent).toBe('<img src=x onerror=alert(1)> sciatica');
    expect(root.textContent).toContain('only its beginning was looked up');
    const results = [...root.querySelectorAll('[aria-labelledby="bpl-lookup-results"] li')].map((item) => item.textContent);
    expect(results[0]).toContain('Pain worse at night');
    expect(results[1]).toContain('Sciatica');
  });

  it('runs the self-check: a yes to an emergency question gives an emergency, start again forgets', () => {
    mount(<SidePanel catalog={catalog} findings={null} incoming={null} onReveal={() => {}} onStepRedFlag={() => {}} />);
    click(button('Self-check'));
    const fieldsets = [...root.querySelectorAll('fieldset')];
    expect(fieldsets.map((fieldset) => fieldset.querySelector('legend')?.textContent)).toEqual([
      'Have you lost control of your bladder or bowel?',
      'Have you ever had cancer?',
      'Does the pain wake you at night?',
    ]);
    const result = () => root.querySelector('.bpl-result')!;
    expect(result().textContent).toContain('Answer the questions above');
    click(fieldsets[0]!.querySelector('input[value="yes"]'));
    expect(result().querySelector('.bpl-badge')?.textContent).toBe('Emergency');
    expect(result().textContent).toContain('Answered 1 of 3 questions.');
    click(fieldsets[2]!.querySelector('input[value="unsure"]'));
    expect(result().textContent).toContain('You were not sure about these');
    act(() => root.querySelector('form')!.reset());
    expect(result().textContent).toContain('Answer the questions above');
    expect(root.querySelectorAll('input:checked')).toHaveLength(0);
  });
});

describe('Popup', () => {
  const results: SearchResult[] = [
    { id: 'sciatica', kind: 'topic', title: 'Sciatica', score: 0.1 },
    { id: 'rf-bladder-bowel', kind: 'red-flag', title: 'New loss of bladder or bowel control', score: 0.3 },
  ];

  function mountPopup(overrides: Partial<PopupProps> = {}) {
    const props: PopupProps = {
      catalog,
      search: (query) => (query.includes('zzz') ? [] : results),
      findings,
      site: 'forum.example',
      settings: parseSettings({ pausedSites: ['forum.example'] }),
      onOpenPanel: vi.fn(),
      onOpenResult: vi.fn(),
      onPauseSite: vi.fn(),
      onPauseEverywhere: vi.fn(),
      onOpenSettings: vi.fn(),
      ...overrides,
    };
    mount(<Popup {...props} />);
    return props;
  }

  function type(text: string) {
    const input = root.querySelector<HTMLInputElement>('input[role="combobox"]')!;
    act(() => {
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    return input;
  }

  function key(input: HTMLElement, name: string) {
    act(() => void input.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true })));
  }

  it('searches as you type and shows kind and urgency', () => {
    mountPopup();
    const input = type('sciat');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    const options = [...root.querySelectorAll('[role="option"]')];
    expect(options.map((option) => option.textContent)).toEqual([
      'SciaticaTopic',
      'New loss of bladder or bowel controlRed flag Emergency',
    ]);
    expect(root.querySelector('[role="status"]')?.textContent).toContain('Matches: 2');
  });

  it('moves through results with the arrows and opens the active one with Enter', () => {
    const props = mountPopup();
    const input = type('back');
    key(input, 'ArrowDown');
    key(input, 'ArrowDown');
    expect(input.getAttribute('aria-activedescendant')).toBe('bpl-result-1');
    expect(root.querySelector('#bpl-result-1')?.getAttribute('aria-selected')).toBe('true');
    key(input, 'ArrowDown');
    expect(input.getAttribute('aria-activedescendant')).toBe('bpl-result-0');
    key(input, 'ArrowUp');
    key(input, 'Enter');
    expect(props.onOpenResult).toHaveBeenCalledWith(results[1]);
  });

  it('clears the search with Escape and says when nothing matches', () => {
    mountPopup();
    const input = type('zzz');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(root.querySelector('[role="status"]')?.textContent).toBe('No matches.');
    type('sci');
    key(input, 'Escape');
    expect(input.value).toBe('');
    expect(root.querySelectorAll('[role="option"]')).toHaveLength(0);
  });

  it("shows the page's findings in one line and the pause switches", () => {
    const props = mountPopup({ settings: parseSettings({ pausedSites: ['other.example'] }) });
    expect(root.querySelector('.bpl-page-line')?.textContent).toBe('Emergency Red flags: 1. Topics: 3.');
    const [site, everywhere] = [...root.querySelectorAll<HTMLInputElement>('input[role="switch"]')];
    expect(site!.checked).toBe(false);
    expect(site!.closest('label')?.textContent).toBe('Pause on forum.example');
    click(site);
    expect(props.onPauseSite).toHaveBeenCalledWith(true);
    click(everywhere);
    expect(props.onPauseEverywhere).toHaveBeenCalledWith(true);
  });

  it('shows a paused site as paused, with its switch on', () => {
    const props = mountPopup();
    expect(root.querySelector('.bpl-page-line')?.textContent).toBe('Paused on this site: nothing is highlighted here.');
    const site = root.querySelector<HTMLInputElement>('input[role="switch"]')!;
    expect(site.checked).toBe(true);
    click(site);
    expect(props.onPauseSite).toHaveBeenCalledWith(false);
  });

  it('disables the site switch on pages that cannot be scanned', () => {
    mountPopup({ site: null, findings: null });
    expect(root.querySelector<HTMLInputElement>('input[role="switch"]')!.disabled).toBe(true);
    expect(root.querySelector('.bpl-page-line')?.textContent).toBe('No back-pain terms found on this page.');
  });
});

describe('Options', () => {
  it('shows the settings, the shortcut, and saves each change as a patch', () => {
    const onChange = vi.fn();
    const settings = parseSettings({ pausedSites: ['a.example', 'b.example'], theme: 'dark' });
    mount(<Options settings={settings} shortcuts={{ 'lookup-selection': 'Alt+Shift+L', 'next-red-flag': 'Alt+Shift+N' }} onChange={onChange} />);
    expect(root.querySelector<HTMLInputElement>('input[name="theme"][value="dark"]')!.checked).toBe(true);
    expect([...root.querySelectorAll('kbd')].map((kbd) => kbd.textContent)).toEqual(['Alt+Shift+L', 'Alt+Shift+N', 'not set']);
    click(root.querySelector('button[aria-label="Remove a.example from the paused sites"]'));
    expect(onChange).toHaveBeenLastCalledWith({ pausedSites: ['b.example'] });
    click(root.querySelector('input[name="highlightStyle"][value="off"]'));
    expect(onChange).toHaveBeenLastCalledWith({ highlightStyle: 'off' });
  });

  it('says when no site is paused and no shortcut is set', () => {
    mount(<Options settings={{ ...DEFAULT_SETTINGS, pausedSites: [] }} shortcuts={{}} onChange={() => {}} />);
    expect(root.textContent).toContain('No paused sites.');
    expect(root.querySelector('kbd')?.textContent).toBe('not set');
  });
});

describe('side panel look-up view', () => {
  const noDetection = { ...emergencyDetection, matches: [], redFlags: [], topics: [], urgency: 'none' as const, reasons: [] };

  function showLookup(text: string, english = true) {
    const incoming: IncomingRequest = {
      seq: 1,
      request: { kind: 'lookup', text, truncated: false, english, detection: noDetection, results: [] },
    };
    mount(<SidePanel catalog={catalog} findings={null} incoming={incoming} onReveal={() => {}} onStepRedFlag={() => {}} />);
  }

  it.each(['', ' \n\t '])('asks for a selection when the looked-up text is blank (%j)', (text) => {
    showLookup(text);
    expect(root.querySelector('h2')?.textContent).toBe('Look-up');
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Select some text on the page first, then look it up again.');
    expect(root.querySelector('blockquote')).toBeNull();
    expect(root.textContent).not.toContain('No matches.');
  });

  it('shows a real selection with its results section, not the blank-selection message', () => {
    showLookup('sciatica');
    expect(root.querySelector('blockquote')?.textContent).toBe('sciatica');
    expect(root.textContent).toContain('No matches.');
    expect(root.textContent).not.toContain('Select some text');
  });
});

describe('getting to help', () => {
  it('opens the side panel on the page from the popup’s urgency line and from its button', () => {
    const onOpenPanel = vi.fn();
    mount(
      <Popup
        catalog={catalog}
        search={() => []}
        findings={findings}
        site="forum.example"
        settings={parseSettings({})}
        onOpenPanel={onOpenPanel}
        onOpenResult={vi.fn()}
        onPauseSite={vi.fn()}
        onPauseEverywhere={vi.fn()}
        onOpenSettings={vi.fn()}
      />,
    );
    const line = root.querySelector<HTMLButtonElement>('button.bpl-page-line')!;
    expect(line.textContent).toBe('Emergency Red flags: 1. Topics: 3.');
    click(line);
    click(button('Open side panel'));
    expect(onOpenPanel).toHaveBeenCalledTimes(2);
  });

  it('says "Paused everywhere" and "reads English only" in the popup', () => {
    const props = {
      catalog,
      search: () => [],
      site: 'forum.example',
      onOpenPanel: vi.fn(),
      onOpenResult: vi.fn(),
      onPauseSite: vi.fn(),
      onPauseEverywhere: vi.fn(),
      onOpenSettings: vi.fn(),
    };
    mount(<Popup {...props} findings={findings} settings={parseSettings({ pausedEverywhere: true })} />);
    expect(root.querySelector('.bpl-page-line')?.textContent).toBe('Paused everywhere: nothing is highlighted.');
    const spanish = { ...findings, english: false, detection: { ...emergencyDetection, matches: [], redFlags: [], topics: [] } };
    mount(<Popup {...props} findings={spanish} settings={parseSettings({})} />);
    expect(root.querySelector('.bpl-page-line')?.textContent).toBe('Back Pain Lens reads English only for now.');
    const input = root.querySelector<HTMLInputElement>('input[role="combobox"]')!;
    act(() => {
      input.value = 'dolor de espalda';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Back Pain Lens reads English only for now.');
  });

  it('says in the popup when the signs are about someone else, with the urgency for that person', () => {
    const props = {
      catalog,
      search: () => [],
      site: 'forum.example',
      settings: parseSettings({}),
      onOpenPanel: vi.fn(),
      onOpenResult: vi.fn(),
      onPauseSite: vi.fn(),
      onPauseEverywhere: vi.fn(),
      onOpenSettings: vi.fn(),
    };
    mount(<Popup {...props} findings={{ ...findings, detection: carerDetection }} />);
    expect(root.querySelector('.bpl-page-line')?.textContent).toBe(
      'Emergency These signs are about someone else, such as a person you care for. Red flags: 2. Topics: 3.',
    );
  });

  it('goes back to "On this page" when the popup asks for it', () => {
    const topic: IncomingRequest = { seq: 1, request: { kind: 'topic', id: 'sciatica' } };
    mount(<SidePanel catalog={catalog} findings={findings} incoming={topic} onReveal={() => {}} onStepRedFlag={() => {}} />);
    expect(root.querySelector('article h2')?.textContent).toBe('Sciatica');
    const page: IncomingRequest = { seq: 2, request: { kind: 'page' } };
    mount(<SidePanel catalog={catalog} findings={findings} incoming={page} onReveal={() => {}} onStepRedFlag={() => {}} />);
    expect(root.querySelector('main h2')?.textContent).toBe('On this page');
    expect(button('Back')).toBeUndefined();
  });
});

describe('side panel summary', () => {
  it('says "How soon to get help" and steps through the page’s red flags', () => {
    const onStepRedFlag = vi.fn();
    mount(<SidePanel catalog={catalog} findings={findings} incoming={null} onReveal={() => {}} onStepRedFlag={onStepRedFlag} />);
    expect(root.querySelector('#bpl-page-urgency')?.textContent).toBe('How soon to get help');
    const steps = root.querySelector('[role="group"][aria-label="Red flags on the page"]')!;
    click(button('Next red flag on the page'));
    click(button('Previous red flag on the page'));
    expect(onStepRedFlag.mock.calls).toEqual([[1], [-1]]);
    expect(steps.closest('[aria-labelledby="bpl-page-red-flags"]')).not.toBeNull();
  });

  it('says calmly that the signs are about someone else, with the urgency, banner and red flags for that person', () => {
    mount(<SidePanel catalog={catalog} findings={{ ...findings, detection: carerDetection }} incoming={null} onReveal={() => {}} onStepRedFlag={() => {}} />);
    const summary = root.querySelector('.bpl-summary')!;
    expect(summary.textContent).toContain(
      'Emergency These signs are about someone else, such as a person you care for: Go to an emergency department or call emergency services now.',
    );
    expect(summary.textContent).toContain('If you have any of these signs yourself, the self-check says how soon to get help for you.');
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('this is the help they need now');
    const cards = [...root.querySelectorAll('[aria-labelledby="bpl-page-red-flags"] .bpl-card__title')].map((title) => title.textContent);
    expect(cards).toEqual(['Back pain after cancer', 'Pain worse at night']);
  });

  it('says the warning signs set no urgency when they are only someone else’s in passing, instead of "Routine"', () => {
    const inPassing = {
      ...findings,
      detection: {
        ...emergencyDetection,
        matches: [emergencyDetection.matches[1]!, emergencyDetection.matches[3]!],
        redFlags: [{ id: 'rf-cancer-history', context: 'other-person' as const, experiencer: 'other' as const }],
        topics: ['sciatica', 'back-pain-and-cancer'],
        urgency: 'routine' as const,
        reasons: [],
      },
    };
    mount(<SidePanel catalog={catalog} findings={inPassing} incoming={null} onReveal={() => {}} onStepRedFlag={() => {}} />);
    const summary = root.querySelector('.bpl-summary')!;
    expect(summary.textContent).toBe('How soon to get help' + 'The warning signs on this page are about someone else, so they set no urgency for you. If you have any of them yourself, use the self-check.');
    expect(root.querySelector('[role="group"]')).toBeNull();
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });

  it('says the extension reads English only on a page in another language', () => {
    const spanish = { ...findings, english: false, detection: { ...emergencyDetection, matches: [], redFlags: [], topics: [] } };
    mount(<SidePanel catalog={catalog} findings={spanish} incoming={null} onReveal={() => {}} onStepRedFlag={() => {}} />);
    expect(root.querySelector('main')?.textContent).toContain('Back Pain Lens reads English only for now.');
  });

  it('lists the cancer topics after the everyday ones in "All topics"', () => {
    mount(<SidePanel catalog={catalog} findings={null} incoming={null} onReveal={() => {}} onStepRedFlag={() => {}} />);
    click(button('All topics'));
    const titles = [...root.querySelectorAll('[aria-labelledby="bpl-browse-topics"] li .bpl-link')].map((link) => link.textContent);
    expect(titles).toEqual(['Cauda equina syndrome', 'Sciatica', 'Back pain and cancer']);
  });
});

describe('self-check safety', () => {
  function openSelfCheck() {
    mount(<SidePanel catalog={catalog} findings={null} incoming={null} onReveal={() => {}} onStepRedFlag={() => {}} />);
    click(button('Self-check'));
    return [...root.querySelectorAll('fieldset')];
  }
  const result = () => root.querySelector('.bpl-result')!.textContent ?? '';

  it('shows the emergency banner at the question answered "yes", with focus on it', () => {
    const [bladder] = openSelfCheck();
    click(bladder!.querySelector('input[value="yes"]'));
    const banner = bladder!.querySelector('[role="alert"]')!;
    expect(banner.textContent).toContain('Stop: call 999 / 911 / 112 or go to an emergency department now');
    expect(document.activeElement).toBe(banner);
    expect(root.querySelectorAll('[role="alert"]')).toHaveLength(1);
    click(bladder!.querySelector('input[value="no"]'));
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });

  it('shows the banner where a combination made it an emergency', () => {
    const [, cancer, night] = openSelfCheck();
    click(cancer!.querySelector('input[value="yes"]'));
    expect(root.querySelector('[role="alert"]')).toBeNull();
    click(night!.querySelector('input[value="yes"]'));
    expect(night!.querySelector('[role="alert"]')?.textContent).toContain('Cancer history with night pain');
  });

  it('does not reassure until every emergency question is answered', () => {
    const [bladder, cancer, night] = openSelfCheck();
    click(cancer!.querySelector('input[value="no"]'));
    click(night!.querySelector('input[value="no"]'));
    expect(result()).not.toContain('None of your answers is a warning sign');
    expect(result()).toContain('Answer the emergency questions first: 1 not answered yet.');
    click(bladder!.querySelector('input[value="no"]'));
    expect(result()).toContain('None of your answers is a warning sign');
  });
});

describe('look-up of a long selection', () => {
  const noDetection = { ...emergencyDetection, matches: [], redFlags: [], topics: [], urgency: 'none' as const, reasons: [] };
  const show = (text: string, english = true) =>
    mount(
      <SidePanel
        catalog={catalog}
        findings={null}
        incoming={{ seq: 1, request: { kind: 'lookup', text, truncated: false, english, detection: noDetection, results: [] } }}
        onReveal={() => {}}
        onStepRedFlag={() => {}}
      />,
    );

  it('folds a long text to three lines, with a toggle that says whether it is open', () => {
    show('My back has been sore for weeks. '.repeat(20));
    const quote = root.querySelector('blockquote')!;
    expect(quote.classList.contains('bpl-quote--folded')).toBe(true);
    const toggle = button('Show all of the text')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.getAttribute('aria-controls')).toBe(quote.id);
    click(toggle);
    expect(quote.classList.contains('bpl-quote--folded')).toBe(false);
    expect(button('Show less of the text')?.getAttribute('aria-expanded')).toBe('true');
  });

  it('shows a short text whole, without a toggle', () => {
    show('numb down there');
    expect(root.querySelector('blockquote')?.classList.contains('bpl-quote--folded')).toBe(false);
    expect(button(/Show all/)).toBeUndefined();
  });

  it('says the extension reads English only rather than "No matches" for text in another language', () => {
    show('Me duele mucho la espalda y el médico dice que es una contractura muscular.', false);
    expect(root.textContent).toContain('Back Pain Lens reads English only for now.');
    expect(root.textContent).not.toContain('No matches.');
  });
});
