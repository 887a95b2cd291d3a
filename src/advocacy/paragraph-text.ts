import { type FigureSpec, FigureTagError, parseFigureTag } from './figure-spec.ts';

/** A piece of a paragraph as written in a spec: plain text, a live figure, or a footnote. */
export type TextPiece =
  | { kind: 'text'; text: string }
  | { kind: 'figure'; figure: FigureSpec; name?: string }
  | { kind: 'sources'; sources: string[] }
  | { kind: 'note'; text: string };

const TAG = /\{\{\s*(figure|source|sources|note)\s*:([^}]*)\}\}/g;

/**
 * Splits paragraph text into pieces. Tags: `{{figure: measure=acts act_type=TORTURE year=2021
 * basis=verified}}` (inline) or `{{figure: NAME}}` (one of the spec's named figures),
 * `{{source: S-0000123, S-0000456}}` (a footnote citing sources by code), `{{note: text}}` (a footnote
 * of free text). Pure; throws `FigureTagError` naming the problem.
 */
export function parseParagraphText(text: string, named: Readonly<Record<string, FigureSpec>>): TextPiece[] {
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(TAG)) {
    if (match.index > last) pieces.push({ kind: 'text', text: text.slice(last, match.index) });
    last = match.index + match[0].length;
    const kind = match[1] as string;
    const body = (match[2] as string).trim();
    if (kind === 'figure') {
      if (body.includes('=')) pieces.push({ kind: 'figure', figure: parseFigureTag(body) });
      else {
        const figure = named[body];
        if (!figure) throw new FigureTagError(`no figure named "${body}" in figures`);
        pieces.push({ kind: 'figure', figure, name: body });
      }
    } else if (kind === 'note') {
      if (body === '') throw new FigureTagError('an empty note');
      pieces.push({ kind: 'note', text: body });
    } else {
      const sources = body
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (sources.length === 0) throw new FigureTagError('a source tag without a source code');
      pieces.push({ kind: 'sources', sources });
    }
  }
  if (last < text.length) pieces.push({ kind: 'text', text: text.slice(last) });
  const stray = pieces.find((p) => p.kind === 'text' && /\{\{|\}\}/.test(p.text));
  if (stray) throw new FigureTagError('a "{{" or "}}" that is not a figure, source or note tag');
  return pieces;
}
