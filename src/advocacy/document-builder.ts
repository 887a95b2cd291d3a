import type { FieldKeys } from '../access/field-cipher.ts';
import type { Viewer } from '../access/roles.ts';
import type { ConsentLedger } from '../consent/consent-ledger.ts';
import type { Store } from '../store/store.ts';
import { computeFigure } from './compute-figure.ts';
import {
  containsAny,
  type IdentifyingValues,
  identifyingValues,
  readConsentLedger,
  sourceVisible,
} from './evidence-guard.ts';
import type { FigureSpec } from './figure-spec.ts';
import { parseParagraphText } from './paragraph-text.ts';
import type { Block, PlacedFigure, Run } from './report-document.ts';

/** Where in a spec a problem is, as the spec's JSON path (`sections.0.paragraphs.2`). */
export type SpecPath = (string | number)[];
/** A problem that stops the build, or a warning about something left out. */
export type BuildIssue = { path: SpecPath; message: string };

/** What to do with a quotation or citation whose consent does not allow it. */
export const UNCONSENTED = ['refuse', 'omit'] as const;
export type Unconsented = (typeof UNCONSENTED)[number];

/** What building a document needs from outside: the store, who builds, and the rules applied. */
export type BuildEnvironment = {
  store: Store;
  viewer: Viewer;
  keys: FieldKeys;
  ledger: ConsentLedger;
  /** Identifying values of every person in the store (never shown; see evidence-guard). */
  identifying: IdentifyingValues;
  basis: string;
  threshold: number;
  figures: Readonly<Record<string, FigureSpec>>;
  unconsented: Unconsented;
};

/**
 * Accumulates a document: numbered paragraphs, footnotes, the figures placed, and what went wrong.
 * Every text goes through `paragraph`/`quotation`, which apply the evidence rules: figures live and
 * disclosure-controlled, sources only when visible and their consent allows publication, quotations
 * only with quotation consent, and no identifying value of a person anywhere.
 */
export class DocumentBuilder {
  readonly blocks: Block[] = [];
  readonly footnotes: string[] = [];
  readonly figures: PlacedFigure[] = [];
  readonly problems: BuildIssue[] = [];
  readonly warnings: BuildIssue[] = [];
  private readonly env: BuildEnvironment;
  private number = 0;

  constructor(env: BuildEnvironment) {
    this.env = env;
  }

  /** A builder for one spec: the consent ledger and every person's identifying values read now. */
  static async open(
    store: Store,
    viewer: Viewer,
    keys: FieldKeys,
    spec: { basis: string; threshold: number; figures: Readonly<Record<string, FigureSpec>> },
    unconsented: Unconsented = 'refuse',
  ): Promise<DocumentBuilder> {
    return new DocumentBuilder({
      store,
      viewer,
      keys,
      ledger: await readConsentLedger(store),
      identifying: await identifyingValues(store, keys),
      basis: spec.basis,
      threshold: spec.threshold,
      figures: spec.figures,
      unconsented,
    });
  }

  heading(text: string): void {
    this.blocks.push({ kind: 'heading', text });
  }

  /** A paragraph from spec text (tags allowed); numbered unless `numbered` is false. */
  async paragraph(
    text: string,
    path: SpecPath,
    options: { numbered?: boolean; style?: 'recommendation' } = {},
  ): Promise<void> {
    let pieces: ReturnType<typeof parseParagraphText>;
    try {
      pieces = parseParagraphText(text, this.env.figures);
    } catch (error) {
      this.problems.push({ path, message: (error as Error).message });
      return;
    }
    const number = options.numbered === false ? null : ++this.number;
    const runs: Run[] = [];
    for (const piece of pieces) {
      if (piece.kind === 'text') runs.push({ kind: 'text', text: piece.text });
      else if (piece.kind === 'note') {
        trimLast(runs);
        runs.push(this.footnote(piece.text));
      } else if (piece.kind === 'figure') {
        const shown = await this.figure(piece.figure, number, path);
        if (shown !== undefined) runs.push({ kind: 'text', text: shown });
      } else {
        const cited = await this.citable(piece.sources, path);
        if (cited.length > 0) trimLast(runs);
        if (cited.length > 0)
          runs.push(this.footnote(`Daylight source${cited.length > 1 ? 's' : ''} ${cited.join(', ')}.`));
      }
    }
    if (!this.checkIdentifying(runs, path)) return;
    this.blocks.push({ kind: 'paragraph', number, runs, style: options.style });
  }

