import { useState } from 'preact/hooks';
import type { RedFlag } from '../content-data/schema';
import { selfCheckOutcome, selfCheckQuestions, type Answer, type Answers, type SelfCheckOutcome } from '../lib/panel/self-check';
import { t, type MessageKey } from '../lib/i18n';
import { EmergencyBanner } from './EmergencyBanner';
import { UrgencyBadge, urgencyMeaning } from './UrgencyBadge';

const ANSWER_WORDS: [Answer, MessageKey][] = [
  ['yes', 'answerYes'],
  ['no', 'answerNo'],
  ['unsure', 'answerUnsure'],
];

function Result({ outcome, total }: { outcome: SelfCheckOutcome; total: number }) {
  if (outcome.answeredCount === 0) return <p>{t('selfCheckNoAnswers')}</p>;
  const { urgency, reasons } = outcome.triage;
  const waiting = outcome.unansweredEmergency.length;
  return (
    <>
      {urgency !== 'none' ? (
        <p>
          <UrgencyBadge level={urgency} /> {urgencyMeaning(urgency)}
        </p>
      ) : waiting > 0 ? (
        // No reassurance while an emergency question is still open.
        <p>{t('selfCheckEmergencyUnanswered', String(waiting))}</p>
      ) : (
        <p>{t('selfCheckNoneAdvice')}</p>
      )}
      {reasons.length > 0 && (
        <ul>
          {reasons.map((reason) => (
            <li key={reason.redFlagIds.join('+')}>{reason.text}</li>
          ))}
        </ul>
      )}
      {outcome.unsure.length > 0 && (
        <>
          <p>{t('selfCheckUnsureAdvice')}</p>
          <ul>
            {outcome.unsure.map((redFlag) => (
              <li key={redFlag.id}>{redFlag.label}</li>
            ))}
          </ul>
        </>
      )}
      {!outcome.complete && (
        <p class="bpl-muted">{t('selfCheckProgress', String(outcome.answeredCount), String(total))}</p>
      )}
    </>
  );
}

/**
 * Each red flag's question as yes / no / not sure. The answers live in this component's state
 * only: nothing is stored or sent anywhere, and "Start again" forgets them. The answer that makes
 * the outcome an emergency shows the emergency banner right under its question, with focus on it.
 */
export function SelfCheck({ redFlags }: { redFlags: RedFlag[] }) {
  const [answers, setAnswers] = useState<Answers>({});
  /** The question under which the emergency banner shows (the one whose answer raised it). */
  const [emergencyAt, setEmergencyAt] = useState<string | null>(null);
  const questions = selfCheckQuestions(redFlags);
  const outcome = selfCheckOutcome(answers, redFlags);

  const answer = (id: string, value: Answer) => {
    const next = { ...answers, [id]: value };
    const emergency = selfCheckOutcome(next, redFlags).triage.urgency === 'emergency';
    setAnswers(next);
    setEmergencyAt(emergency ? (emergencyAt ?? id) : null);
  };

  return (
    <section class="bpl-page" aria-labelledby="bpl-self-check-title">
      <h2 id="bpl-self-check-title">{t('selfCheckTitle')}</h2>
      <p>{t('selfCheckIntro')}</p>
      <form
        onSubmit={(event) => event.preventDefault()}
        onReset={() => {
          setAnswers({});
          setEmergencyAt(null);
        }}
        aria-labelledby="bpl-self-check-title"
      >
        {questions.map((redFlag) => (
          <fieldset key={redFlag.id} class="bpl-question">
            <legend>{redFlag.question}</legend>
            <div class="bpl-choices">
              {ANSWER_WORDS.map(([value, word]) => (
                <label key={value} class="bpl-choice">
                  <input
                    type="radio"
                    name={`self-check-${redFlag.id}`}
                    value={value}
                    checked={answers[redFlag.id] === value}
                    onChange={() => answer(redFlag.id, value)}
                  />
                  {t(word)}
                </label>
              ))}
            </div>
            {emergencyAt === redFlag.id && (
              <EmergencyBanner
                key={redFlag.id}
                reasons={outcome.triage.reasons}
                idPrefix="bpl-self-check-emergency"
                headingLevel={3}
                takeFocus
              />
            )}
          </fieldset>
        ))}
        <section aria-labelledby="bpl-self-check-result" aria-live="polite" class="bpl-result">
          <h3 id="bpl-self-check-result">{t('selfCheckResultHeading')}</h3>
          <Result outcome={outcome} total={redFlags.length} />
        </section>
        <button type="reset" class="bpl-button">
          {t('startAgain')}
        </button>
      </form>
    </section>
  );
}
