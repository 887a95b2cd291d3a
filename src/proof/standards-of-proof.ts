import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { codeOf, REFERENCE_DIR } from '../domain/vocabulary.ts';
import { parseJsonDocument } from './json-lines-of.ts';

/** One way to meet a level: at least so many independent clusters, and so many of them first-hand. */
export const ProofCondition = z.strictObject({
  min_independent: z.int().min(0).optional(),
  min_first_hand: z.int().min(0).optional(),
});
export type ProofCondition = z.infer<typeof ProofCondition>;

/** A level of proof: met when any of its conditions holds (and, unless allowed, nothing unresolved contradicts). */
export const ProofLevel = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a lower-case code such as reasonable-grounds'),
  en: z.string().min(1),
  ko: z.string().min(1).optional(),
  description: z.string().optional(),
  any_of: z.array(ProofCondition).min(1, 'give at least one condition ({} always holds)'),
  allows_contradiction: z.boolean(),
});
export type ProofLevel = z.infer<typeof ProofLevel>;

/**
 * Standards of proof as data: which connections are first-hand, which assessments discount a source,
 * and the levels from highest to lowest. The highest level whose conditions hold is the act's status.
 */
export const ProofRules = z
  .strictObject({
    id: z.string().min(1),
    title: z.strictObject({ en: z.string().min(1), ko: z.string().min(1).optional() }),
    source: z.string().min(1, 'name the methodology these rules follow'),
    first_hand: z.array(codeOf('source-connections')),
    discount: z.strictObject({
      reliability: z.array(codeOf('source-reliability')).default([]),
      credibility: z.array(codeOf('information-credibility')).default([]),
    }),
    levels: z.array(ProofLevel).min(1, 'give at least one level'),
  })
  .superRefine((rules, context) => {
    const seen = new Set<string>();
    rules.levels.forEach((level, index) => {
      if (seen.has(level.code))
        context.addIssue({
          code: 'custom',
          path: ['levels', index, 'code'],
          message: 'duplicate level code',
        });
      seen.add(level.code);
    });
    const last = rules.levels.length - 1;
    const lowest = rules.levels[last];
    if (lowest && !(lowest.allows_contradiction && lowest.any_of.some(alwaysHolds)))
      context.addIssue({
        code: 'custom',
        path: ['levels', last],
        message: 'the lowest level must apply to every act: any_of [{}] and allows_contradiction true',
      });
  });
export type ProofRules = z.infer<typeof ProofRules>;

/** What the rules look at: an act's independent clusters, first-hand clusters, and unresolved contradictions. */
export type ProofFacts = { independent: number; firstHand: number; contradicted: boolean };

/** The highest level of the rules that the facts meet. */
export function levelOf(rules: ProofRules, facts: ProofFacts): ProofLevel {
  for (const level of rules.levels) {
    if (facts.contradicted && !level.allows_contradiction) continue;
    if (level.any_of.some((condition) => holds(condition, facts))) return level;
  }
  // The schema guarantees the lowest level holds for every act.
  return rules.levels[rules.levels.length - 1] as ProofLevel;
}

function holds(condition: ProofCondition, facts: ProofFacts): boolean {
  return (
    facts.independent >= (condition.min_independent ?? 0) &&
    facts.firstHand >= (condition.min_first_hand ?? 0)
  );
}

function alwaysHolds(condition: ProofCondition): boolean {
  return (condition.min_independent ?? 0) === 0 && (condition.min_first_hand ?? 0) === 0;
}

/** A rules file that cannot be used, with every problem as `FILE:LINE: field: message`. */
export class ProofRulesError extends Error {
  readonly id = 'invalid-proof-rules';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`invalid standards-of-proof rules:\n  ${problems.join('\n  ')}`);
    this.problems = problems;
  }
}

/** Reads and validates a rules file (JSON); throws `ProofRulesError` naming file, line and field. */
export function readProofRules(path: string): ProofRules {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ProofRulesError([`${path}: cannot read: ${(error as NodeJS.ErrnoException).code ?? 'error'}`]);
  }
  return parseProofRules(text, path);
}

/** Validates rules given as JSON text; `file` names it in messages. */
export function parseProofRules(text: string, file: string): ProofRules {
  const parsed = parseJsonDocument(text, file, ProofRules);
  if (!parsed.ok) throw new ProofRulesError(parsed.problems);
  return parsed.value;
}

/** Path of the default rules shipped in `data/reference/`. */
export const DEFAULT_RULES_FILE = fileURLToPath(new URL('standards-of-proof.json', REFERENCE_DIR));

let defaults: ProofRules | undefined;

/** The shipped default rules (UN COI's "reasonable grounds to believe"), read once. */
export function defaultProofRules(): ProofRules {
  defaults ??= readProofRules(DEFAULT_RULES_FILE);
  return defaults;
}
