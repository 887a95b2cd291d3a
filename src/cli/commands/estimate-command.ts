import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { authorize } from '../../access/authorize.ts';
import type { Source } from '../../domain/source.ts';
import type { CaptureData } from '../../estimate/capture-data.ts';
import {
  captureDataFromSources,
  LIST_KINDS,
  type ListKind,
  ListsError,
} from '../../estimate/capture-data-from-sources.ts';
import { type EstimateOptions, estimate } from '../../estimate/estimate.ts';
import { METHODS, type Method } from '../../estimate/estimate-report.ts';
import { estimateStratified, type Stratum } from '../../estimate/estimate-stratified.ts';
import {
  HistoriesCsvError,
  parseHistoriesCsv,
  parseStratifiedHistoriesCsv,
} from '../../estimate/histories-csv.ts';
import { HETEROGENEITY, type Heterogeneity } from '../../estimate/log-linear-model.ts';
import { reportJson, reportText } from '../../estimate/report-text.ts';
import { type Individuals, individuals } from '../../resolution/individuals.ts';
import type { Store } from '../../store/store.ts';
import { CommandError, withContext } from '../context.ts';

type EstimateCommandOptions = {
  input?: string;
  stratum?: string;
  lists: string;
  resolved?: string;
  method: string;
  json?: boolean;
  maxOrder: string;
  heterogeneity?: string;
  criterion: string;
  top: string;
  seed: string;
  sweeps: string;
  burnIn?: string;
  classes: string;
  bootstrap: string;
  threshold: string;
};

/** `daylight estimate`: multiple systems estimation of how many were never documented. */
export function registerEstimate(program: Command): void {
  program
    .command('estimate')
    .description(
      'estimate the total population from overlapping lists (multiple systems estimation), from a histories CSV or from the store',
    )
    .option('--input <file>', 'capture histories CSV: 0/1 columns, one per list, then count')
    .option(
      '--lists <kind>',
      `without --input: what makes a list in the store (${LIST_KINDS.join(', ')})`,
      'organisation',
    )
    .option(
      '--stratum <column>',
      "with --input: a column naming each row's stratum; estimate each and the total",
    )
    .option(
      '--resolved <file>',
      'without --input: JSON Lines {"id": person id, "individual": who they are} from record linkage',
    )
    .option('--method <method>', METHODS.join(', '), 'loglinear')
    .option('--json', 'print the report as JSON')
    .option('--max-order <n>', 'loglinear: highest order of interaction between lists', '2')
    .option('--heterogeneity <h>', `loglinear: also fit every model with ${HETEROGENEITY.join(', ')}`)
    .option('--criterion <c>', 'loglinear: rank by bic or aic', 'bic')
    .option('--top <n>', 'loglinear: how many best models to report', '10')
    .option('--seed <n>', 'stepwise, lcmcr: random seed (same seed, same result)', '1')
    .option('--sweeps <n>', 'lcmcr: Gibbs sweeps kept after burn-in', '10000')
    .option('--burn-in <n>', 'lcmcr: sweeps discarded first (default: sweeps / 2)')
    .option('--classes <k>', 'lcmcr: most latent classes', '10')
    .option('--bootstrap <n>', 'stepwise: bootstrap resamples for the interval', '500')
    .option('--threshold <p>', 'stepwise: p-value below which an interaction is added', '0.02')
    .action(async (options: EstimateCommandOptions) => {
      const settings = parseOptions(options);
      if (options.stratum !== undefined) {
        if (!options.input) throw new CommandError('--stratum needs --input', 2);
        const report = estimateStratified(readStrata(options.input, options.stratum), settings);
        process.stdout.write(options.json ? `${reportJson(report)}\n` : reportText(report));
        return;
      }
      const data = options.input
        ? readHistories(options.input)
        : await withContext(program.opts(), async ({ store, viewer }) => {
            authorize(viewer, 'view-statistics');
            return readListsFromStore(options.lists, store, options.resolved);
          });
      const report = estimate(data.data, settings);
      report.warnings.push(...data.warnings);
      process.stdout.write(options.json ? `${reportJson(report)}\n` : reportText(report));
    });
}

