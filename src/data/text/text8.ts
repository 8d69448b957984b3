import { UnknownNameError } from "../../util/errors";
import { Progress, silentProgress } from "../../util/progress";
import { SplitSizes } from "../types";
import { DEFAULT_TEXT_DIM, featurizeTexts } from "./featurize";
import { loadEraTask, loadGenreTask, loadGlossSentimentTask, loadLanguageIdTask, loadNounSupersenseTask, loadSpamTask, loadTopicTask, loadVerbSupersenseTask } from "./tasks/index";
import { TextLoadOptions, TextTask } from "./text-task";

/** The eight text-8 task names, in suite order. */
export const TEXT8_TASKS: readonly string[] = ["spam", "topic", "genre", "noun-supersense", "verb-supersense", "gloss-sentiment", "era", "language-id"];

const LOADERS: Readonly<Record<string, (opts: TextLoadOptions) => Promise<TextTask>>> = {
  spam: loadSpamTask,
  topic: loadTopicTask,
  genre: loadGenreTask,
  "noun-supersense": loadNounSupersenseTask,
  "verb-supersense": loadVerbSupersenseTask,
  "gloss-sentiment": loadGlossSentimentTask,
  era: loadEraTask,
  "language-id": loadLanguageIdTask,
};

/**
 * Load text-8 tasks (all eight by default, in `TEXT8_TASKS` order, or those named, in the order named),
 * each split and featurized into one shared hashed space of `dim` buckets. Deterministic for a seed; each
 * task derives its own seed from (seed, name), so loading a subset gives the same tasks.
 *
 * @example
 * const tasks = await loadText8Tasks({ sizes: { train: 1000, val: 500, test: 1000, headfitPerClass: 10 }, seed: 1, dim: 1024 });
 * tasks.map((t) => t.name); // TEXT8_TASKS
 * @throws UnknownNameError for a task name not in TEXT8_TASKS; InvalidArgumentError when a source cannot
 *   fill the sizes; MissingDependencyError when a source package is not installed.
 */
export async function loadText8Tasks(opts: { sizes: SplitSizes; seed: number; dim?: number; tasks?: readonly string[]; progress?: Progress }): Promise<TextTask[]> {
  const names = opts.tasks ?? TEXT8_TASKS;
  for (const n of names) if (!LOADERS[n]) throw new UnknownNameError("text8 task", n, TEXT8_TASKS);
  const progress = opts.progress ?? silentProgress;
  const dim = opts.dim ?? DEFAULT_TEXT_DIM;
  featurizeTexts([], dim); // reject a bad dim before reading any source
  progress.start("load text-8 tasks", names.length);
  const out: TextTask[] = [];
  try {
    for (const name of names) {
      const t0 = Date.now();
      out.push(await LOADERS[name]({ sizes: opts.sizes, seed: opts.seed, dim }));
      progress.tick(1, `${name} (${Date.now() - t0} ms)`);
    }
  } finally {
    progress.done();
  }
  return out;
}
