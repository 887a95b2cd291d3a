// The one place the engine reaches the names and places module, so that its contract is seen at a glance.
export {
  facilitySimilarity,
  type NameReading,
  nameKey,
  nameSimilarity,
  readName,
  resolveFacility,
  resolveOrigin,
} from './names-fallback.ts';
