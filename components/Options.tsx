import { COMMANDS, type CommandName } from '../lib/background/commands';
import { HIGHLIGHT_STYLES, THEMES, type Settings } from '../lib/settings';
import { t, type MessageKey } from '../lib/i18n';
import { Notice } from './Notice';

const HIGHLIGHT_WORDS: Record<Settings['highlightStyle'], MessageKey> = {
  underline: 'highlightUnderline',
  background: 'highlightBackground',
  off: 'highlightOff',
};

const THEME_WORDS: Record<Settings['theme'], MessageKey> = {
  auto: 'themeAuto',
  light: 'themeLight',
  dark: 'themeDark',
};

function Choice<T extends string>({ name, legend, options, words, value, onChange }: {
  name: string;
  legend: string;
  options: readonly T[];
  words: Record<T, MessageKey>;
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset class="bpl-fieldset">
      <legend>{legend}</legend>
      <div class="bpl-choices">
        {options.map((option) => (
          <label key={option} class="bpl-choice">
            <input type="radio" name={name} value={option} checked={value === option} onChange={() => onChange(option)} />
            {t(words[option])}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The keyboard shortcut of each command that has one. */
export type Shortcuts = Partial<Record<CommandName | string, string>>;

const SHORTCUT_WORDS: [CommandName, MessageKey][] = [
  [COMMANDS.lookUp, 'shortcutLookup'],
  [COMMANDS.nextRedFlag, 'shortcutNextRedFlag'],
  [COMMANDS.previousRedFlag, 'shortcutPreviousRedFlag'],
];

export interface OptionsProps {
  settings: Settings;
  shortcuts: Shortcuts;
  onChange: (patch: Partial<Settings>) => void;
  /** Why the last change was not saved (shown as an alert), or null. */
  problem?: string | null;
}

/** The settings page. Every change is saved at once and applies live in every open tab. */
export function Options({ settings, shortcuts, onChange, problem = null }: OptionsProps) {
  return (
    <div class="bpl-app bpl-options">
      <main class="bpl-main">
        <h1>{t('settingsTitle')}</h1>
        <div role="alert">
          {problem && <p class="bpl-card bpl-card--urgent">{problem}</p>}
        </div>
        <section aria-labelledby="bpl-options-highlights">
          <h2 id="bpl-options-highlights">{t('highlightsHeading')}</h2>
          <Choice
            name="highlightStyle"
            legend={t('highlightStyleLegend')}
            options={HIGHLIGHT_STYLES}
            words={HIGHLIGHT_WORDS}
            value={settings.highlightStyle}
            onChange={(highlightStyle) => onChange({ highlightStyle })}
          />
          <label class="bpl-choice">
            <input
              type="checkbox"
              checked={settings.redFlagsOnly}
              aria-describedby="bpl-red-flags-only-hint"
              onChange={(event) => onChange({ redFlagsOnly: event.currentTarget.checked })}
            />
            {t('redFlagsOnly')}
          </label>
          <p id="bpl-red-flags-only-hint" class="bpl-muted">
            {t('redFlagsOnlyHint')}
          </p>
        </section>
        <section aria-labelledby="bpl-options-appearance">
          <h2 id="bpl-options-appearance">{t('appearanceHeading')}</h2>
          <Choice
            name="theme"
            legend={t('themeLegend')}
            options={THEMES}
            words={THEME_WORDS}
            value={settings.theme}
            onChange={(theme) => onChange({ theme })}
          />
        </section>
        <section aria-labelledby="bpl-options-sites">
          <h2 id="bpl-options-sites">{t('pausedSitesHeading')}</h2>
          <label class="bpl-choice">
            <input
              type="checkbox"
              role="switch"
              checked={settings.pausedEverywhere}
              onChange={(event) => onChange({ pausedEverywhere: event.currentTarget.checked })}
            />
            {t('pauseEverywhere')}
          </label>
          {settings.pausedSites.length === 0 ? (
            <p>{t('pausedSitesEmpty')}</p>
          ) : (
            <ul class="bpl-list bpl-sites">
              {settings.pausedSites.map((site) => (
                <li key={site} class="bpl-row">
                  <span>{site}</span>{' '}
                  <button
                    type="button"
                    class="bpl-button bpl-button--small"
                    aria-label={t('removeSite', site)}
                    onClick={() => onChange({ pausedSites: settings.pausedSites.filter((entry) => entry !== site) })}
                  >
                    {t('remove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="bpl-options-shortcut">
          <h2 id="bpl-options-shortcut">{t('shortcutHeading')}</h2>
          {SHORTCUT_WORDS.map(([command, word]) => (
            <p key={command}>
              {t(word)} <kbd class="bpl-kbd">{shortcuts[command] ?? t('shortcutNotSet')}</kbd>
            </p>
          ))}
          <p class="bpl-muted">{t('shortcutHint')}</p>
        </section>
        <Notice />
      </main>
    </div>
  );
}
