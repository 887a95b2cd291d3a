import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authorize, isAllowed } from '../access/authorize.ts';
import type { FieldKeys } from '../access/field-cipher.ts';
import type { Viewer } from '../access/roles.ts';
import { buildStatement } from '../advocacy/build-statement.ts';
import { buildSubmission } from '../advocacy/build-submission.ts';
import { defaultStatementSpec, defaultSubmissionSpec } from '../advocacy/default-submission.ts';
import { reportDocx } from '../advocacy/report-docx.ts';
import { CONFIDENTIALITY_LEVELS, type Confidentiality } from '../domain/record-meta.ts';
import { readCsvRecords } from '../interchange/csv-records.ts';
import { type ImportReport, type InputLine, importRecords } from '../interchange/import-records.ts';
import { resolveFacilities } from '../resolution/resolve-facilities.ts';
import { resolvePersons } from '../resolution/resolve-persons.ts';
import type { Store } from '../store/store.ts';
import { parseRequest } from './errors.ts';
import { type Job, JobRegistry } from './job-registry.ts';

/** The largest file the browser may upload for an import (the request body holds it as text). */
export const MAX_UPLOAD_BYTES = 32 * 1024 * 1024;

const ImportJob = z.strictObject({
  /** Shown in the job list and in problems; a name the user gave, never stored. */
  file_name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^/\\]+$/, 'a file name without folders'),
  format: z.enum(['jsonl', 'csv']),
  content: z.string().min(1, 'the file is empty'),
});

const ReportJob = z.strictObject({ kind: z.enum(['submission', 'statement']) });

/**
 * Long jobs run in the server process with progress the browser polls: an import of an uploaded
 * JSON Lines or CSV file, a linkage run, the generation of a report. Each is its owner's only; what
 * a job shows is counts, codes and lines, never a record's content.
 */
export function registerJobRoutes(app: FastifyInstance, store: Store, keys: FieldKeys): void {
  const jobs = new JobRegistry();

  const present = (job: Job) => ({
    id: job.id,
    kind: job.kind,
    state: job.state,
    done: job.done,
    total: job.total,
    started_at: job.started_at,
    finished_at: job.finished_at,
    summary: job.summary,
    file: job.file ? { name: job.file.name, type: job.file.type, bytes: job.file.bytes.length } : null,
  });

  app.get('/api/jobs', async (request) => {
    signedIn(request.viewer);
    return { jobs: jobs.list(request.viewer.user).map(present) };
  });

  app.get<{ Params: { id: string } }>('/api/jobs/:id', async (request, reply) => {
    signedIn(request.viewer);
    const job = jobs.get(request.viewer.user, request.params.id);
    return job ? present(job) : reply.code(404).send({ error: 'no such job' });
  });

  app.get<{ Params: { id: string } }>('/api/jobs/:id/file', async (request, reply) => {
    signedIn(request.viewer);
    const job = jobs.get(request.viewer.user, request.params.id);
    if (!job?.file) return reply.code(404).send({ error: 'no such file' });
    return reply
      .header('content-type', job.file.type)
      .header('content-disposition', `attachment; filename="${job.file.name}"`)
      .send(Buffer.from(job.file.bytes));
  });

  app.post(
    '/api/jobs/import',
    { preHandler: app.csrfProtection, bodyLimit: MAX_UPLOAD_BYTES },
    async (request, reply) => {
      authorize(request.viewer, 'write-records');
      const input = parseRequest(ImportJob, request.body);
      const viewer = request.viewer;
      const total = countLines(input.content) - (input.format === 'csv' ? 1 : 0);
      const job = jobs.start(viewer.user, 'import', Math.max(total, 1), async (progress) => {
        const folder = mkdtempSync(join(tmpdir(), 'daylight-upload-'));
        try {
          let lines: AsyncIterable<InputLine> | Iterable<InputLine>;
          if (input.format === 'csv') {
            const path = join(folder, 'upload.csv');
            writeFileSync(path, input.content, { mode: 0o600 });
            lines = checkedLevels(viewer, readCsvRecords(path));
          } else lines = checkedLevels(viewer, jsonLines(input.content));
          const report = await importRecords(store, [{ file: input.file_name, lines }], {
            keys,
            actor: viewer.user,
            onProgress: (n) => progress.progress(n),
            progressEvery: Math.max(1, Math.floor(total / 50)),
            maxProblems: 20,
          });
          return { summary: importSummary(report) };
        } finally {
          rmSync(folder, { recursive: true, force: true });
        }
      });
      return reply.code(202).send(present(job));
    },
  );

  app.post('/api/jobs/linkage', { preHandler: app.csrfProtection }, async (request, reply) => {
    authorize(request.viewer, 'resolve-records');
    const viewer = request.viewer;
    const job = jobs.start(viewer.user, 'linkage', 2, async (progress) => {
      const persons = await resolvePersons(store, viewer, keys);
      progress.progress(1);
      const places = await resolveFacilities(store, viewer, keys);
      progress.progress(2);
      return {
        summary: {
          persons: persons.mentions,
          individuals: persons.individuals,
          linked: persons.linkedRecords,
          person_pairs: persons.reviewPairs,
          facilities: places.records,
          places: places.places,
          facility_pairs: places.reviewPairs,
        },
      };
    });
    return reply.code(202).send(present(job));
  });

  app.post('/api/jobs/report', { preHandler: app.csrfProtection }, async (request, reply) => {
    authorize(request.viewer, 'manage-advocacy');
    const { kind } = parseRequest(ReportJob, request.body);
    const viewer = request.viewer;
    const job = jobs.start(viewer.user, `report-${kind}`, 3, async (progress) => {
      const result =
        kind === 'submission'
          ? await buildSubmission(store, viewer, keys, await defaultSubmissionSpec(store, viewer))
          : await buildStatement(store, viewer, keys, await defaultStatementSpec(store, viewer), {
              unconsented: 'omit',
            });
      progress.progress(2);
      if (!result.document)
        return { summary: { ok: false, problems: result.problems.map((p) => p.path.join('.')) } };
      const bytes = await reportDocx(result.document);
      return {
        summary: { ok: true, words: result.words, figures: result.figures.length },
        file: {
          name: `${kind}.docx`,
          type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          bytes,
        },
      };
    });
    return reply.code(202).send(present(job));
  });
}

