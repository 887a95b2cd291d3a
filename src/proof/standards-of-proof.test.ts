import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  DEFAULT_RULES_FILE,
  defaultProofRules,
  levelOf,
  ProofRulesError,
  parseProofRules,
  readProofRules,
} from './standards-of-proof.ts';

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof ProofRulesError, String(error));
    return error.problems;
  }
  assert.fail('expected the rules to be refused');
}

describe('standards-of-proof rules', () => {
  it('ships default rules naming the UN Commission of Inquiry, highest level first', () => {
    const rules = defaultProofRules();
    assert.match(rules.source, /A\/HRC\/25\/CRP\.1/);
    assert.match(rules.source, /OHCHR/);
    assert.deepEqual(
      rules.levels.map((l) => l.code),
      ['reasonable-grounds', 'credible', 'uncorroborated'],
    );
    assert.equal(
      levelOf(rules, { independent: 2, firstHand: 1, contradicted: false }).code,
      'reasonable-grounds',
    );
    assert.equal(levelOf(rules, { independent: 2, firstHand: 1, contradicted: true }).code, 'credible');
    assert.equal(levelOf(rules, { independent: 2, firstHand: 0, contradicted: false }).code, 'credible');
    assert.equal(
      levelOf(rules, { independent: 1, firstHand: 0, contradicted: false }).code,
      'uncorroborated',
    );
    assert.equal(levelOf(rules, { independent: 0, firstHand: 0, contradicted: true }).code, 'uncorroborated');
  });

  it('names file, line and field of every problem in a bad rules file, never failing silently', () => {
    const text = readFileSync(DEFAULT_RULES_FILE, 'utf8')
      .replace('"VICTIM",', '"VICTIMS",')
      .replace('"min_independent": 2, "min_first_hand": 1', '"min_independent": -1');
    const problems = problemsOf(() => parseProofRules(text, 'org-rules.json'));
    const line = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    assert.deepEqual(problems, [
      `org-rules.json:${line('"VICTIMS"')}: first_hand.0: not a code of the source-connections vocabulary`,
      `org-rules.json:${line('"min_independent": -1')}: levels.0.any_of.0.min_independent: Too small: expected number to be >=0`,
    ]);
  });

  it('refuses a lowest level that does not apply to every act, and broken JSON, with its line', () => {
    const rules = structuredClone(defaultProofRules());
    rules.levels = rules.levels.slice(0, 2);
    const problems = problemsOf(() => parseProofRules(JSON.stringify(rules, null, 2), 'r.json'));
    assert.equal(problems.length, 1);
    assert.match(problems[0] as string, /^r\.json:\d+: levels\.1: the lowest level must apply to every act/);
    assert.deepEqual(
      problemsOf(() => parseProofRules('{\n  "id": "x",\n  oops\n}', 'r.json')),
      ['r.json:3: (file): not valid JSON'],
    );
    assert.deepEqual(
      problemsOf(() => readProofRules('/nonexistent/rules.json')),
      ['/nonexistent/rules.json: cannot read: ENOENT'],
    );
  });
});
