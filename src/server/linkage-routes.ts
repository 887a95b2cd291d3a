import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authorize } from '../access/authorize.ts';
import type { FieldKeys } from '../access/field-cipher.ts';
import { decideLink, revokeLinkDecision } from '../resolution/decide-link.ts';
import { decisionsInForce } from '../resolution/decisions-in-force.ts';
import { linkQueue } from '../resolution/link-queue.ts';
import { RESOLUTION_KINDS } from '../resolution/resolution-rows.ts';
import type { Store } from '../store/store.ts';
import { parseRequest } from './errors.ts';

const Kind = z.enum(RESOLUTION_KINDS).default('person');
const QueueQuery = z.strictObject({
  kind: Kind,
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
const KindQuery = z.strictObject({ kind: Kind });
const Decision = z.strictObject({
  kind: Kind,
  a: z.string().min(1).max(100),
  b: z.string().min(1).max(100),
  decision: z.enum(['merge', 'split']),
  /** Why (stored sealed). */
  note: z.string().max(2000).optional(),
});
const Revoke = z.strictObject({ kind: Kind, seq: z.int().min(1) });

/**
 * The linkage review queue (right `decide-links`): the pairs the latest run could not decide, by
 * record id and code with each field's weight (never a name: reviewers open the records, which are
 * redacted for them as everywhere), and the reviewers' merge and split decisions, append-only and
 * reversible (a revocation is itself recorded).
 */
export function registerLinkageRoutes(app: FastifyInstance, store: Store, keys: FieldKeys): void {
  app.get('/api/linkage/queue', async (request) => {
    authorize(request.viewer, 'decide-links');
    const query = parseRequest(QueueQuery, request.query);
    return linkQueue(store, request.viewer, query.kind, query.limit);
  });

  app.get('/api/linkage/decisions', async (request) => {
    authorize(request.viewer, 'decide-links');
    const { kind } = parseRequest(KindQuery, request.query);
    const inForce = decisionsInForce(await store.linkDecisions(kind));
    return {
      decisions: [...inForce.byPair.values()]
        .sort((x, y) => y.seq - x.seq)
        .map(({ seq, a, b, decision, actor, decided_at }) => ({ seq, a, b, decision, actor, decided_at })),
    };
  });

  app.post('/api/linkage/decisions', { preHandler: app.csrfProtection }, async (request, reply) => {
    authorize(request.viewer, 'decide-links');
    const input = parseRequest(Decision, request.body);
    const seq = await decideLink(store, request.viewer, keys, input);
    return reply.code(201).send({ seq });
  });

  app.post('/api/linkage/revocations', { preHandler: app.csrfProtection }, async (request, reply) => {
    authorize(request.viewer, 'decide-links');
    const input = parseRequest(Revoke, request.body);
    const seq = await revokeLinkDecision(store, request.viewer, input);
    return reply.code(201).send({ seq });
  });
}
