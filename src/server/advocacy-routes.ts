import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { authorize } from '../access/authorize.ts';
import type { FieldKeys } from '../access/field-cipher.ts';
import type { Viewer } from '../access/roles.ts';
import { buildStatement, type StatementResult } from '../advocacy/build-statement.ts';
import { type BuildResult, buildSubmission } from '../advocacy/build-submission.ts';
import { AdvocacyError, knownIssues } from '../advocacy/claim-themes.ts';
import { defaultStatementSpec, defaultSubmissionSpec } from '../advocacy/default-submission.ts';
import { importOurRecommendations, recordAsk, recordMeeting } from '../advocacy/delegations.ts';
import { UNCONSENTED } from '../advocacy/document-builder.ts';
import type { ReportDocument } from '../advocacy/report-document.ts';
import { reportDocx } from '../advocacy/report-docx.ts';
import { reportMarkdown } from '../advocacy/report-markdown.ts';
import { StatementSpec } from '../advocacy/statement-spec.ts';
import { SubmissionSpec, WORD_LIMITS } from '../advocacy/submission-spec.ts';
import { OurRecommendation } from '../advocacy/uptake.ts';
import type { Store } from '../store/store.ts';
import { readUprStates } from '../upr/state-names.ts';
import { BadRequest, parseRequest } from './errors.ts';

const SubmissionRequest = z.strictObject({
  spec: SubmissionSpec,
  unconsented: z.enum(UNCONSENTED).default('refuse'),
});
const StatementRequest = z.strictObject({
  spec: StatementSpec,
  unconsented: z.enum(UNCONSENTED).default('refuse'),
});
const DelegationsQuery = z.strictObject({ state: z.string().trim().min(1).max(100).optional() });

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Advocacy in the workspace (right `manage-advocacy`): the submission and statement builders over
 * the advocacy use-cases (figures counted live from the evidence, consent and identifying-data
 * checks applied when built), and the delegation tracker. Build problems are answered 400 with the
 * spec path of each; their messages name paths and source codes, never a value.
 */
export function registerAdvocacyRoutes(app: FastifyInstance, store: Store, keys: FieldKeys): void {
  app.get('/api/advocacy/submission/default', async (request) => {
    authorize(request.viewer, 'manage-advocacy');
    return { spec: await defaultSubmissionSpec(store, request.viewer), limits: WORD_LIMITS };
  });

  app.get('/api/advocacy/statement/default', async (request) => {
    authorize(request.viewer, 'manage-advocacy');
    return { spec: await defaultStatementSpec(store, request.viewer) };
  });

  app.post('/api/advocacy/submission', { preHandler: app.csrfProtection }, async (request) => {
    const result = await submission(store, request.viewer, keys, request.body);
    return { ...presentBuild(result), limit: result.limit };
  });

  app.post('/api/advocacy/submission/docx', { preHandler: app.csrfProtection }, async (request, reply) => {
    const result = await submission(store, request.viewer, keys, request.body);
    return sendDocx(reply, result.document as ReportDocument, 'submission.docx');
  });

  app.post('/api/advocacy/statement', { preHandler: app.csrfProtection }, async (request) => {
    const result = await statement(store, request.viewer, keys, request.body);
    return { ...presentBuild(result), timing: result.timing };
  });

  app.post('/api/advocacy/statement/docx', { preHandler: app.csrfProtection }, async (request, reply) => {
    const result = await statement(store, request.viewer, keys, request.body);
    return sendDocx(reply, result.document as ReportDocument, 'statement.docx');
  });

  app.get('/api/advocacy/delegations', async (request) => {
    authorize(request.viewer, 'manage-advocacy');
    const { state } = parseRequest(DelegationsQuery, request.query);
    const [{ meetings, asks }, ours] = await Promise.all([
      store.delegations(state),
      store.ourRecommendations(),
    ]);
    // Notes stay sealed here: they may say who told us what (the briefing opens them).
    return {
      meetings: meetings.map(({ notes, ...m }) => ({ ...m, has_notes: notes !== undefined })),
      asks: asks.map(({ note, ...a }) => ({ ...a, has_note: note !== undefined })),
      ours: ours.map(({ id, text, themes }) => ({ id, text, themes })),
    };
  });

  app.post('/api/advocacy/meetings', { preHandler: app.csrfProtection }, async (request, reply) => {
    const seq = await asBadRequest(() => recordMeeting(store, request.viewer, keys, request.body));
    return reply.code(201).send({ seq });
  });

  app.post('/api/advocacy/asks', { preHandler: app.csrfProtection }, async (request) => {
    await asBadRequest(() => recordAsk(store, request.viewer, keys, request.body));
    return { ok: true };
  });

  app.post('/api/advocacy/recommendations', { preHandler: app.csrfProtection }, async (request, reply) => {
    authorize(request.viewer, 'manage-advocacy');
    const ours = parseRequest(OurRecommendation, request.body);
    const result = await importOurRecommendations(store, request.viewer, 'web', JSON.stringify(ours));
    if (!result.ok)
      throw new BadRequest(result.problems.map((p) => ({ field: p.field, message: p.message })));
    return reply.code(201).send({ saved: result.saved });
  });

  // Reference lists for the pages' pickers: public data, cacheable.
  app.get('/api/upr/states', async (_request, reply) => {
    reply.header('Cache-Control', 'public, max-age=3600');
    return { states: readUprStates().map(({ name, group }) => ({ name, group })) };
  });

  app.get('/api/upr/issues', async (_request, reply) => {
    reply.header('Cache-Control', 'public, max-age=3600');
    return { issues: knownIssues() };
  });
}

async function submission(store: Store, viewer: Viewer, keys: FieldKeys, body: unknown) {
  authorize(viewer, 'manage-advocacy');
  const request = parseRequest(SubmissionRequest, body);
  return built(
    await buildSubmission(store, viewer, keys, request.spec, { unconsented: request.unconsented }),
  );
}

async function statement(store: Store, viewer: Viewer, keys: FieldKeys, body: unknown) {
  authorize(viewer, 'manage-advocacy');
  const request = parseRequest(StatementRequest, body);
  return built(await buildStatement(store, viewer, keys, request.spec, { unconsented: request.unconsented }));
}

/** A build that found problems is a bad request: each problem by its spec path. */
function built<T extends Omit<BuildResult, 'limit'>>(result: T): T {
  if (!result.ok || !result.document)
    throw new BadRequest(
      result.problems.map((p) => ({ field: ['spec', ...p.path].join('.'), message: p.message })),
    );
  return result;
}

function presentBuild(result: BuildResult | StatementResult) {
  const document = result.document as ReportDocument;
  return {
    words: result.words,
    markdown: reportMarkdown(document),
    figures: result.figures.map((f) => ({
      paragraph: f.paragraph,
      shown: f.shown,
      figure: f.figure,
      basis: f.basis,
      explain: f.explain,
    })),
    warnings: result.warnings.map((w) => ({ field: ['spec', ...w.path].join('.'), message: w.message })),
  };
}

async function sendDocx(reply: FastifyReply, document: ReportDocument, name: string) {
  return reply
    .header('content-type', DOCX)
    .header('content-disposition', `attachment; filename="${name}"`)
    .send(Buffer.from(await reportDocx(document)));
}

/** The advocacy use-cases' refusals (a field and why) as a 400 naming the field. */
async function asBadRequest<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AdvocacyError)
      throw new BadRequest([{ field: error.field, message: error.message }]);
    throw error;
  }
}
