import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CONFIDENTIALITY_LEVELS } from '../domain/record-meta.ts';
import { AccessDenied, authorize, isAllowed } from './authorize.ts';
import { USE_CASES } from './permissions.ts';
import { ROLES, type Role } from './roles.ts';

/** The matrix as docs/access.md writes it: use-case → role → cell text. */
function documentedMatrix(): Map<string, Map<string, string>> {
  const text = readFileSync(new URL('../../docs/access.md', import.meta.url), 'utf8');
  const rows = text.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('|---'));
  const table = rows.slice(rows.findIndex((row) => row.startsWith('| use-case |')));
  const cells = (row: string) =>
    row
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
  const roles = cells(table[0] as string).slice(1);
  const matrix = new Map<string, Map<string, string>>();
  for (const row of table.slice(1)) {
    const [useCase, ...values] = cells(row);
    matrix.set(useCase as string, new Map(roles.map((role, i) => [role, values[i] as string])));
  }
  return matrix;
}

describe('access matrix', () => {
  const documented = documentedMatrix();

  it('docs/access.md lists every use-case and every role', () => {
    assert.deepEqual([...documented.keys()], [...USE_CASES]);
    for (const row of documented.values()) assert.deepEqual([...row.keys()], [...ROLES]);
  });

  for (const role of ROLES) {
    it(`${role}: every use-case at every level is allowed exactly as documented`, () => {
      const viewer = { user: `test-${role}`, role: role as Role };
      for (const useCase of USE_CASES) {
        const cell = documented.get(useCase)?.get(role);
        for (const level of CONFIDENTIALITY_LEVELS) {
          const expected =
            cell === 'yes' ||
            (cell !== '–' &&
              CONFIDENTIALITY_LEVELS.indexOf(level) <= CONFIDENTIALITY_LEVELS.indexOf(cell as never));
          assert.equal(
            isAllowed(viewer, useCase, level),
            expected,
            `${role} ${useCase} ${level} (documented: ${cell})`,
          );
          if (expected) authorize(viewer, useCase, level);
          else assert.throws(() => authorize(viewer, useCase, level), AccessDenied);
        }
      }
    });
  }

  it('refusals say what was refused, not what the record holds', () => {
    assert.throws(
      () => authorize({ user: 'a', role: 'analyst' }, 'read-identifying', 'internal'),
      /a analyst may not read identifying at level internal/,
    );
  });
});
