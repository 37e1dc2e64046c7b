// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { SidePanel, type IncomingRequest } from '../../components/SidePanel';
import { createCatalog } from '../../lib/panel/catalog';
import { installMessages } from '../fixtures/ui-i18n';
import { emergencyDetection, uiKb } from '../fixtures/ui-kb';

const catalog = createCatalog(uiKb);
const noDetection = { ...emergencyDetection, matches: [], redFlags: [], topics: [], urgency: 'none' as const, reasons: [] };
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

function showLookup(text: string) {
  const incoming: IncomingRequest = {
    seq: 1,
    request: { kind: 'lookup', text, truncated: false, detection: noDetection, results: [] },
  };
  act(() => render(<SidePanel catalog={catalog} findings={null} incoming={incoming} onReveal={() => {}} />, root));
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
