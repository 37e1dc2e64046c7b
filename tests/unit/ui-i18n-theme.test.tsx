// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { applyTheme } from '../../components/useSettings';
import { t, type MessageKey } from '../../lib/i18n';
import { installMessages } from '../fixtures/ui-i18n';

describe('t', () => {
  beforeEach(installMessages);

  it('fills placeholders in order from any mix of strings and numbers', () => {
    expect(t('showOnPageCount', 2, '5')).toBe('Show on page (2 of 5)');
  });

  it('shows the key itself when a message is missing, so the gap is visible', () => {
    expect(t('noSuchMessage' as MessageKey)).toBe('noSuchMessage');
  });
});

describe('applyTheme', () => {
  it('forces light or dark with data-theme and leaves auto to the system', () => {
    const root = document.createElement('html');
    applyTheme('dark', root);
    expect(root.getAttribute('data-theme')).toBe('dark');
    applyTheme('light', root);
    expect(root.getAttribute('data-theme')).toBe('light');
    applyTheme('auto', root);
    expect(root.hasAttribute('data-theme')).toBe(false);
  });
});

describe('messages.json', () => {
  it('declares every placeholder a message uses, and uses every one it declares', async () => {
    const messages: Record<string, { message: string; placeholders?: Record<string, unknown> }> = (
      await import('../../public/_locales/en/messages.json')
    ).default;
    for (const [key, entry] of Object.entries(messages)) {
      const used = [...entry.message.matchAll(/\$([A-Z_]+)\$/g)].map((found) => found[1]!.toLowerCase()).sort();
      expect(used, key).toEqual(Object.keys(entry.placeholders ?? {}).sort());
    }
  });
});
