// Estimating how wide a label will be without a browser, and wrapping it to fit.

/** Rough advance width of one character, in ems, for a sans-serif with Hangul. */
function charWidth(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  if ((c >= 0xac00 && c <= 0xd7a3) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f))
    return 0.95;
  if (c >= 0x2e80 && c <= 0x9fff) return 1;
  if (" .,:;'|!il".includes(ch)) return 0.3;
  if ('mwMW@'.includes(ch)) return 0.85;
  if (ch >= 'A' && ch <= 'Z') return 0.66;
  return 0.55;
}

export function textWidth(s: string, fontSize: number): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch);
  return w * fontSize;
}

/** Shortens `s` to fit `maxWidth`, ending in an ellipsis. */
export function truncate(s: string, maxWidth: number, fontSize: number): string {
  if (textWidth(s, fontSize) <= maxWidth) return s;
  const chars = [...s];
  while (chars.length > 1 && textWidth(`${chars.join('').trimEnd()}…`, fontSize) > maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/**
 * Breaks `s` into at most `maxLines` lines of at most `maxWidth`, at spaces (or anywhere, for a
 * word longer than a line); the last line is truncated when the label does not fit.
 * `truncated` tells whether anything was left out.
 */
export function wrap(
  s: string,
  maxWidth: number,
  fontSize: number,
  maxLines: number,
): { lines: string[]; truncated: boolean } {
  const words = s.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (textWidth(candidate, fontSize) <= maxWidth || !current) current = candidate;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  const fitted = lines.slice(0, maxLines);
  let truncated = lines.length > maxLines;
  const last = fitted.length - 1;
  if (last >= 0) {
    const tail = truncated ? `${fitted[last]} ${lines.slice(maxLines).join(' ')}` : (fitted[last] as string);
    const cut = truncate(tail, maxWidth, fontSize);
    if (cut !== tail) truncated = true;
    fitted[last] = cut;
  }
  for (let i = 0; i < last; i++) {
    const cut = truncate(fitted[i] as string, maxWidth, fontSize);
    if (cut !== fitted[i]) truncated = true;
    fitted[i] = cut;
  }
  return { lines: fitted, truncated };
}
