import { describe, expect, it } from 'vitest';
import { languageOf } from '../../lib/language';

describe('languageOf', () => {
  it('reads English prose as English, lay forum writing included', () => {
    expect(
      languageOf(
        'I have had lower back pain for about three weeks and it gets worse when I sit at my desk. ' +
          'The doctor said it was a muscle strain but the pain is now going down my left leg.',
      ),
    ).toBe('english');
  });

  it('reads Spanish, French, German, Italian, Portuguese and Dutch posts as other', () => {
    for (const text of [
      'Tengo dolor de espalda desde hace tres semanas y el médico dice que es una contractura muscular, pero me duele mucho la pierna.',
      "J'ai mal au dos depuis trois semaines et le médecin dit que ce n'est pas grave, mais la douleur descend dans ma jambe.",
      'Ich habe seit drei Wochen Rückenschmerzen und der Arzt sagt, dass es nicht schlimm ist, aber das Bein tut auch weh.',
      'Ho mal di schiena da tre settimane e il medico dice che è una contrattura, ma il dolore scende nella gamba anche di notte.',
      'Tenho dor nas costas há três semanas e o médico disse que não é nada grave, mas a dor desce para a minha perna.',
      'Ik heb al drie weken rugpijn en de dokter zegt dat het niet ernstig is, maar de pijn gaat ook naar mijn been.',
    ]) {
      expect(languageOf(text), text).toBe('other');
    }
  });

  it('reads text in other scripts as other', () => {
    expect(languageOf('我的腰很痛，已经三个星期了。')).toBe('other');
    expect(languageOf('У меня болит спина уже три недели')).toBe('other');
  });

  it('keeps a page of menus and names English unless it declares another language', () => {
    const menus = 'Home Forums Members Login Register Search Latest posts Sciatica Lower back Treatments Exercises Contact Privacy';
    expect(languageOf(menus)).toBe('unsure');
    expect(languageOf(menus, 'en-GB')).toBe('english');
    expect(languageOf(menus, 'de')).toBe('other');
  });

  it('trusts the words over a wrong declaration once there are enough of them', () => {
    const english = 'My back has been killing me since the weekend and the painkillers do not help at all with it.';
    expect(languageOf(english, 'fr')).toBe('english');
  });

  it('judges a short query by its words, and leaves one unknown word unsure', () => {
    expect(languageOf('dolor de espalda')).toBe('other');
    expect(languageOf('mal au dos')).toBe('other');
    expect(languageOf('what is sciatica')).toBe('english');
    expect(languageOf('siatica')).toBe('unsure');
    expect(languageOf('')).toBe('unsure');
  });
});
