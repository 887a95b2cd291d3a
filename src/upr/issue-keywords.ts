/**
 * Terms UPR Info's issue rules tie to issues (`Database_Issues_explanation`: the treaties — "a
 * reference to the Convention against Torture is tagged International instruments and Torture" —
 * and the chart of commonly used terms), written as word sequences (lower-case, as
 * `recommendationWords` gives them; a trailing `*` matches any ending). Each found term gives the
 * issues it names as features, so that rare phrasings share what the common ones learned.
 */
export const ISSUE_TERMS: readonly [string, readonly string[]][] = [
  // Treaties and their bodies.
  ['convention against torture', ['International instruments', 'Torture and other CID treatment']],
  ['cat', ['Torture and other CID treatment']],
  ['opcat', ['International instruments', 'Torture and other CID treatment', 'Detention']],
  ['optional protocol to the convention against torture', ['Torture and other CID treatment', 'Detention']],
  ['cedaw', ["Women's rights"]],
  ['discrimination against women', ["Women's rights"]],
  ['convention on the rights of the child', ['International instruments', 'Rights of the Child']],
  ['crc', ['Rights of the Child']],
  ['opac', ['Rights of the Child', 'International humanitarian law']],
  ['involvement of children in armed conflict', ['Rights of the Child', 'International humanitarian law']],
  ['opsc', ['Rights of the Child']],
  ['sale of children', ['Rights of the Child']],
  ['rights of persons with disabilities', ['Disabilities']],
  ['crpd', ['Disabilities']],
  ['migrant workers', ['Migrants', 'Labour']],
  ['icrmw', ['Migrants', 'Labour']],
  ['cerd', ['Racial discrimination']],
  ['racial discrimination', ['Racial discrimination']],
  ['enforced disappearance*', ['Enforced disappearances']],
  ['icped', ['Enforced disappearances']],
  ['iccpr', ['International instruments']],
  ['civil and political rights', ['CP rights - general']],
  ['icescr', ['International instruments']],
  ['economic social and cultural rights', ['ESC rights - general']],
  ['rome statute', ['International instruments', 'Justice']],
  ['international criminal court', ['Justice']],
  ['geneva convention*', ['International instruments', 'International humanitarian law']],
  ['refugee convention', ['International instruments', 'Asylum-seekers - refugees']],
  ['status of refugees', ['International instruments', 'Asylum-seekers - refugees']],
  ['statelessness', ['Other']],
  ['stateless persons', ['Other']],
  ['ilo convention*', ['International instruments', 'Labour']],
  ['treaty bodies', ['Treaty bodies']],
  ['treaty body', ['Treaty bodies']],
  ['special procedures', ['Special procedures']],
  ['standing invitation', ['Special procedures']],
  ['special rapporteur*', ['Special procedures']],
  ['un human rights mechanisms', ['Special procedures', 'Treaty bodies', 'UPR process']],
  ['declaration on human rights defenders', ['International instruments', 'Human rights defenders']],
  ['declaration on the rights of indigenous peoples', ['International instruments', 'Indigenous peoples']],
  // The chart of common terms.
  ['action plan', ['National plan of action']],
  ['plan of action', ['National plan of action']],
  ['national human rights plan', ['National plan of action']],
  ['paris principles', ['NHRI']],
  ['ombudsman', ['NHRI']],
  ['national human rights institution*', ['NHRI']],
  ['abortion', ["Women's rights"]],
  ['albinism', ['Minorities']],
  ['awareness raising', ['Human rights education and training']],
  ['awareness campaign*', ['Human rights education and training']],
  ['begging', ['Labour', 'Rights of the Child']],
  ['birth registration', ['Rights of the Child']],
  ['caste*', ['Minorities']],
  ['child labour', ['Rights of the Child', 'Labour']],
  ['child labor', ['Rights of the Child', 'Labour']],
  ['child soldier*', ['Rights of the Child', 'International humanitarian law']],
  ['citizenship', ['CP rights - general']],
  ['nationality', ['CP rights - general']],
  ['conscientious objection', ['Freedom of religion and belief']],
  ['conscientious objector*', ['Freedom of religion and belief']],
  ['international community', ['Other']],
  ['corporal punishment', ['Torture and other CID treatment']],
  ['crimes of the past', ['Justice']],
  ['defamation', ['Freedom of opinion and expression']],
  ['democracy', ['General']],
  ['domestic violence', ["Women's rights", 'Rights of the Child']],
  ['drug*', ['Public security']],
  ['early marriage*', ['Rights of the Child']],
  ['child marriage*', ['Rights of the Child']],
  ['elderly', ['Other']],
  ['older persons', ['Other']],
  ['ethnic*', ['Minorities']],
  ['family code', ["Women's rights"]],
  ['family values', ['Other']],
  ['genital mutilation', ["Women's rights", 'Rights of the Child', 'Torture and other CID treatment']],
  ['fgm', ["Women's rights", 'Rights of the Child', 'Torture and other CID treatment']],
  ['terrorism', ['Public security']],
  ['forced marriage*', ["Women's rights", 'Rights of the Child']],
  ['foreigner*', ['Migrants']],
  ['access to information', ['Freedom of opinion and expression']],
  ['right to information', ['Freedom of opinion and expression']],
  ['genocide', ['Justice']],
  ['good governance', ['Justice']],
  ['governance', ['Justice']],
  ['harmful practices', ['Torture and other CID treatment']],
  ['harmful traditional practices', ['Torture and other CID treatment']],
  ['hate crime*', ['Other']],
  ['honour crime*', ["Women's rights", 'Rights of the Child']],
  ['honour killing*', ["Women's rights", 'Rights of the Child']],
  ['honor killing*', ["Women's rights", 'Rights of the Child']],
  ['human rights mechanisms', ['Special procedures', 'Treaty bodies']],
  ['humanitarian access', ['Other']],
  ['international human rights obligations', ['International instruments']],
  ['international human rights standards', ['International instruments']],
  ['international human rights law', ['International instruments']],
  ['juvenile justice', ['Rights of the Child', 'Justice']],
  ['lawyers', ['Justice']],
  ['marginalized groups', ['Minorities']],
  ['marginalised groups', ['Minorities']],
  ['vulnerable groups', ['Minorities']],
  ['maternal mortality', ['Right to health', "Women's rights"]],
  ['millennium development goals', ['Development']],
  ['mdgs', ['Development']],
  ['missing persons', ['Other']],
  ['naturalization', ['Other']],
  ['opposition', ['Freedom of association and peaceful assembly']],
  ['organized crime', ['Public security']],
  ['organised crime', ['Public security']],
  ['paramilitar*', ['Public security', 'Justice']],
  ['peace', ['Other']],
  ['political prisoners', ['Freedom of opinion and expression']],
  ['public executions', ['Death penalty']],
  ['marital rape', ["Women's rights", 'Rights of the Child']],
  ['reconciliation', ['Justice']],
  ['regional cooperation', ['Other']],
  ['religious minorities', ['Minorities', 'Freedom of religion and belief']],
  ['reparation*', ['Justice']],
  ['reproductive health', ["Women's rights", 'Right to health']],
  ['reproductive rights', ['Right to health', 'Rights of the Child', "Women's rights"]],
  ['anti terrorism', ['Counter-terrorism']],
  ['counter terrorism', ['Counter-terrorism']],
  ['right to life', ['Other']],
  ['privacy', ['Other']],
  ['rule of law', ['Justice']],
  ['self determination', ['Other']],
  ['sexual violence', ["Women's rights", 'Rights of the Child']],
  ['slavery', ['Other']],
  ['state of emergency', ['Public security']],
  ['taser*', ['Torture and other CID treatment']],
  ['tolerance', ['General']],
  ['intolerance', ['General']],
  ['trafficking', ['Trafficking']],
  ['unemployment', ['Development']],
  ['equal pay', ["Women's rights"]],
  ['witchcraft', ['Justice']],
  ['youth', ['Other']],
  ['impunity', ['Impunity']],
  ['human rights education', ['Human rights education and training']],
  ['human rights training', ['Human rights education and training']],
  ['technical assistance', ['Technical assistance and cooperation']],
  ['capacity building', ['Technical assistance and cooperation']],
  ['civil society', ['Civil society']],
  ['non governmental organizations', ['Civil society']],
  ['human rights defenders', ['Human rights defenders']],
  ['death penalty', ['Death penalty']],
  ['capital punishment', ['Death penalty']],
  ['extrajudicial', ['Extrajudicial executions']],
  ['law enforcement', ['Human rights violations by state agents']],
  ['security forces', ['Human rights violations by state agents']],
  ['excessive use of force', ['Human rights violations by state agents']],
  ['sexual orientation', ['Sexual Orientation and Gender Identity']],
  ['gender identity', ['Sexual Orientation and Gender Identity']],
  ['internally displaced', ['Internally displaced persons']],
  ['freedom of expression', ['Freedom of opinion and expression']],
  ['freedom of assembly', ['Freedom of association and peaceful assembly']],
  ['freedom of association', ['Freedom of association and peaceful assembly']],
  ['freedom of religion', ['Freedom of religion and belief']],
  ['freedom of movement', ['Freedom of movement']],
  ['universal periodic review', ['UPR process']],
  ['upr', ['UPR process']],
];