/** Jobs belong to a user: the public has none. */
function signedIn(viewer: Viewer): void {
  if (viewer.role === 'public') throw Object.assign(new Error('sign in to see jobs'), { statusCode: 403 });
}

function countLines(text: string): number {
  let n = 0;
  for (const line of text.split('\n')) if (line.trim() !== '') n++;
  return n;
}

function* jsonLines(content: string): Iterable<InputLine> {
  const lines = content.split('\n');
  for (const [i, raw] of lines.entries()) {
    const text = i === 0 ? raw.replace(/^\uFEFF/, '') : raw;
    yield { line: i + 1, text: text.replace(/\r$/, '') };
  }
}

/**
 * Lets a record through only at a level the user may write; a record above it is refused as a
 * problem of its line (the import then writes nothing).
 */
async function* checkedLevels(
  viewer: Viewer,
  lines: AsyncIterable<InputLine> | Iterable<InputLine>,
): AsyncGenerator<InputLine> {
  for await (const item of lines) {
    const value = 'value' in item ? item.value : parseOrText(item.text);
    const level = (value as { confidentiality?: unknown } | undefined)?.confidentiality;
    if (
      typeof level === 'string' &&
      (CONFIDENTIALITY_LEVELS as readonly string[]).includes(level) &&
      !isAllowed(viewer, 'write-records', level as Confidentiality)
    )
      throw new LevelRefused(item.line, level);
    yield item;
  }
}

/** A record above the importer's level: the whole import is refused, naming the line. */
class LevelRefused extends Error {
  readonly id = 'level-refused';
  constructor(line: number, level: string) {
    super(`line ${line}: confidentiality: you may not write records at level ${level}`);
  }
}

function parseOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function importSummary(report: ImportReport) {
  return {
    ok: report.ok,
    records: report.records,
    inserted: report.inserted,
    unchanged: report.unchanged,
    by_type: report.byType,
    // Problems name the line and field; their messages never carry a field's value.
    problems: report.problems.map((p) => ({ line: p.line, field: p.field, message: p.message })),
    more_problems: report.moreProblems,
  };
}
