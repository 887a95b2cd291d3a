import type { CaptureData } from './capture-data.ts';
import type { EstimateReport } from './estimate-report.ts';

export type LcmcrOptions = { seed?: number; sweeps?: number; burnIn?: number; classes?: number };

export function estimateLcmcr(_data: CaptureData, _options: LcmcrOptions = {}): EstimateReport {
  throw new Error('not yet');
}
