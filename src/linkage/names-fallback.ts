// TEMPORARY stand-in for ./names/index.ts and ./places/index.ts until the names helper's module lands.
// Deliberately crude: only so that the engine can run end to end. Remove once theirs is committed.
import { romanize } from 'es-hangul';

export type NameReading = { surname: string | null; given: string; syllables: string[] };

const SURNAMES = new Set(
  'kim lee yi ri rhee li park pak bak choi choe chung jung jeong jong chong kang cho jo yoon yun jang chang lim im rim han oh o seo suh so shin sin kwon gwon hwang ahn an song yoo yu ryu jeon jun chun hong ko koh go moon mun yang ryang son sohn bae pae baek paik paek heo huh ho noh roh no ro nam'.split(
    ' ',
  ),
);

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f']/g, '')
    .toLowerCase();
}

function phonetic(s: string): string {
  return s
    .replace(/eo|ou|oo/g, 'o')
    .replace(/eu/g, 'u')
    .replace(/[gk]/g, 'k')
    .replace(/[bp]/g, 'p')
    .replace(/[dt]/g, 't')
    .replace(/[jc]h?/g, 'c')
    .replace(/sh/g, 's')
    .replace(/[rl]/g, 'r')
    .replace(/y/g, 'y');
}

export function readName(name: string | undefined | null): NameReading[] {
  if (!name) return [];
  let text = name.trim();
  if (/[\uac00-\ud7a3]/.test(text)) {
    const chars = [...text.replace(/\s+/g, '')];
    text = `${romanize(chars[0] ?? '')} ${chars
      .slice(1)
      .map((c) => romanize(c))
      .join('-')}`;
  }
  const tokens = fold(text)
    .split(/[\s,]+/)
    .filter(Boolean);
  if (tokens.length === 0) return [];
  const out: NameReading[] = [];
  const build = (surname: string | null, rest: string[]) => {
    const syllables = rest.flatMap((t) => t.split('-')).filter(Boolean);
    out.push({ surname: surname && phonetic(surname), given: phonetic(syllables.join('')), syllables });
  };
  const first = tokens[0] as string;
  const last = tokens[tokens.length - 1] as string;
  if (tokens.length > 1 && SURNAMES.has(first)) build(first, tokens.slice(1));
  if (tokens.length > 1 && SURNAMES.has(last) && last !== first) build(last, tokens.slice(0, -1));
  if (out.length === 0) build(tokens.length > 1 ? first : null, tokens.slice(tokens.length > 1 ? 1 : 0));
  return out;
}

function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (!la || !lb) return 0;
  const range = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const ma = new Uint8Array(la);
  const mb = new Uint8Array(lb);
  let m = 0;
  for (let i = 0; i < la; i++)
    for (let j = Math.max(0, i - range); j < Math.min(lb, i + range + 1); j++)
      if (!mb[j] && a[i] === b[j]) {
        ma[i] = mb[j] = 1;
        m++;
        break;
      }
  if (!m) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < la; i++)
    if (ma[i]) {
      while (!mb[k]) k++;
      if (a[i] !== b[k]) t++;
      k++;
    }
  const jaro = (m / la + m / lb + (m - t / 2) / m) / 3;
  let p = 0;
  while (p < 4 && a[p] === b[p]) p++;
  return jaro + p * 0.1 * (1 - jaro);
}

export function nameKey(r: NameReading): string {
  return `${r.surname ?? ''}|${r.given}`;
}

export function nameSimilarity(a: NameReading[], b: NameReading[]): number {
  let best = 0;
  for (const x of a)
    for (const y of b) {
      const given = jaroWinkler(x.given, y.given);
      const surname = x.surname && y.surname ? jaroWinkler(x.surname, y.surname) : 0.9;
      best = Math.max(best, 0.7 * given + 0.3 * surname);
    }
  return best;
}

export function resolveFacility(text: string | undefined | null): { codes: string[]; key: string | null } {
  if (!text) return { codes: [], key: null };
  const key = fold(text).replace(/[^a-z0-9\uac00-\ud7a3]/g, '');
  const number = /(\d+)/.exec(key)?.[1];
  return { codes: number ? [`N${number}`] : [], key };
}

export function facilitySimilarity(a: string | undefined | null, b: string | undefined | null): number {
  const x = resolveFacility(a);
  const y = resolveFacility(b);
  if (x.codes.some((c) => y.codes.includes(c))) return 1;
  return x.key && y.key ? jaroWinkler(x.key, y.key) : 0;
}

export function resolveOrigin(text: string | undefined | null): {
  province: string | null;
  locality: string | null;
} {
  if (!text) return { province: null, locality: null };
  const parts = fold(text)
    .split(/[,/]/)
    .map((p) => p.trim().replace(/[\s-]+/g, ''))
    .filter(Boolean);
  if (parts.length === 1) return { province: parts[0] ?? null, locality: null };
  return { province: parts[parts.length - 1] ?? null, locality: parts[0] ?? null };
}
