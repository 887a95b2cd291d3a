import { fileURLToPath } from 'node:url';

/** A file of the read-only shared material, which CI places at `../shared` beside the repository. */
export function sharedDataPath(relative: string): string {
  return fileURLToPath(new URL(`../../../shared/data/${relative}`, import.meta.url));
}
