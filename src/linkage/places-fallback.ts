// TEMPORARY stand-in for ./places/index.ts until the places module lands.
// Deliberately crude: only so that the engine can run end to end. Remove once theirs is committed.

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f'’]/g, '')
    .toLowerCase();
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
