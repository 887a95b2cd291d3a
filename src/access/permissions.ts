import type { Confidentiality } from '../domain/record-meta.ts';
import type { Role } from './roles.ts';

/** Everything a caller can ask Daylight to do; every CLI command and HTTP route maps to one. */
export const USE_CASES = [
  'read-records',
  'read-identifying',
  'search',
  'view-statistics',
  'write-records',
  'review-records',
  'resolve-records',
  'decide-links',
  'delete-records',
  'add-evidence-files',
  'read-evidence-files',
  'verify-evidence-files',
  'export-identifying',
  'export-anonymised',
  'manage-users',
  'read-audit',
  'backup-restore',
  'rotate-keys',
  'manage-advocacy',
] as const;
export type UseCase = (typeof USE_CASES)[number];

/**
 * What each role may do: for record use-cases, the highest confidentiality level it may act on;
 * for the others, `true`. Absent means never. `docs/access.md` shows this table, and a test checks
 * that the document and this code agree cell by cell.
 */
export type Grant = Confidentiality | true;

const S: Grant = 'strictly-confidential';
const R: Grant = 'restricted';
const I: Grant = 'internal';
const P: Grant = 'public';

/** Everything about records, at every level, including exports with identifying data. */
const COORDINATOR: Partial<Record<UseCase, Grant>> = {
  'read-records': S,
  'read-identifying': S,
  search: S,
  'view-statistics': S,
  'write-records': S,
  'review-records': S,
  'resolve-records': true,
  'decide-links': S,
  'delete-records': S,
  'add-evidence-files': S,
  'read-evidence-files': S,
  'verify-evidence-files': true,
  'export-identifying': S,
  'export-anonymised': S,
  'read-audit': true,
  'manage-advocacy': true,
};

export const PERMISSIONS: Record<Role, Partial<Record<UseCase, Grant>>> = {
  public: { 'read-records': P, search: P, 'view-statistics': P },
  viewer: { 'read-records': I, search: I, 'view-statistics': I },
  advocate: {
    'read-records': I,
    search: I,
    'view-statistics': I,
    'export-anonymised': I,
    'manage-advocacy': true,
  },
  analyst: {
    'read-records': I,
    search: I,
    'view-statistics': R,
    'export-anonymised': R,
    'manage-advocacy': true,
  },
  reviewer: {
    'read-records': R,
    'read-identifying': R,
    search: R,
    'view-statistics': R,
    'review-records': R,
    'resolve-records': true,
    'decide-links': R,
    'read-evidence-files': R,
    'verify-evidence-files': true,
    'export-anonymised': R,
  },
  investigator: {
    'read-records': R,
    'read-identifying': R,
    search: R,
    'view-statistics': R,
    'write-records': R,
    'resolve-records': true,
    'add-evidence-files': R,
    'read-evidence-files': R,
    'verify-evidence-files': true,
    'export-anonymised': R,
  },
  coordinator: COORDINATOR,
  // An admin may do all a coordinator may, and run the installation.
  admin: { ...COORDINATOR, 'manage-users': true, 'backup-restore': true, 'rotate-keys': true },
};
