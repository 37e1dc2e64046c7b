import { useState } from 'preact/hooks';
import type { RedFlag } from '../content-data/schema';
import { selfCheckOutcome, selfCheckQuestions, type Answer, type Answers } from '../lib/panel/self-check';
import { t, type MessageKey } from '../lib/i18n';
import { UrgencyBadge, urgencyMeaning } from './UrgencyBadge';

const ANSWER_WORDS: [Answer, MessageKey][] = [
  ['yes', 'answerYes'],
  ['no', 'answerNo'],
  ['unsure', 'answerUnsure'],
];

function Result({ answers, redFlags }: { answers: Answers; redFlags: RedFlag[] }) {
  const outcome = selfCheckOutcome(answers, redFlags);
  if (outcome.answeredCount === 0) return <p>{t('selfCheckNoAnswers')}</p>;
  const { urgency, reasons } = outcome.triage;
  return (
    <>
      <p>
        <UrgencyBadge level={urgency} />{' '}
        {urgency === 'none' ? t('selfCheckNoneAdvice') : urgencyMeaning(urgency)}
      </p>
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
        <p class="bpl-muted">{t('selfCheckProgress', String(outcome.answeredCount), String(redFlags.length))}</p>
      )}
    </>
  );
}

/**
 * Each red flag's question as yes / no / not sure. The answers live in this component's state
 * only: nothing is stored or sent anywhere, and "Start again" forgets them.
 */
export function SelfCheck({ redFlags }: { redFlags: RedFlag[] }) {
  const [answers, setAnswers] = useState<Answers>({});
  const questions = selfCheckQuestions(redFlags);
  return (
    <section class="bpl-page" aria-labelledby="bpl-self-check-title">
      <h2 id="bpl-self-check-title">{t('selfCheckTitle')}</h2>
      <p>{t('selfCheckIntro')}</p>
      <form
        onSubmit={(event) => event.preventDefault()}
        onReset={() => setAnswers({})}
        aria-labelledby="bpl-self-check-title"
      >
        {questions.map((redFlag) => (
          <fieldset key={redFlag.id} class="bpl-question">
            <legend>{redFlag.question}</legend>
            <div class="bpl-choices">
              {ANSWER_WORDS.map(([answer, word]) => (
                <label key={answer} class="bpl-choice">
                  <input
                    type="radio"
                    name={`self-check-${redFlag.id}`}
                    value={answer}
                    checked={answers[redFlag.id] === answer}
                    onChange={() => setAnswers({ ...answers, [redFlag.id]: answer })}
                  />
                  {t(word)}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <section aria-labelledby="bpl-self-check-result" aria-live="polite" class="bpl-result">
          <h3 id="bpl-self-check-result">{t('selfCheckResultHeading')}</h3>
          <Result answers={answers} redFlags={redFlags} />
        </section>
        <button type="reset" class="bpl-button">
          {t('startAgain')}
        </button>
      </form>
    </section>
  );
}