type Term = { words: string[]; prefix: boolean; issues: readonly string[] };

const TERMS: Term[] = ISSUE_TERMS.map(([term, issues]) => {
  const prefix = term.endsWith('*');
  return { words: (prefix ? term.slice(0, -1) : term).split(' '), prefix, issues };
});

const BY_FIRST_WORD = new Map<string, Term[]>();
for (const term of TERMS) {
  const first = term.words[0] as string;
  BY_FIRST_WORD.set(first, [...(BY_FIRST_WORD.get(first) ?? []), term]);
}
const PREFIX_FIRST = TERMS.filter((t) => t.words.length === 1 && t.prefix);

/** The issues that the terms found in a recommendation's words name (each once). */
export function keywordIssues(words: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const candidates = [
      ...(BY_FIRST_WORD.get(word) ?? []),
      ...PREFIX_FIRST.filter((t) => word.startsWith(t.words[0] as string)),
    ];
    for (const term of candidates) {
      const n = term.words.length;
      let match = true;
      for (let k = 0; k < n && match; k++) {
        const w = words[i + k];
        const t = term.words[k] as string;
        match = w !== undefined && (k === n - 1 && term.prefix ? w.startsWith(t) : w === t);
      }
      if (match) for (const issue of term.issues) found.add(issue);
    }
  }
  return found;
}
