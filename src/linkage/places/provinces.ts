import { readFileSync } from 'node:fs';
import { REFERENCE_DIR } from '../../domain/vocabulary.ts';

// Province names from data/reference/provinces.json (en, ko, romanized_dprk), plus the everyday
// variants no file lists, hand-written here: Hangul short forms (함북, 평남 …), the North's spellings
// (량강도, 라선), and Latin base names in several romanisations. North/South prefixes and suffixes
// (N., North, Puk, -bukto, -pukto, 북도 …) are recognised in resolve-origin.ts.

type ProvinceTerm = { code: string; en: string; ko: string; romanized_dprk?: string };

export type ProvinceForms = {
  code: string;
  /** Hangul forms, longest first. */
  hangul: string[];
  /** Latin base names without North/South (folded spellings are compared by phonetic key). */
  latin: string[];
  /** 'N' or 'S' for the halves of a divided province, else null. */
  half: 'N' | 'S' | null;
};

const EXTRA_HANGUL: Record<string, string[]> = {
  'NORTH-HAMGYONG': ['함북', '함경북'],
  'SOUTH-HAMGYONG': ['함남', '함경남'],
  'NORTH-PYONGAN': ['평북', '평안북'],
  'SOUTH-PYONGAN': ['평남', '평안남'],
  'NORTH-HWANGHAE': ['황북', '황해북'],
  'SOUTH-HWANGHAE': ['황남', '황해남'],
  RYANGGANG: ['량강도', '양강', '량강'],
  CHAGANG: ['자강'],
  KANGWON: ['강원'],
  PYONGYANG: ['평양'],
  RASON: ['라선', '나선', '라진선봉', '나진선봉', '라진', '나진', '선봉'],
  NAMPO: ['남포'],
  KAESONG: ['개성'],
  CHINA: ['중국'],
};

const EXTRA_LATIN: Record<string, string[]> = {
  'NORTH-HAMGYONG': ['Hambuk', 'Hampuk'],
  'SOUTH-HAMGYONG': ['Hamnam'],
  'NORTH-PYONGAN': ['Pyongbuk', 'Phyongbuk', 'Pyeongbuk'],
  'SOUTH-PYONGAN': ['Pyongnam', 'Phyongnam', 'Pyeongnam'],
  'NORTH-HWANGHAE': ['Hwangbuk'],
  'SOUTH-HWANGHAE': ['Hwangnam'],
  RYANGGANG: ['Yanggang', 'Ryangkang'],
  CHAGANG: ['Jagang'],
  KANGWON: ['Gangwon'],
  RASON: ['Rajin-Sonbong', 'Rajin', 'Sonbong', 'Najin', 'Rason', 'Raseon', 'Naseon'],
  NAMPO: ['Nampho'],
  KAESONG: ['Gaeseong'],
  CHINA: ['PRC'],
};

let forms: ProvinceForms[] | null = null;

function load(): ProvinceForms[] {
  const data = JSON.parse(readFileSync(new URL('provinces.json', REFERENCE_DIR), 'utf8')) as {
    terms: ProvinceTerm[];
  };
  return data.terms
    .filter((t) => t.code !== 'OTHER-UNKNOWN')
    .map((t) => {
      const half = t.code.startsWith('NORTH-') ? 'N' : t.code.startsWith('SOUTH-') ? 'S' : null;
      const base = (s: string) => s.replace(/^(North|South)\s+/, '');
      const latin = [
        base(t.en),
        ...(t.romanized_dprk ? [base(t.romanized_dprk)] : []),
        ...(EXTRA_LATIN[t.code] ?? []),
      ];
      const hangul = [t.ko, t.ko.replace(/[시도]$/, ''), ...(EXTRA_HANGUL[t.code] ?? [])]
        .filter((h) => h.length >= 2)
        .sort((a, b) => b.length - a.length);
      return { code: t.code, hangul, latin, half };
    });
}

/** The provinces with their forms (loaded once). */
export function provinceForms(): ProvinceForms[] {
  forms ??= load();
  return forms;
}
