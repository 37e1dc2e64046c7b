import { useState } from 'preact/hooks';
import type { Detection, MentionContext, PostSummary, Urgency } from '../lib/types';
import type { Catalog } from '../lib/panel/catalog';
import { findingsView, type RedFlagFinding, type TopicFinding } from '../lib/panel/findings';
import { postCounts, postsThatMatter } from '../lib/panel/posts';
import { signsOf } from '../lib/panel/summary';
import { t, type MessageKey } from '../lib/i18n';
import { EmergencyBanner } from './EmergencyBanner';
import { PageLink, type OpenPage } from './links';
import { UrgencyBadge, urgencyMeaning } from './UrgencyBadge';

/** Scrolls the page to `detection.matches[index]`; absent when the matches are not on a page. */
export type Reveal = (matchIndex: number) => void;
/** Scrolls the page to post `index` (`PostSummary.index`) and flashes its marks. */
export type RevealPost = (postIndex: number) => void;
/** Moves to the next (1) or previous (-1) red-flag mark on the page and opens its card. */
export type StepRedFlag = (direction: 1 | -1) => void;

/** Keyboard users reach the red flags on the page from here (or with the browser shortcuts). */
function RedFlagSteps({ onStep }: { onStep: StepRedFlag }) {
  return (
    <div class="bpl-steps" role="group" aria-label={t('stepRedFlagsLabel')}>
      <button type="button" class="bpl-button bpl-button--small" onClick={() => onStep(-1)}>
        {t('previousRedFlag')}
      </button>
      <button type="button" class="bpl-button bpl-button--small" onClick={() => onStep(1)}>
        {t('nextRedFlag')}
      </button>
    </div>
  );
}

const CONTEXT_WORDS: Record<Exclude<MentionContext, 'affirmed'>, MessageKey> = {
  negated: 'contextNegated',
  hypothetical: 'contextHypothetical',
  'other-person': 'contextOtherPerson',
};

/** "Show on page", stepping through the mentions one click at a time. */
function RevealButton({ matchIndexes, onReveal, label }: { matchIndexes: number[]; onReveal: Reveal; label: string }) {
  const [shown, setShown] = useState(0);
  const reveal = () => {
    const position = shown % matchIndexes.length;
    onReveal(matchIndexes[position]!);
    setShown(position + 1);
  };
  return (
    <button type="button" class="bpl-button bpl-button--small" onClick={reveal}>
      {matchIndexes.length > 1
        ? t('showOnPageCount', String((shown % matchIndexes.length) + 1), String(matchIndexes.length))
        : t('showOnPage')}
      {/* The visible words start the accessible name (WCAG 2.5.3); the hidden part says which finding. */}
      <span class="bpl-visually-hidden">{t('showOnPageOf', label)}</span>
    </button>
  );
}

function RedFlagItem({ finding, onOpen, onReveal }: { finding: RedFlagFinding; onOpen: OpenPage; onReveal?: Reveal }) {
  const { redFlag, matchIndexes } = finding;
  return (
    <li class={`bpl-card bpl-card--${redFlag.urgency}`}>
      <h4 class="bpl-card__title">
        <PageLink target={{ kind: 'red-flag', id: redFlag.id }} onOpen={onOpen}>
          {redFlag.label}
        </PageLink>
      </h4>
      <p>
        <UrgencyBadge level={redFlag.urgency} /> {urgencyMeaning(redFlag.urgency)}
      </p>
      <p>
        <strong>{t('whyItMatters')}</strong> {redFlag.explanation}
      </p>
      <p>
        <strong>{t('whatToDo')}</strong> {redFlag.action}
      </p>
      {onReveal && <RevealButton matchIndexes={matchIndexes} onReveal={onReveal} label={redFlag.label} />}
    </li>
  );
}

function TopicItem({ finding, onOpen, onReveal }: { finding: TopicFinding; onOpen: OpenPage; onReveal?: Reveal }) {
  const { topic, matchIndexes } = finding;
  return (
    <li class="bpl-row">
      <PageLink target={{ kind: 'topic', id: topic.id }} onOpen={onOpen}>
        {topic.title}
      </PageLink>{' '}
      <span class="bpl-muted">{t('mentionCount', String(matchIndexes.length))}</span>
      {onReveal && matchIndexes.length > 0 && (
        <RevealButton matchIndexes={matchIndexes} onReveal={onReveal} label={topic.title} />
      )}
    </li>
  );
}

/**
 * How soon to get help, and for whom: the reader; the person the text is about (a carer's post),
 * calmly named as such; or no one, when the only warning signs are other people's in passing.
 */
function UrgencySummary({ detection }: { detection: Detection }) {
  // A thread's signs are its posters': the panel never tells the reader they are theirs.
  if (postsThatMatter(detection).length > 0) {
    return (
      <p>
        <UrgencyBadge level={detection.urgency} /> {t('threadSummary', urgencyMeaning(detection.urgency))}
      </p>
    );
  }
  switch (signsOf(detection)) {
    case 'someone-else':
      return (
        <>
          <p>
            <UrgencyBadge level={detection.urgency} /> {t('summarySomeoneElse', urgencyMeaning(detection.urgency))}
          </p>
          <p>{t('summaryIfYours')}</p>
        </>
      );
    case 'others-in-passing':
      return <p>{t('summaryOthersOnly')}</p>;
    case 'own':
      return (
        <p>
          <UrgencyBadge level={detection.urgency} /> {urgencyMeaning(detection.urgency)}
        </p>
      );
  }
}

