/** One reading of a written name, in a script-independent coarse phonetic form. */
export type NameReading = {
  /** Canonical surname id ('KIM', 'LEE' …), or null when no surname is recognised. */
  surname: string | null;
  /** Coarse key of the given name, syllables concatenated ('yongho'); folded letters if unsegmented. */
  given: string;
  /** Coarse key per syllable (['yong', 'ho']); [] if the given name cannot be segmented. */
  syllables: string[];
  /**
   * Fine key per syllable, parallel to `syllables`: the syllables the spelling can stand for, joined
   * by '/' when the romanisation is ambiguous ('yeong/yong' for DPRK "Yong"; 'yeong' for 영).
   */
  fine: string[];
  /** Coarse key of the surname as written ('' when the name has no surname part). */
  surnameKey: string;
  /** True when the given name was segmented only after correcting one typing slip. */
  repaired: boolean;
};
