import { z } from 'zod';
import { CONFIDENTIALITY_LEVELS, type Confidentiality } from '../domain/record-meta.ts';

/** Who can be acting: staff roles, and `public` for anyone not signed in. */
export const ROLES = [
  'public',
  'viewer',
  'advocate',
  'analyst',
  'reviewer',
  'investigator',
  'coordinator',
  'admin',
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** The person or process a use-case runs for. */
export type Viewer = { user: string; role: Role };

/** Anyone not signed in. */
export const PUBLIC_VIEWER: Viewer = { user: 'anonymous', role: 'public' };

/** Whether `level` is at or below `ceiling` (public < internal < restricted < strictly-confidential). */
export function withinLevel(level: Confidentiality, ceiling: Confidentiality): boolean {
  return CONFIDENTIALITY_LEVELS.indexOf(level) <= CONFIDENTIALITY_LEVELS.indexOf(ceiling);
}

/** The levels at or below a ceiling, lowest first. */
export function levelsUpTo(ceiling: Confidentiality): Confidentiality[] {
  return CONFIDENTIALITY_LEVELS.slice(0, CONFIDENTIALITY_LEVELS.indexOf(ceiling) + 1);
}
