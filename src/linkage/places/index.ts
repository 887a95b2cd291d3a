export { facilitySimilarity } from './facility-similarity.ts';
export { type FacilityResolution, resolveFacility } from './resolve-facility.ts';
export { resolveOrigin } from './resolve-origin.ts';
