/**
 * Whether a text is English, the only language the lexicon knows: from the share of common English
 * function words against common function words of other languages written in Latin letters, from
 * the script, and, when the words do not settle it, from the language the page declares. A text
 * is called other than English only on evidence: a page of menus and names stays English.
 */

export type Language = 'english' | 'other' | 'unsure';

/** Frequent English words that are (nearly) never words of the languages below. */
const ENGLISH = new Set(
  ('the and of to is it that for was with have has had but not this are be my you at been can just ' +
    'what when about from they will would she he her his we our your there their were which if do ' +
    'does did or get got so very because after before then than also only').split(' '),
);

/**
 * Frequent function words of Spanish, French, German, Italian, Portuguese and Dutch that English
 * text does not use ("per", "pour", "van", "et al.", "die" are left out for that reason).
 */
const OTHER = new Set(
  ('de la que el los las del por una con para pero muy es su se lo como más y mi tengo ' +
    'le les des une je pas dans qui avec sur mes très ne au aux du ce cette ' +
    'der das und ist nicht ich mit ein eine auf den dem sich auch mein meine zu bei ' +
    'il di che è sono ho della gli nel anche ' +
    'não uma com para meu minha tenho mais ' +
    'het een en ik niet zijn mijn dat wat maar ook').split(' '),
);

/** Texts with at least this many words are judged by their word shares. */
const LONG_TEXT_WORDS = 12;
/** In English prose these few words are a quarter or more of all words; menus and lists have fewer. */
const MIN_ENGLISH_SHARE = 0.08;

function declaredLanguage(declared: string): Language {
  const primary = declared.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (primary === '') return 'unsure';
  return primary === 'en' ? 'english' : 'other';
}

/**
 * `declared`: the language the page says it is in (`<html lang>`), if any. A short text such as a
 * search query is judged on its words alone.
 */
export function languageOf(text: string, declared = ''): Language {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length === 0) return declaredLanguage(declared);
  const letters = words.join('');
  const latin = letters.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (latin < letters.length / 2) return 'other';

  let english = 0;
  let other = 0;
  for (const word of words) {
    if (ENGLISH.has(word)) english++;
    else if (OTHER.has(word)) other++;
  }
  if (words.length >= LONG_TEXT_WORDS) {
    if (english >= other && english / words.length >= MIN_ENGLISH_SHARE) return 'english';
    if (other > english) return 'other';
  } else if (words.length >= 2) {
    if (other > english) return 'other';
    if (english > other) return 'english';
  }
  return declaredLanguage(declared);
}