function parseOptions(options: EstimateCommandOptions): EstimateOptions {
  if (!(METHODS as readonly string[]).includes(options.method))
    throw new CommandError(`--method: expected one of ${METHODS.join(', ')}`, 2);
  if (
    options.heterogeneity !== undefined &&
    !(HETEROGENEITY as readonly string[]).includes(options.heterogeneity)
  )
    throw new CommandError(`--heterogeneity: expected one of ${HETEROGENEITY.join(', ')}`, 2);
  if (options.criterion !== 'aic' && options.criterion !== 'bic')
    throw new CommandError('--criterion: expected aic or bic', 2);
  const sweeps = whole(options.sweeps, '--sweeps', 1);
  return {
    method: options.method as Method,
    maxOrder: whole(options.maxOrder, '--max-order', 1),
    heterogeneity: options.heterogeneity as Heterogeneity | undefined,
    criterion: options.criterion,
    top: whole(options.top, '--top', 1),
    seed: whole(options.seed, '--seed', 0),
    sweeps,
    burnIn: options.burnIn === undefined ? Math.floor(sweeps / 2) : whole(options.burnIn, '--burn-in', 0),
    classes: whole(options.classes, '--classes', 1),
    bootstrap: whole(options.bootstrap, '--bootstrap', 0),
    threshold: probability(options.threshold, '--threshold'),
  };
}

function whole(text: string, name: string, min: number): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min)
    throw new CommandError(`${name}: expected a whole number ≥ ${min}`, 2);
  return value;
}

function probability(text: string, name: string): number {
  const value = Number(text);
  if (!(value > 0 && value < 1)) throw new CommandError(`${name}: expected a number between 0 and 1`, 2);
  return value;
}

function readHistories(file: string): { data: CaptureData; warnings: string[] } {
  const text = readText(file);
  try {
    return { data: parseHistoriesCsv(text, file), warnings: [] };
  } catch (error) {
    if (error instanceof HistoriesCsvError) throw new CommandError(error.message, 2);
    throw error;
  }
}

function readStrata(file: string, column: string): Stratum[] {
  const text = readText(file);
  try {
    return parseStratifiedHistoriesCsv(text, file, column);
  } catch (error) {
    if (error instanceof HistoriesCsvError) throw new CommandError(error.message, 2);
    throw error;
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new CommandError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, 2);
  }
}

async function readListsFromStore(
  kind: string,
  store: Store,
  resolvedFile: string | undefined,
): Promise<{ data: CaptureData; warnings: string[] }> {
  if (!(LIST_KINDS as readonly string[]).includes(kind))
    throw new CommandError(`--lists: expected one of ${LIST_KINDS.join(', ')}`, 2);
  const sources: Source[] = [];
  for await (const json of store.exportRecords('source')) sources.push(JSON.parse(json) as Source);
  try {
    // Units are individuals: from a linkage file when given, else the database's latest resolution.
    const resolved = resolvedFile ? readResolved(resolvedFile) : undefined;
    const stored = resolved ? undefined : await individuals(store);
    const { data, skipped } = captureDataFromSources(sources, kind as ListKind, (id) =>
      resolved ? (resolved.get(id) ?? id) : (stored as Individuals).of(id),
    );
    const warnings: string[] = [];
    if (stored && stored.resolvedAt === undefined)
      warnings.push(
        'persons were never resolved (`daylight resolve run`): units are interviewees as recorded, so one survivor recorded twice counts twice and lists seem not to overlap',
      );
    const unseen = stored?.resolvedAt
      ? stored.unresolved(sources.flatMap((s) => (s.interviewee ? [s.interviewee] : [])))
      : 0;
    if (unseen > 0)
      warnings.push(
        `${unseen} interviewees were recorded after the latest \`daylight resolve run\` and count as themselves`,
      );
    if (skipped.withoutInterviewee)
      warnings.push(`${skipped.withoutInterviewee} sources without an interviewee were left out`);
    return { data, warnings };
  } catch (error) {
    if (error instanceof ListsError) throw new CommandError(error.message, 1);
    throw error;
  }
}

/** Person id → individual, from a linkage result (JSON Lines). */
function readResolved(file: string): Map<string, string> {
  const map = new Map<string, string>();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CommandError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, 2);
  }
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let entry: { id?: unknown; individual?: unknown; cluster?: unknown };
    try {
      entry = JSON.parse(line);
    } catch {
      throw new CommandError(`${file}, line ${i + 1}: not JSON`, 2);
    }
    // `daylight link` writes {"id", "cluster"}; the demo's ground truth {"id", "individual"}.
    const individual = entry.individual ?? entry.cluster;
    if (typeof entry.id !== 'string' || (typeof individual !== 'string' && typeof individual !== 'number'))
      throw new CommandError(
        `${file}, line ${i + 1}: expected {"id": string, "cluster" (or "individual"): string or number}`,
        2,
      );
    map.set(entry.id, String(individual));
  });
  return map;
}
