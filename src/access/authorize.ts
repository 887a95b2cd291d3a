import type { Confidentiality } from '../domain/record-meta.ts';
import { PERMISSIONS, type UseCase } from './permissions.ts';
import { type Viewer, withinLevel } from './roles.ts';

/** A refusal, with a stable id for HTTP status and CLI exit code mapping. Never names the record's content. */
export class AccessDenied extends Error {
  readonly id = 'access-denied';
  readonly useCase: UseCase;
  constructor(viewer: Viewer, useCase: UseCase, level?: Confidentiality) {
    super(`a ${viewer.role} may not ${useCase.replaceAll('-', ' ')}${level ? ` at level ${level}` : ''}`);
    this.useCase = useCase;
  }
}

/**
 * Whether a viewer may perform a use-case (on something at `level`, for record use-cases).
 * The only place permissions are decided: every adapter goes through it.
 */
export function isAllowed(viewer: Viewer, useCase: UseCase, level?: Confidentiality): boolean {
  const grant = PERMISSIONS[viewer.role][useCase];
  if (grant === undefined) return false;
  if (grant === true || level === undefined) return true;
  return withinLevel(level, grant);
}

/** Throws `AccessDenied` unless the viewer may perform the use-case. */
export function authorize(viewer: Viewer, useCase: UseCase, level?: Confidentiality): void {
  if (!isAllowed(viewer, useCase, level)) throw new AccessDenied(viewer, useCase, level);
}

/** The highest level a viewer may act on for a record use-case, or `undefined` for none. */
export function ceilingOf(viewer: Viewer, useCase: UseCase): Confidentiality | undefined {
  const grant = PERMISSIONS[viewer.role][useCase];
  return grant === undefined ? undefined : grant === true ? 'strictly-confidential' : grant;
}
