import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type CompiledClassifier,
  compileClassifier,
  RecommendationClassifierModel,
} from './recommendation-classifier.ts';

/** The model shipped with Daylight, rebuilt by `bench/upr-train.ts`. */
export const SHIPPED_CLASSIFIER_PATH = fileURLToPath(
  new URL('../../data/upr/recommendation-classifier.json', import.meta.url),
);

/** Reads and checks a classifier model file (by default the shipped one), ready to predict. */
export function loadRecommendationClassifier(path: string = SHIPPED_CLASSIFIER_PATH): CompiledClassifier {
  const model = RecommendationClassifierModel.parse(JSON.parse(readFileSync(path, 'utf8')));
  return compileClassifier(model);
}
