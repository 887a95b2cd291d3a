import { ceilingOf } from '../access/authorize.ts';
import type { UseCase } from '../access/permissions.ts';
import { levelsUpTo, type Viewer } from '../access/roles.ts';
import type { Confidentiality } from '../domain/record-meta.ts';

/** What a viewer may read for one use-case: levels, identifying text, and whether only verified records. */
export type ReadScope = { levels: Confidentiality[]; identifying: boolean; verifiedOnly: boolean };

/**
 * The scope of a read use-case for a viewer. Identifying text is searchable only when the viewer
 * may see identifying fields at every level it may read; the public sees verified records only.
 */
export function readScopeOf(viewer: Viewer, useCase: UseCase): ReadScope {
  const ceiling = ceilingOf(viewer, useCase);
  const identifyingCeiling = ceilingOf(viewer, 'read-identifying');
  return {
    levels: ceiling === undefined ? [] : levelsUpTo(ceiling),
    identifying: ceiling !== undefined && identifyingCeiling === ceiling,
    verifiedOnly: viewer.role === 'public',
  };
}
