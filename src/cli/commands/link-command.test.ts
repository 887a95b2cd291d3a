import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { generateMentions } from '../../linkage/generate-mentions.ts';
import { tempDir } from '../../testing/factories.ts';
import { runCli } from '../../testing/run-cli.ts';

describe('daylight link', () => {
  const dir = tempDir();
  after(() => dir.remove());
  const file = (name: string) => join(dir.path, name);

  it('writes every input id exactly once, with its cluster, and the explained and uncertain pairs', () => {
    const { mentions } = generateMentions({ persons: 150, seed: 4 });
    // Lenient input: nulls, blank text, numeric strings, approximate years, sex as words.
    const lines = mentions.map((m, k) =>
      JSON.stringify({
        ...m,
        birth_year:
          m.birth_year === undefined
            ? null
            : k % 3 === 0
              ? `around ${m.birth_year}`
              : k % 3 === 1
                ? String(m.birth_year)
                : m.birth_year,
        sex: m.sex === undefined ? '' : k % 2 ? m.sex.toLowerCase() : m.sex === 'M' ? 'male' : '여',
      }),
    );
    writeFileSync(file('in.jsonl'), `${lines.join('\n')}\n\n`);
    const result = runCli([
      'link',
      '--input',
      file('in.jsonl'),
      '--output',
      file('out.jsonl'),
      '--explain',
      file('explain.jsonl'),
      '--review',
      file('review.jsonl'),
    ]);
    assert.equal(result.status, 0, result.stderr);
    const out = readFileSync(file('out.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(out.map((o) => o.id).sort(), mentions.map((m) => m.id).sort());
    const ids = new Set(mentions.map((m) => m.id));
    for (const o of out) assert.ok(ids.has(o.cluster), 'a cluster is named by one of its members');
    assert.ok(new Set(out.map((o) => o.cluster)).size < mentions.length, 'some mentions were linked');
    const explained = readFileSync(file('explain.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.ok(explained.length > 0);
    for (const pair of explained.slice(0, 20)) {
      const sum =
        pair.prior_weight + pair.fields.reduce((s: number, f: { weight: number }) => s + f.weight, 0);
      assert.ok(Math.abs(sum - pair.weight) < 1e-9, 'the field weights add up to the score');
      assert.ok(pair.probability >= 0.5);
    }
    assert.ok(existsSync(file('review.jsonl')));
    assert.doesNotMatch(result.stdout, /Kim|Lee|Pak|김|이|박/, 'no names on the terminal');
  });

  it('a duplicate id: exit 2 naming both lines, and no output file', () => {
    writeFileSync(file('dup.jsonl'), '{"id": "a", "name": "Kim Chol-su"}\n{"id": "b"}\n{"id": "a"}\n');
    const result = runCli(['link', '--input', file('dup.jsonl'), '--output', file('dup-out.jsonl')]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /dup\.jsonl, lines 1 and 3/);
    assert.ok(!existsSync(file('dup-out.jsonl')));
  });

  for (const [line, field] of [
    ['{"id": "x", "name": "Ri Yong-ho", "birth_year": "the year of the flood"}', 'birth_year'],
    ['{"id": "x", "name": "Ri Yong-ho", "sex": "unknown"}', 'sex'],
    ['{"id": "x", "name": "Ri Yong-ho", "detained_from": 2011, "detained_to": 2009}', 'detained_to'],
  ] as const)
    it(`a bad ${field}: exit 2 naming file, line and field, never the values; no output written`, () => {
      writeFileSync(file('bad.jsonl'), `{"id": "ok"}\n${line}\n`);
      const result = runCli([
        'link',
        '--input',
        file('bad.jsonl'),
        '--output',
        file('bad-out.jsonl'),
        '--explain',
        file('bad-ex.jsonl'),
      ]);
      assert.equal(result.status, 2, line);
      assert.match(result.stderr, new RegExp(`bad\\.jsonl, line 2, field ${field}: `));
      assert.doesNotMatch(result.stderr, /Ri|Yong|flood/);
      assert.ok(!existsSync(file('bad-out.jsonl')) && !existsSync(file('bad-ex.jsonl')));
      assert.ok(!readdirSync(dir.path).some((f) => f.endsWith('.tmp')), 'no temporary file left behind');
    });

  it('a line that is not JSON, or an empty id: exit 2 naming file and line', () => {
    writeFileSync(file('notjson.jsonl'), '{"id": "ok"}\n{"id": \n');
    const notJson = runCli(['link', '--input', file('notjson.jsonl'), '--output', file('bad-out.jsonl')]);
    assert.equal(notJson.status, 2);
    assert.match(notJson.stderr, /notjson\.jsonl, line 2: not JSON/);
    assert.ok(!existsSync(file('bad-out.jsonl')));
  });

  it('usage errors: a missing input file, a threshold out of range', () => {
    assert.equal(runCli(['link', '--input', file('none.jsonl'), '--output', file('x.jsonl')]).status, 2);
    writeFileSync(file('one.jsonl'), '{"id": "a"}\n');
    const bad = runCli([
      'link',
      '--input',
      file('one.jsonl'),
      '--output',
      file('x.jsonl'),
      '--threshold',
      '1.5',
    ]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--threshold/);
  });
});
