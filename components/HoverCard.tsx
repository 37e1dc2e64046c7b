/**
 * The small card shown over a mark on a web page, rendered in a closed shadow root so that the
 * page's styles and scripts never reach it. Loaded on first use: nothing here runs at page start.
 */
import { render } from 'preact';
import type { Urgency } from '../content-data/schema';
import type { Experiencer, MentionContext } from '../lib/types';
import { mentionStatus } from '../lib/panel/mention';
import { OWN_UI_TAG } from '../lib/page/text-index';
import { type Box, placeCard } from '../lib/page/placement';
import { t } from '../lib/i18n';
import { urgencyMeaning, UrgencyBadge } from './UrgencyBadge';
import themeCss from './theme.css?inline';
import cardCss from './HoverCard.css?inline';

export interface HoverCardContent {
  /** The words as written on the page (page text: rendered as text only). */
  matchedText: string;
  termLabel: string;
  /** One plain line on what the term means. */
  definition: string | null;
  /** Whether the writer says they have it: only then does a red flag count. */
  context: MentionContext;
  /** Whose it is: another person's signs are theirs, not the reader's. */
  experiencer: Experiencer;
  topics: { id: string; title: string }[];
  /** The red flag the term names, if any; its urgency shows only when the mention counts. */
  redFlag: { id: string; label: string; urgency: Urgency } | null;
}

export interface HoverCardProps extends HoverCardContent {
  /** Move focus into the card (it was opened by a click or from the keyboard, not by hovering). */
  takeFocus: boolean;
  onOpenDetails(): void;
  /** Also when Tab would leave the card: focus then goes back to where it was before the card. */
  onClose(): void;
}

/** Tab past the last control (or Shift+Tab before the first) leaves the card, which then closes. */
function leavesCard(event: KeyboardEvent): boolean {
  if (event.key !== 'Tab') return false;
  const card = event.currentTarget as HTMLElement;
  const controls = [...card.querySelectorAll<HTMLElement>('button')];
  const edge = event.shiftKey ? controls[0] : controls[controls.length - 1];
  return event.target === edge;
}

export function HoverCard(props: Omit<HoverCardProps, 'takeFocus'>) {
  const topic = props.topics[0];
  const status = mentionStatus({
    context: props.context,
    experiencer: props.experiencer,
    redFlagIds: props.redFlag ? [props.redFlag.id] : [],
  });
  const countedFlag = status.counted ? props.redFlag : null;
  return (
    <div
      class="card"
      role="dialog"
      aria-label={`${t('extName')}: ${props.termLabel}`}
      onKeyDown={(event) => {
        if (!leavesCard(event)) return;
        event.preventDefault();
        props.onClose();
      }}
    >
      <button type="button" class="close" aria-label={t('close')} onClick={props.onClose}>
        ×
      </button>
      {countedFlag && (
        <div class="red-flag">
          <UrgencyBadge level={countedFlag.urgency} />
          <p class="red-flag-label">{countedFlag.label}</p>
          <p class="red-flag-meaning">{urgencyMeaning(countedFlag.urgency)}</p>
        </div>
      )}
      <p class="term">
        <q>{props.matchedText}</q>
        {props.termLabel.toLowerCase() !== props.matchedText.toLowerCase() && (
          <span class="term-label"> ({props.termLabel})</span>
        )}
      </p>
      {props.definition && <p class="definition">{props.definition}</p>}
      {status.message && <p class={`status status--${status.counted ? 'counted' : 'not-counted'}`}>{t(status.message)}</p>}
      {topic && <p class="topic">{t('topicPrefix', topic.title)}</p>}
      <button type="button" class="open" onClick={props.onOpenDetails}>
        {t('openDetails')}
      </button>
      <p class="notice">{t('noticeText')}</p>
    </div>
  );
}

export interface MountedCard {
  /** The host element (ours; the scanner never indexes it). */
  host: HTMLElement;
  contains(node: Node | null): boolean;
  /** Whether focus is inside the card. */
  hasFocus(): boolean;
  unmount(): void;
}

/** Events that must not reach the page's own handlers from inside the card. */
const CONTAINED_EVENTS = ['click', 'pointerdown', 'pointerup', 'mousedown', 'mouseup', 'keydown', 'keyup', 'input', 'focusin', 'focusout'];

export type CardTheme = 'auto' | 'light' | 'dark';

export type MountHoverCard = typeof mountHoverCard;

/**
 * The host's own ::before and ::after are the one part of it a page style sheet could still fill
 * with words; important rules of the shadow tree win over the page's, important or not.
 */
const HOST_GUARD_CSS = ':host::before, :host::after { content: none !important; display: none !important; }';

/**
 * Create the host, render the card next to `anchor` (never over it) and return a handle.
 * The host exists only while the card is open. Its shadow root is closed: page script gets no
 * reference into it (`host.shadowRoot` is null, events from inside are retargeted to the host),
 * so it can neither read nor rewrite what the card says.
 */
export function mountHoverCard(document: Document, anchor: Box, props: HoverCardProps, theme: CardTheme): MountedCard {
  const host = document.createElement(OWN_UI_TAG);
  host.style.cssText = 'all: initial; position: fixed; z-index: 2147483647; top: 0; left: 0; visibility: hidden;';
  // `all: initial` resets the colour scheme too; theme.css's light-dark() colours follow this one.
  host.style.colorScheme = theme === 'auto' ? 'light dark' : theme;
  const shadow = host.attachShadow({ mode: 'closed' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(HOST_GUARD_CSS + themeCss + cardCss);
  shadow.adoptedStyleSheets = [sheet];
  for (const type of CONTAINED_EVENTS) shadow.addEventListener(type, (event) => event.stopPropagation());
  document.documentElement.append(host);
  render(<HoverCard {...props} />, shadow);

  const view = document.defaultView!;
  const size = host.getBoundingClientRect();
  const place = placeCard(anchor, { width: size.width, height: size.height }, { width: view.innerWidth, height: view.innerHeight });
  host.style.top = `${place.top}px`;
  host.style.left = `${place.left}px`;
  host.style.visibility = 'visible';
  if (props.takeFocus) shadow.querySelector<HTMLButtonElement>('button.open')?.focus();

  return {
    host,
    contains: (node) => node !== null && (node === host || shadow.contains(node)),
    hasFocus: () => shadow.activeElement !== null,
    unmount() {
      render(null, shadow);
      host.remove();
    },
  };
}
