import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { tempDir } from '../../testing/factories.ts';
import { runCli } from '../../testing/run-cli.ts';
import { sharedDataPath } from '../../testing/shared-data.ts';

describe('daylight estimate', () => {
  const dir = tempDir();
  after(() => dir.remove());

  it('--input CSV --json: the report in the documented shape, every estimate with its interval', () => {
    const result = runCli([
      'estimate',
      '--input',
      sharedDataPath('mse/hiv-rome.csv'),
      '--json',
      '--top',
      '3',
    ]);
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout);
    assert.equal(report.n_observed, 1896);
    assert.deepEqual(report.lists, ['c1', 'c2', 'c3', 'c4']);
    assert.equal(report.estimates.length, 3);
    for (const e of report.estimates) {
      for (const key of ['method', 'model', 'N', 'lower', 'upper', 'aic', 'bic']) assert.ok(key in e, key);
      assert.ok(e.lower <= e.N && e.N <= e.upper);
    }
    assert.deepEqual(report.selected, report.estimates[0]);
    assert.ok(Array.isArray(report.warnings));
  });

  it('a text report names the selected estimate, its interval and the caveats', () => {
    const result = runCli(['estimate', '--input', sharedDataPath('mse/lesbian.csv'), '--max-order', '1']);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /Selected: N = 6964 \(\d+ to \d+\), loglinear Mth Darroch/);
    assert.match(result.stdout, /Caveats/);
  });

  it('bad input: exit 2 and a message naming file, line and field', () => {
    const file = join(dir.path, 'bad.csv');
    writeFileSync(file, 'A,B,count\n1,1,4\n1,x,3\n');
    const result = runCli(['estimate', '--input', file]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /bad\.csv, line 3, field B: expected 0 or 1/);
    assert.equal(runCli(['estimate', '--input', file, '--method', 'magic']).status, 2);
  });

  it('from the store: lists are organisations, units interviewees; never a person id in the output', () => {
    const db = join(dir.path, 'demo.db');
    assert.equal(runCli(['--db', db, 'demo']).status, 0);
    const result = runCli(['--db', db, 'estimate', '--lists', 'programme', '--json']);
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout);
    assert.equal(report.lists.length, 5);
    assert.ok(report.n_observed > 0);
    assert.doesNotMatch(result.stdout, /P-\d{7}/);
    // Every interview made its own person record: before linkage the lists cannot overlap.
    assert.equal(report.selected, null);
    assert.ok(report.warnings.some((w: string) => /never resolved/.test(w)));
    // Once persons are resolved, units are individuals: fewer of them, seen on several lists.
    assert.equal(runCli(['--db', db, '--role', 'coordinator', 'resolve', 'run']).status, 0);
    const resolved = JSON.parse(runCli(['--db', db, 'estimate', '--lists', 'programme', '--json']).stdout);
    assert.ok(resolved.n_observed < report.n_observed, `${resolved.n_observed} < ${report.n_observed}`);
    assert.ok(!resolved.warnings.some((w: string) => /never resolved/.test(w)));
    assert.notEqual(resolved.selected, null);
  });
});
