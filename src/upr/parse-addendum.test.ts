import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyAddendum, readAddendumResponses } from './parse-addendum.ts';

test('an addendum’s lists of accepted and noted recommendations answer the report’s open ones', () => {
  const responses = readAddendumResponses(
    'The Government accepts the following recommendations: 124.1, 124.2 and 124.5–124.7.\n' +
      'It does not accept recommendations 124.3 and 124.4, and takes note of 124.8 to 124.9.',
  );
  assert.deepEqual(Object.fromEntries(responses), {
    '124.1': 'supported',
    '124.2': 'supported',
    '124.5': 'supported',
    '124.6': 'supported',
    '124.7': 'supported',
    '124.3': 'noted',
    '124.4': 'noted',
    '124.8': 'noted',
    '124.9': 'noted',
  });
  const open = { text: 'x', recommending_states: ['Spain'], response: null };
  const answered = applyAddendum(
    [
      { ...open, paragraph: '124.1' },
      { ...open, paragraph: '124.10' },
      { ...open, paragraph: '125.1', response: 'noted' as const },
    ],
    responses,
  );
  assert.deepEqual(
    answered.map((r) => r.response),
    ['supported', null, 'noted'],
  );
});
