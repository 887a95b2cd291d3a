// State names as UPR Info spells them, and the reading of "(Spain, Bolivia (Plurinational State
// of) and the Netherlands)" into those names.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { REFERENCE_DIR } from '../domain/vocabulary.ts';

/** One state (or observer) as named in UPR Info's data, with its regional group and other spellings. */
export const UprState = z.object({
  name: z.string(),
  group: z.string(),
  aliases: z.array(z.string()).optional(),
});
export type UprState = z.infer<typeof UprState>;

const UprStateFile = z.object({ source: z.string(), states: z.array(UprState) });

/** Reads the shipped list `data/reference/upr-states.json`. */
export function readUprStates(): UprState[] {
  const text = readFileSync(new URL('upr-states.json', REFERENCE_DIR), 'utf8');
  return UprStateFile.parse(JSON.parse(text)).states;
}

/** Apostrophes, dashes and spaces as one spelling, lower case, without a leading "the". */
const normalize = (text: string): string =>
  text
    .replace(/[’‘`´]/g, "'")
    .replace(/[‐‑–]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** Reads lists of state names ("Canada, the Netherlands and Italy") into UPR Info's spellings. */
export class StateNames {
  readonly #spellings: { spelling: string; name: string }[];
  readonly #names: Set<string>;

  constructor(states: UprState[]) {
    this.#names = new Set(states.map((s) => s.name));
    this.#spellings = states
      .flatMap((s) =>
        [s.name, ...(s.aliases ?? [])].map((spelling) => ({ spelling: normalize(spelling), name: s.name })),
      )
      // Longest first, so that "Republic of Korea" is not read as "Korea" and "Congo" inside "Republic of the Congo".
      .sort((a, b) => b.spelling.length - a.spelling.length);
  }

  /** Is this exactly one of UPR Info's state names? */
  isKnown(name: string): boolean {
    return this.#names.has(name);
  }

  /** The UPR Info name of one state spelt any known way, or undefined. */
  nameOf(text: string): string | undefined {
    const list = this.readList(text);
    return list?.length === 1 ? list[0] : undefined;
  }

  /** The state whose name begins the text ("The Czech Republic recommended …"), if any. */
  leadingName(text: string): string | undefined {
    const rest = normalize(text).replace(/^the\s+/, '');
    return this.#spellings.find(
      (s) => rest.startsWith(s.spelling) && !/^[\p{L}\p{N}]/u.test(rest.slice(s.spelling.length)),
    )?.name;
  }

  /**
   * The states of a list such as "Algeria, Philippines, Egypt, Mexico and Peru", or undefined when
   * anything in it is not a state name (then the parentheses held something else, e.g. "(ICCPR)").
   */
  readList(text: string): string[] | undefined {
    let rest = normalize(text);
    const names: string[] = [];
    while (rest !== '') {
      rest = rest.replace(/^(?:[,;]|\band\b|\s)+/, '').replace(/^the\s+/, '');
      if (rest === '') break;
      const match = this.#spellings.find(
        (s) => rest.startsWith(s.spelling) && !/^[\p{L}\p{N}]/u.test(rest.slice(s.spelling.length)),
      );
      if (!match) return undefined;
      names.push(match.name);
      rest = rest.slice(match.spelling.length).trim();
      if (rest !== '' && !/^(?:[,;]|and\b)/.test(rest)) return undefined;
    }
    return names.length > 0 ? names : undefined;
  }
}
