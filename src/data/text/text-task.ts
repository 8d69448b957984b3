import { InvalidArgumentError } from "../../util/errors";
import { hashSeed, Rng } from "../../util/rng";
import { assignSplits } from "../split";
import { Split, SplitName, SplitSizes, Task, TaskSource } from "../types";
import { DEFAULT_TEXT_DIM, featurizeTexts } from "./featurize";
import { labelConcepts, TEXT8_LABELS } from "./labels";

/** One labelled text and the document it comes from (e.g. "brown:ca01", "sotu:1961:john_f_kennedy"). */
export interface TextExample {
  readonly text: string;
  readonly label: number;
  readonly doc: string;
}

/**
 * A text-8 task: a `Task` plus, per split, the raw texts and the document id of every example.
 * Document ids ("<source>:<document>") let the pretraining corpus leave out every test document.
 */
export interface TextTask extends Task {
  readonly texts: { readonly [K in SplitName]: readonly string[] };
  readonly documents: { readonly [K in SplitName]: readonly string[] };
}

/** Options every text-8 loader takes. */
export interface TextLoadOptions {
  readonly sizes: SplitSizes;
  readonly seed: number;
  /** Hash buckets (default 1024). */
  readonly dim?: number;
}

/** What a loader knows about its task besides the examples. */
export interface TextTaskInfo {
  readonly name: string;
  readonly title: string;
  readonly source: TaskSource;
  /** Split whole documents (Brown files, SOTU addresses, UDHR paragraphs) rather than examples. */
  readonly byDocument: boolean;
}

const SPLITS: readonly SplitName[] = ["train", "val", "test", "headfit"];

/** The examples a split of these sizes needs in total. */
export function examplesNeeded(sizes: SplitSizes, numClasses: number): number {
  return sizes.train + sizes.val + sizes.test + sizes.headfitPerClass * numClasses;
}

/** The seed of one task's random choices, derived from the run seed and the task name. */
export function taskSeed(seed: number, name: string): number {
  if (!Number.isFinite(seed)) throw new InvalidArgumentError("seed", seed, "a finite number");
  return hashSeed(`${Math.floor(seed)}:text8:${name}`);
}

/**
 * Keep at most `cap` examples per document (a seeded choice, document order kept), so that a split of a
 * given size spans many documents and every class, instead of a handful of long files.
 *
 * @example
 * capPerDocument(chunks, 11, new Rng(1));
 */
export function capPerDocument(examples: readonly TextExample[], cap: number, rng: Rng): TextExample[] {
  const byDoc = new Map<string, number[]>();
  examples.forEach((e, i) => {
    let list = byDoc.get(e.doc);
    if (!list) byDoc.set(e.doc, (list = []));
    list.push(i);
  });
  const keep: number[] = [];
  for (const list of byDoc.values()) keep.push(...(list.length <= cap ? list : rng.shuffle(list.slice()).slice(0, cap)));
  return keep.sort((a, b) => a - b).map((i) => examples[i]);
}

function checkSizes(sizes: SplitSizes): void {
  for (const k of ["train", "val", "test", "headfitPerClass"] as const) {
    const v = sizes?.[k];
    if (!Number.isInteger(v) || v < 0) throw new InvalidArgumentError(`sizes.${k}`, v, "a non-negative integer");
  }
}

/**
 * Split the examples (whole documents when `info.byDocument`), featurize each split and assemble the task.
 * Document-split sources are first capped to about twice the examples needed, spread over all documents.
 *
 * @example
 * const task = buildTextTask({ name: "spam", title: "Spam", source, byDocument: false }, examples, { sizes, seed: 1 });
 * @throws InvalidArgumentError (from assignSplits) when the source cannot fill the sizes.
 */
export function buildTextTask(info: TextTaskInfo, examples: readonly TextExample[], opts: TextLoadOptions): TextTask {
  checkSizes(opts.sizes);
  const dim = opts.dim ?? DEFAULT_TEXT_DIM;
  const def = TEXT8_LABELS[info.name];
  const classes = def ? def.classes : [];
  const rng = new Rng(taskSeed(opts.seed, info.name));
  let pool = examples;
  if (info.byDocument) {
    const docs = new Set(examples.map((e) => e.doc)).size;
    const cap = Math.max(2, Math.ceil((2 * examplesNeeded(opts.sizes, classes.length)) / Math.max(docs, 1)));
    pool = capPerDocument(examples, cap, rng.fork("cap"));
  }
  const docIndex = new Map<string, number>();
  const groups = info.byDocument ? Int32Array.from(pool, (e) => docIndex.get(e.doc) ?? (docIndex.set(e.doc, docIndex.size), docIndex.size - 1)) : undefined;
  const idx = assignSplits({
    labels: Int32Array.from(pool, (e) => e.label),
    numClasses: classes.length,
    sizes: opts.sizes,
    seed: rng.fork("split").int(2 ** 31),
    groups,
    what: `text8 task "${info.name}"`,
  });
  const splits = {} as Record<SplitName, Split>;
  const texts = {} as Record<SplitName, string[]>;
  const documents = {} as Record<SplitName, string[]>;
  for (const s of SPLITS) {
    const rows = idx[s].map((i) => pool[i]);
    texts[s] = rows.map((e) => e.text);
    documents[s] = rows.map((e) => e.doc);
    splits[s] = { x: featurizeTexts(texts[s], dim), y: Int32Array.from(rows, (e) => e.label), n: rows.length };
  }
  return {
    name: info.name,
    title: info.title,
    suite: "text8",
    inputShape: [dim],
    inputSize: dim,
    classes,
    concepts: labelConcepts(info.name),
    splits,
    source: info.source,
    texts,
    documents,
  };
}
