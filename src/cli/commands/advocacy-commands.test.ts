// The advocacy commands end to end through the real CLI: our recommendations, a meeting, an ask,
// a briefing, uptake and the claims register from a Working Group report read from its PDF.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { tempDir, testRecords } from '../../testing/factories.ts';
import { cliDatabase, runCli } from '../../testing/run-cli.ts';
import { sharedDataPath } from '../../testing/shared-data.ts';

describe('daylight delegation and upr uptake / claims', () => {
  const dir = tempDir();
  let db: string;
  const cli = (...args: string[]) => runCli(['--db', db, '--role', 'advocate', ...args]);
  before(() => {
    db = cliDatabase(dir.path, Object.values(testRecords()));
    const extracted = runCli([
      '--db',
      db,
      'upr',
      'extract',
      sharedDataPath('upr-reports/democraticpeoplesrepublicofkorea2014.pdf'),
      '--import',
    ]);
    assert.equal(extracted.status, 0, extracted.stderr);
  });
  after(() => dir.remove());

  it('stores ours, records a meeting and an ask, and writes a briefing', () => {
    const ours = join(dir.path, 'ours.jsonl');
    writeFileSync(
      ours,
      [
        { id: 'O1', text: 'Abolish the political prison camps and release all political prisoners' },
        { id: 'O2', text: 'Grant the Special Rapporteur unrestricted access to the country' },
      ]
        .map((o) => JSON.stringify(o))
        .join('\n'),
    );
    assert.equal(cli('delegation', 'recommendations', 'import', ours).status, 0);
    assert.match(
      cli('delegation', 'meet', '--state', 'Greece', '--date', '2026-11-20').stdout,
      /meeting 1 with Greece/,
    );
    const bad = cli('delegation', 'ask', '--state', 'Greece', '--recommendation', 'O9');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--recommendation: no recommendation of ours/);
    assert.equal(
      cli('delegation', 'ask', '--state', 'Greece', '--recommendation', 'O1', '--meeting', '1').status,
      0,
    );
    const out = join(dir.path, 'greece.md');
    const briefing = cli('delegation', 'briefing', '--state', 'Greece', '--to', 'DPR Korea', '--out', out);
    assert.equal(briefing.status, 0, briefing.stderr);
    const md = readFileSync(out, 'utf8');
    assert.match(md, /Close down the political prison camps and release all political prisoners/);
    assert.match(md, /- O1 \[asked\]: Abolish/);
    const docx = join(dir.path, 'greece.docx');
    assert.equal(
      cli('delegation', 'briefing', '--state', 'Greece', '--to', 'DPR Korea', '--out', docx).status,
      0,
    );
    assert.ok(existsSync(docx));
  });

  it('finds ours taken up in the 2014 review, by state', () => {
    const result = cli('upr', 'uptake', '--to', 'DPR Korea', '--session', '19', '--json');
    assert.equal(result.status, 0, result.stderr);
    const uptake = JSON.parse(result.stdout);
    assert.equal(uptake.made, 268);
    const states = uptake.byState.map((s: { state: string }) => s.state);
    for (const state of ['Greece', 'Japan', 'Lithuania']) assert.ok(states.includes(state), state);
    // A person rejects the one pair that made a state count: it no longer does.
    type Pair = { ours: string; decision: string; made: { id: string; recommending_state: string } };
    const matched = (uptake.pairs as Pair[]).filter((p) => p.decision === 'match');
    const single = matched.find(
      (p) => matched.filter((q) => q.made.recommending_state === p.made.recommending_state).length === 1,
    );
    assert.ok(single);
    const decided = cli('upr', 'uptake-decide', '--ours', single.ours, '--made', single.made.id, '--reject');
    assert.equal(decided.status, 0, decided.stderr);
    const after = JSON.parse(cli('upr', 'uptake', '--to', 'DPR Korea', '--session', '19', '--json').stdout);
    assert.ok(!after.byState.some((s: { state: string }) => s.state === single.made.recommending_state));
    assert.equal(cli('upr', 'uptake-decide', '--ours', 'O1', '--made', 'x').status, 2, 'accept or reject');
  });

  it('lists the state claims of the report with their themes and evidence', () => {
    const result = cli('upr', 'claims', '--to', 'DPR Korea', '--json');
    assert.equal(result.status, 0, result.stderr);
    const claims = JSON.parse(result.stdout);
    const pardon = claims.find((c: { text: string }) => c.text.includes('general pardon'));
    assert.ok(pardon, 'the claim of a general pardon is in the register');
    assert.equal(pardon.document, 'A/HRC/27/10');
    const set = cli(
      'upr',
      'claims',
      'set-issues',
      '--document',
      'A/HRC/27/10',
      '--paragraph',
      pardon.paragraph,
      '--issues',
      'Detention;Justice',
    );
    assert.equal(set.status, 0, set.stderr);
    const again = JSON.parse(cli('upr', 'claims', '--to', 'DPR Korea', '--json').stdout);
    const updated = again.find((c: { paragraph: string }) => c.paragraph === pardon.paragraph);
    assert.deepEqual([updated.issues, updated.issuesBy], [['Detention', 'Justice'], 'analyst']);
    const unknown = cli(
      'upr',
      'claims',
      'set-issues',
      '--document',
      'A/HRC/27/10',
      '--paragraph',
      pardon.paragraph,
      '--issues',
      'Weather',
    );
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /--issues: not UPR issues: Weather/);
  });
});