  /** A quotation from a testimony: only with the interviewee's quotation consent; attributed to the code. */
  async quotation(quote: { source: string; text: string; lead?: string }, path: SpecPath): Promise<void> {
    const { source } = quote;
    if (!(await sourceVisible(this.env.store, this.env.viewer, source))) {
      this.problems.push({ path: [...path, 'source'], message: `source ${source} not found` });
      return;
    }
    if (!this.env.ledger.permits(source, 'QUOTATION')) {
      const message = `source ${source}: the interviewee's consent in force does not allow quotation`;
      if (this.env.unconsented === 'omit') this.warnings.push({ path, message: `${message}; left out` });
      else this.problems.push({ path, message });
      return;
    }
    const runs: Run[] = [
      { kind: 'text', text: `${quote.lead ? `${quote.lead} ` : ''}“${quote.text}”` },
      this.footnote(
        `Testimony ${source}, quoted with the interviewee's consent; identifying details withheld.`,
      ),
    ];
    if (!this.checkIdentifying(runs, path)) return;
    this.blocks.push({ kind: 'paragraph', number: ++this.number, runs, style: 'quotation' });
  }

  /** A figure counted now; undefined (and a problem) if it cannot be counted as asked. */
  async figure(spec: FigureSpec, paragraph: number | null, path: SpecPath): Promise<string | undefined> {
    try {
      const figure = await computeFigure(this.env.store, this.env.viewer, this.env.keys, spec, this.env);
      this.figures.push({ paragraph, ...figure });
      return figure.shown;
    } catch (error) {
      this.problems.push({ path, message: `figure: ${(error as Error).message}` });
      return undefined;
    }
  }

  /** A footnote mark for a new footnote of this text. */
  footnote(text: string): Run {
    this.footnotes.push(text);
    return { kind: 'footnote', note: this.footnotes.length };
  }

  /** The sources that may be cited: visible to the builder and consenting to anonymised publication. */
  private async citable(sources: readonly string[], path: SpecPath): Promise<string[]> {
    const cited: string[] = [];
    for (const source of sources) {
      if (!(await sourceVisible(this.env.store, this.env.viewer, source))) {
        this.problems.push({ path, message: `source ${source} not found` });
        continue;
      }
      if (!this.env.ledger.permits(source, 'ANONYMISED-PUBLICATION')) {
        const message = `source ${source}: the interviewee's consent in force does not allow anonymised publication`;
        if (this.env.unconsented === 'omit')
          this.warnings.push({ path, message: `${message}; citation left out` });
        else this.problems.push({ path, message });
        continue;
      }
      cited.push(source);
    }
    return cited;
  }

  /** False (and a problem) when the text holds an identifying value of a person behind the evidence. */
  private checkIdentifying(runs: readonly Run[], path: SpecPath): boolean {
    const text = [...runs.map((r) => (r.kind === 'text' ? r.text : (this.footnotes[r.note - 1] ?? '')))].join(
      ' ',
    );
    if (!containsAny(text, this.env.identifying)) return true;
    this.problems.push({
      path,
      message:
        'contains an identifying detail of a person in the evidence (a name, birth date or place of origin)',
    });
    return false;
  }
}

/** A footnote mark follows the word or stop before it: drop the space a spec leaves before its tag. */
function trimLast(runs: Run[]): void {
  const last = runs.at(-1);
  if (last?.kind === 'text') last.text = last.text.trimEnd();
}
