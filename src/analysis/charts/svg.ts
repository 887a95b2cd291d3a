// Writing SVG as text: escaping, attributes, numbers and the document around a chart.

/** Escapes text for element content and attribute values (both quote kinds). */
export function escapeXml(text: string): string {
  return xmlChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Leaves out the characters XML 1.0 does not allow (C0 controls but tab and newlines, U+FFFE, U+FFFF). */
function xmlChars(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffe || c === 0xffff) continue;
    out += ch;
  }
  return out;
}

/** A coordinate or length, rounded to 0.01 so that output is short and stable. */
export function num(x: number): string {
  const r = Math.round(x * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

export type Attrs = Record<string, string | number | undefined>;

function attrText(attrs: Attrs): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    out += ` ${name}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`;
  }
  return out;
}

/** An element; `children` is already-written SVG (use `text()` for character data). */
export function el(name: string, attrs: Attrs, children?: string): string {
  return children === undefined || children === ''
    ? `<${name}${attrText(attrs)}/>`
    : `<${name}${attrText(attrs)}>${children}</${name}>`;
}

/** Character data, escaped. */
export const text = (s: string): string => escapeXml(s);

/** A `<title>` child: the accessible name, and the tooltip on screen. */
export const title = (s: string): string => el('title', {}, text(s));

export type DocumentParts = {
  width: number;
  height: number;
  /** Accessible name (`<title>`). */
  title: string;
  /** Accessible description (`<desc>`): what the data shows, in words. */
  desc: string;
  lang: string;
  /** Prefix of every id in the document; distinct per chart so several can share an HTML page. */
  idPrefix: string;
  defs?: string;
  body: string;
  fontFamily: string;
};

/** The whole SVG document: fixed viewBox, accessible name and description, no external resources. */
export function svgDocument(parts: DocumentParts): string {
  const titleId = `${parts.idPrefix}-title`;
  const descId = `${parts.idPrefix}-desc`;
  const open = attrText({
    xmlns: 'http://www.w3.org/2000/svg',
    version: '1.1',
    width: parts.width,
    height: parts.height,
    viewBox: `0 0 ${num(parts.width)} ${num(parts.height)}`,
    role: 'img',
    'aria-labelledby': titleId,
    'aria-describedby': descId,
    'xml:lang': parts.lang,
    lang: parts.lang,
    'font-family': parts.fontFamily,
  });
  return (
    `<svg${open}>` +
    el('title', { id: titleId }, text(parts.title)) +
    el('desc', { id: descId }, text(parts.desc)) +
    (parts.defs ? el('defs', {}, parts.defs) : '') +
    el('rect', { width: parts.width, height: parts.height, fill: '#ffffff' }) +
    parts.body +
    '</svg>\n'
  );
}

/** FNV-1a, 32-bit, as 8 hex digits: a stable short id from the chart's input. */
export function hashId(input: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    h ^= input.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
