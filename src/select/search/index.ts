export { BudgetedObjective, type Objective, type SearchOptions, type SearchResult, type TraceEntry } from "./objective";
export { greedyForward, type GreedyForwardOptions } from "./greedy-forward";
export { greedyBackward, type GreedyBackwardOptions } from "./greedy-backward";
export { beamSearch, type BeamOptions } from "./beam";
export { evolutionarySearch, type EvolutionaryOptions } from "./evolutionary";
export { fitSurrogate, predictSurrogate, surrogateSearch, type SurrogateFit, type SurrogateOptions } from "./surrogate";
export { compareSearch, type SearchComparisonRow, type Strategy } from "./compare";
export { exhaustiveSearch } from "./exhaustive";
export { chooseSearch, runSearch, SEARCH_NAMES, type SearchChoice, type SearchName } from "./choose";
