// The one place the engine reaches the names and places modules, so that its contract is seen at a glance.
export {
  NameComparer,
  type NameReading,
  nameSimilarity,
  readingKey as nameKey,
  readName,
} from './names/index.ts';
export { facilitySimilarity, resolveFacility, resolveOrigin } from './places/index.ts';
