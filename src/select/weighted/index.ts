export {
  simplexSearch,
  uniformOver,
  type SimplexSearchOptions,
  type WeightedPoint,
  type WeightedSearchResult,
} from "./simplex-search";
