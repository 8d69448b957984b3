export { loadSpamTask } from "./spam";
export { loadTopicTask } from "./topic";
export { loadGenreTask, BROWN_GENRE_CLASS, GENRE_CHUNK_SENTENCES } from "./genre";
export { loadNounSupersenseTask, loadVerbSupersenseTask } from "./supersense";
export { loadGlossSentimentTask, glossSentimentExamples } from "./sentiment";
export { loadEraTask, eraOf, ERA_CHUNK_SENTENCES } from "./era";
export { loadLanguageIdTask, SPAN_MIN, SPAN_MAX } from "./language";
