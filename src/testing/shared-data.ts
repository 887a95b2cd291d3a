import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CaptureData } from '../estimate/capture-data.ts';
import { parseHistoriesCsv } from '../estimate/histories-csv.ts';

/** A file of the read-only shared material, which CI places at `../shared` beside the repository. */
export function sharedDataPath(relative: string): string {
  return fileURLToPath(new URL(`../../../shared/data/${relative}`, import.meta.url));
}

/** One of the capture-recapture datasets in `../shared/data/mse/`. */
export function loadSharedHistories(name: string): CaptureData {
  return parseHistoriesCsv(readFileSync(sharedDataPath(`mse/${name}`), 'utf8'), name);
}
