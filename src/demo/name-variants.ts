import { GIVEN_SYLLABLES, SOUTH_INITIAL_FORMS, SURNAMES, type Surname } from './korean-names.ts';
import type { Random } from './random.ts';
import { capitalize, type Romanization, romanizeGivenName } from './romanize.ts';

/** A fictional person's true name, as the North writes it. */
export type TrueName = { surname: Surname; given: string };

/** The ways a testimony may write a name, by the `name-forms` vocabulary's codes. */
export type NameForm =
  | 'HANGUL'
  | 'HANGUL-NORTH'
  | 'ROMANIZED-RR'
  | 'ROMANIZED-MR'
  | 'ROMANIZED-DPRK'
  | 'ROMANIZED-OTHER'
  | 'ALIAS';

/** Draws a name: surnames by their share of the population, so common names collide as in life. */
export function drawName(random: Random, sex: 'female' | 'male'): TrueName {
  const surname = random.weighted(SURNAMES.map((s) => [s, s.share] as const));
  const syllables = GIVEN_SYLLABLES[sex];
  let given = random.pick(syllables) + random.pick(syllables);
  if (random.chance(0.03)) given = random.pick(syllables);
  return { surname, given };
}

/** The South's spelling of a North Korean given name: the initial-sound rule on its first syllable. */
export function southGiven(given: string): string {
  const first = given.charAt(0);
  return (SOUTH_INITIAL_FORMS[first] ?? first) + given.slice(1);
}

/** The name written in one form, as an interviewer or translator might (sometimes with a slip). */
export function writeName(name: TrueName, form: NameForm, random: Random): string {
  switch (form) {
    case 'HANGUL':
      return name.surname.hangul + southGiven(name.given);
    case 'HANGUL-NORTH':
      return name.surname.north + name.given;
    case 'ROMANIZED-RR':
    case 'ROMANIZED-MR':
    case 'ROMANIZED-DPRK': {
      const system = form.slice(10).toLowerCase() as Romanization;
      const surname =
        system === 'rr' ? name.surname.rr : system === 'mr' ? name.surname.mr : name.surname.dprk;
      const given = romanizeGivenName(system === 'dprk' ? name.given : southGiven(name.given), system);
      return `${surname} ${given}`;
    }
    case 'ROMANIZED-OTHER': {
      // Passport and press spellings: "Lee Young-ho", "Youngho Lee", "LEE YOUNGHO", with typos.
      const surname = random.pick(name.surname.common);
      let given = romanizeGivenName(southGiven(name.given), 'rr').replace(
        'Yeo',
        random.chance(0.5) ? 'Yo' : 'Yeo',
      );
      if (random.chance(0.3))
        given = given
          .replace('-', '')
          .toLowerCase()
          .replace(/^./, (c) => c.toUpperCase());
      if (random.chance(0.1)) given = typo(given, random);
      const full = random.chance(0.3) ? `${given} ${surname}` : `${surname} ${given}`;
      return random.chance(0.1) ? full.toUpperCase() : full;
    }
    case 'ALIAS':
      return `${capitalize(random.pick(['old', 'tall', 'little', 'big']))} ${name.surname.mr}`;
  }
}

function typo(word: string, random: Random): string {
  if (word.length < 4) return word;
  const i = random.int(1, word.length - 2);
  return random.chance(0.5)
    ? word.slice(0, i) + word.slice(i + 1)
    : word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}
