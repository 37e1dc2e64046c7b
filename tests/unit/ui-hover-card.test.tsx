// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HoverCard, type HoverCardContent } from '../../components/HoverCard';
import { installMessages } from '../fixtures/ui-i18n';

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

const bladder: HoverCardContent = {
  matchedText: "can't hold my pee",
  termLabel: 'Loss of bladder or bowel control',
  definition: 'Leaking urine or stools without meaning to, or being unable to pass urine, when this is new.',
  context: 'affirmed',
  experiencer: 'writer',
  topics: [{ id: 'cauda-equina-syndrome', title: 'Cauda equina syndrome' }],
  redFlag: { id: 'rf-bladder-bowel', label: 'New loss of bladder or bowel control', urgency: 'emergency' },
};

function show(content: Partial<HoverCardContent> = {}, handlers = { onOpenDetails: vi.fn(), onClose: vi.fn() }) {
  act(() => render(<HoverCard {...bladder} {...content} {...handlers} />, root));
  return handlers;
}

describe('hover card', () => {
  it('says a red flag the writer has counts, with its urgency, and what the term means', () => {
    show();
    expect(root.querySelector('.status')?.textContent).toBe('You say you have this.');
    expect(root.querySelector('.bpl-badge')?.textContent).toBe('Emergency');
    expect(root.querySelector('.red-flag-label')?.textContent).toBe('New loss of bladder or bowel control');
    expect(root.querySelector('.definition')?.textContent).toBe(bladder.definition);
    expect(root.querySelector('.topic')?.textContent).toBe('Topic: Cauda equina syndrome');
  });

  it.each([
    ['negated', 'Mentioned as absent — not counted.'],
    ['hypothetical', 'A possibility or advice — not counted.'],
    ['other-person', 'About someone else — not counted as yours.'],
  ] as const)('says a %s red flag is not counted, and shows no urgency', (context, status) => {
    show({ context, experiencer: context === 'other-person' ? 'other' : 'writer' });
    expect(root.querySelector('.status')?.textContent).toBe(status);
    expect(root.querySelector('.bpl-badge')).toBeNull();
    expect(root.querySelector('.red-flag')).toBeNull();
    expect(root.querySelector('.definition')).not.toBeNull();
  });

  it('says nothing about counting for an ordinary term the writer mentions', () => {
    show({ matchedText: 'sciatica', termLabel: 'Sciatica', definition: 'Pain down a leg.', redFlag: null });
    expect(root.querySelector('.status')).toBeNull();
    expect(root.querySelector('.term')?.textContent).toBe('sciatica');
  });

  it('renders page text as text', () => {
    show({ matchedText: '<img src=x onerror=alert(1)>' });
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('q')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });

  it('closes when Tab would leave it, either way, and not before', () => {
    const handlers = show();
    const [close, open] = [...root.querySelectorAll('button')];
    const tab = (from: HTMLElement, shiftKey: boolean) => {
      const event = new KeyboardEvent('keydown', { key: 'Tab', shiftKey, bubbles: true, cancelable: true });
      act(() => void from.dispatchEvent(event));
      return event.defaultPrevented;
    };
    expect(tab(close!, false)).toBe(false);
    expect(tab(open!, true)).toBe(false);
    expect(handlers.onClose).not.toHaveBeenCalled();
    expect(tab(open!, false)).toBe(true);
    expect(tab(close!, true)).toBe(true);
    expect(handlers.onClose).toHaveBeenCalledTimes(2);
  });
});