const CARE: Record<Urgency, MessageKey> = {
  emergency: 'careEmergency',
  urgent: 'careUrgent',
  soon: 'careSoon',
  routine: 'careSoon',
};

/** "by marta_k, 2 days ago", or that no name is shown. */
function postByline(post: PostSummary): string {
  if (post.author === null) return t('postUnnamed');
  return post.time ? t('postByAt', post.author, post.time) : t('postBy', post.author);
}

/**
 * The posts whose signs need care, most urgent first ("One post describes signs that need
 * emergency care — by anon_lurker, yesterday"), each with a button that shows the post on the page.
 */
function PostsSection({ detection, onRevealPost, idPrefix }: { detection: Detection; onRevealPost?: RevealPost; idPrefix: string }) {
  const posts = postsThatMatter(detection);
  if (posts.length === 0) return null;
  return (
    <section aria-labelledby={`${idPrefix}-posts`}>
      <h3 id={`${idPrefix}-posts`}>{t('postsHeading')}</h3>
      {postCounts(posts).map(({ urgency, count }) => (
        <div key={urgency}>
          <p>
            <UrgencyBadge level={urgency} />{' '}
            {count === 1 ? t('postsOne', t(CARE[urgency])) : t('postsMany', String(count), t(CARE[urgency]))}
          </p>
          <ul class="bpl-list">
            {posts
              .filter((post) => post.urgency === urgency)
              .map((post) => (
                <li key={post.index} class="bpl-row">
                  {postByline(post)}
                  {post.subject === 'other' && <span class="bpl-muted"> ({t('postAboutSomeoneElse')})</span>}{' '}
                  {onRevealPost && (
                    <button type="button" class="bpl-button bpl-button--small" onClick={() => onRevealPost(post.index)}>
                      {t('showPost')}
                      <span class="bpl-visually-hidden">{t('showPostOf', postByline(post))}</span>
                    </button>
                  )}
                </li>
              ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/**
 * A detection, red flags first: the emergency banner, the overall urgency with its reasons, the
 * affirmed red flags, the topics with counts, then the mentions set apart (negated, hypothetical,
 * someone else's) which do not count towards the urgency.
 */
export function Findings({
  detection,
  catalog,
  onOpen,
  onReveal,
  onRevealPost,
  onStepRedFlag,
  idPrefix,
}: {
  detection: Detection;
  catalog: Catalog;
  onOpen: OpenPage;
  onReveal?: Reveal;
  onRevealPost?: RevealPost;
  onStepRedFlag?: StepRedFlag;
  idPrefix: string;
}) {
  const view = findingsView(detection, catalog.kb);
  return (
    <>
      {detection.urgency === 'emergency' && (
        <EmergencyBanner
          reasons={detection.reasons}
          forSomeoneElse={detection.subject === 'other'}
          inThread={postsThatMatter(detection).length > 0}
        />
      )}
      <section aria-labelledby={`${idPrefix}-urgency`} class="bpl-summary">
        <h3 id={`${idPrefix}-urgency`}>{t('overallUrgency')}</h3>
        <UrgencySummary detection={detection} />
        {detection.reasons.length > 0 && (
          <ul>
            {detection.reasons.map((reason) => (
              <li key={reason.redFlagIds.join('+')}>
                <UrgencyBadge level={reason.urgency} /> {reason.text}
              </li>
            ))}
          </ul>
        )}
      </section>
      <PostsSection detection={detection} onRevealPost={onRevealPost} idPrefix={idPrefix} />
      {view.redFlags.length > 0 && (
        <section aria-labelledby={`${idPrefix}-red-flags`}>
          <h3 id={`${idPrefix}-red-flags`}>{t('redFlagsHeading')}</h3>
          {onStepRedFlag && <RedFlagSteps onStep={onStepRedFlag} />}
          <ul class="bpl-list">
            {view.redFlags.map((finding) => (
              <RedFlagItem key={finding.redFlag.id} finding={finding} onOpen={onOpen} onReveal={onReveal} />
            ))}
          </ul>
        </section>
      )}
      {view.topics.length > 0 && (
        <section aria-labelledby={`${idPrefix}-topics`}>
          <h3 id={`${idPrefix}-topics`}>{t('topicsHeading')}</h3>
          <ul class="bpl-list">
            {view.topics.map((finding) => (
              <TopicItem key={finding.topic.id} finding={finding} onOpen={onOpen} onReveal={onReveal} />
            ))}
          </ul>
        </section>
      )}
      {view.setAside.length > 0 && (
        <section aria-labelledby={`${idPrefix}-set-aside`}>
          <h3 id={`${idPrefix}-set-aside`}>{t('setAsideHeading')}</h3>
          <p class="bpl-muted">{t('setAsideIntro')}</p>
          <ul class="bpl-list">
            {view.setAside.map(({ match, index, context }) => (
              <li key={index} class="bpl-row">
                <q>{match.text}</q> <span class="bpl-muted">{t(CONTEXT_WORDS[context])}</span>
                {onReveal && <RevealButton matchIndexes={[index]} onReveal={onReveal} label={match.text} />}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
