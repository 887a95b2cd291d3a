import type { FastifyError, FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { AccessDenied } from '../access/authorize.ts';
import { IntakeRefused } from '../intake/record-testimony.ts';
import { LinkDecisionRefused } from '../resolution/decide-link.ts';
import { ReviewRefused } from '../review/review-record.ts';

/** One thing wrong with a request, by field: what the browser shows next to the input. */
export type Problem = { field: string; message: string };

/** A request that does not parse: answered 400 with its problems. */
export class BadRequest extends Error {
  readonly id = 'bad-request';
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super('bad request');
    this.problems = problems;
  }
}

/** Parses a request part with its schema, or throws `BadRequest` naming each bad field. */
export function parseRequest<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new BadRequest(parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
  return parsed.data;
}

/**
 * Translates the use-cases' errors to HTTP in one place. Their messages name ids, fields and
 * rules, never record content, so they may be shown; anything else is a 500 without details.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof BadRequest)
      return reply.code(400).send({ error: 'bad request', problems: error.problems });
    if (error instanceof AccessDenied)
      return reply.code(403).send({ error: 'not allowed', message: error.message });
    if (error instanceof IntakeRefused)
      return reply.code(400).send({
        error: 'not recorded',
        problems: error.problems.map((p) => ({ field: `record ${p.line}: ${p.field}`, message: p.message })),
      });
    if (error instanceof ReviewRefused || error instanceof LinkDecisionRefused)
      return reply.code(409).send({ error: 'refused', message: error.message });
    if (error.statusCode && error.statusCode < 500)
      return reply.code(error.statusCode).send({ error: error.message });
    request.log.error({ err: { type: error.name, stack: error.stack } }, 'request failed');
    return reply.code(500).send({ error: 'internal error' });
  });
}
