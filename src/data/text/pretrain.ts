import { InvalidArgumentError, TooLargeError } from "../../util/errors";
import { Progress, silentProgress } from "../../util/progress";
import { hashSeed, Rng } from "../../util/rng";
import { SplitName, Task } from "../types";
import { documentIds } from "./documents";
import { featurizeWords, wordBucket } from "./featurize";
import { readBrown } from "./sources/brown";
import { listFortuneFiles, readFortunes } from "./sources/fortunes";
import { readSotu } from "./sources/sotu";
import { listUdhrCodes, readUdhr } from "./sources/udhr";
import { readSynsets } from "./sources/wordnet";
import { tokenizeWords } from "./tokenize";

/** The pooled unlabelled corpora. */
export type PretrainSource = "brown" | "sotu" | "wordnet" | "fortunes" | "udhr";
export const PRETRAIN_SOURCES: readonly PretrainSource[] = ["brown", "sotu", "wordnet", "fortunes", "udhr"];

/** A masked-bag-of-words corpus: inputs with words dropped, multi-hot targets of the dropped words. */
export interface TextPretrainData {
  /** n × dim: features of each chunk with `maskRate` of its distinct words removed. */
  readonly x: Float32Array;
  /** n × dim: 1 at the word bucket (`wordBucket`) of every removed word. */
  readonly targets: Float32Array;
  readonly n: number;
  readonly dim: number;
  /** Document id of each chunk (see documents.ts). */
  readonly documents: readonly string[];
  /** Corpus of each chunk. */
  readonly sources: readonly PretrainSource[];
}

export interface TextPretrainOptions {
  readonly dim: number;
  /** At most this many chunks (a seeded sample of the pool). */
  readonly maxChunks: number;
  /** Fraction of a chunk's distinct words removed (default 0.3). */
  readonly maskRate?: number;
  readonly seed: number;
  /** Documents never to use: text-8 tasks (their `excludeSplits` documents) or document ids. */
  readonly excludeTest: readonly Task[] | readonly string[] | ReadonlySet<string>;
  /** Which splits of `excludeTest` tasks are held out (default ["test"]). */
  readonly excludeSplits?: readonly SplitName[];
  readonly sources?: readonly PretrainSource[];
  readonly progress?: Progress;
}

/** One unlabelled chunk of the pool. */
export interface PretrainChunk {
  readonly text: string;
  readonly doc: string;
  readonly source: PretrainSource;
}
type Chunk = PretrainChunk;

const MAX_FORTUNE_CHARS = 1000;

function chunked(sentences: readonly string[], size: number, doc: string, source: PretrainSource, out: Chunk[]): void {
  for (let i = 0; i + size <= sentences.length; i += size) out.push({ text: sentences.slice(i, i + size).join(" "), doc, source });
}

/**
 * Every chunk of the pooled corpora, in a fixed order, before exclusion and sampling (for inspection).
 *
 * @example
 * pretrainPool(["brown"]).length; // ~28,600 two-sentence chunks
 */
export function pretrainPool(sources: readonly PretrainSource[] = PRETRAIN_SOURCES): PretrainChunk[] {
  const out: Chunk[] = [];
  for (const source of sources) {
    if (source === "brown") for (const f of readBrown()) chunked(f.sentences, 2, `brown:${f.file}`, source, out);
    else if (source === "sotu") for (const a of readSotu()) chunked(a.sentences, 3, a.doc, source, out);
    else if (source === "wordnet") for (const pos of ["adj", "adv"] as const) for (const s of readSynsets(pos)) out.push({ text: s.gloss, doc: s.doc, source });
    else if (source === "fortunes") for (const file of listFortuneFiles()) for (const f of readFortunes(file)) out.push({ text: f.text.slice(0, MAX_FORTUNE_CHARS), doc: f.doc, source });
    else for (const code of listUdhrCodes()) for (const p of readUdhr(code)) out.push({ text: p.text, doc: p.doc, source });
  }
  return out;
}

function excludedIds(opts: TextPretrainOptions): ReadonlySet<string> {
  const ex = opts.excludeTest;
  if (ex instanceof Set) return ex;
  if (!Array.isArray(ex)) throw new InvalidArgumentError("excludeTest", ex, "text-8 tasks, an array of document ids, or a Set of them");
  if (ex.length === 0) return new Set();
  if (ex.every((e) => typeof e === "string")) return new Set(ex as readonly string[]);
  return documentIds(ex as readonly Task[], opts.excludeSplits ?? ["test"]);
}

/**
 * The text base model's pretraining data: masked bag-of-words over pooled unlabelled text (Brown 2-sentence
 * chunks, SOTU 3-sentence chunks, WordNet adjective and adverb glosses, all English fortunes, every UDHR
 * paragraph of every language), leaving out every document of `excludeTest` (whole Brown files and SOTU
 * addresses, single fortunes, glosses and UDHR paragraphs). For each chunk, `maskRate` of its distinct words
 * (at least one, never all) are removed: `x` is the featurized remainder, `targets` the dropped words' buckets.
 *
 * @example
 * const tasks = await loadText8Tasks({ sizes, seed: 1, dim: 1024 });
 * const pre = await loadTextPretrainData({ dim: 1024, maxChunks: 20000, seed: 1, excludeTest: tasks });
 * pre.x.length === pre.n * 1024; // true
 * @throws InvalidArgumentError for a bad option; TooLargeError when n × dim would not fit in memory.
 */
export async function loadTextPretrainData(opts: TextPretrainOptions): Promise<TextPretrainData> {
  const { dim, maxChunks, seed } = opts;
  const maskRate = opts.maskRate ?? 0.3;
  if (!Number.isInteger(dim) || dim < 2) throw new InvalidArgumentError("dim", dim, "an integer ≥ 2");
  if (!Number.isInteger(maxChunks) || maxChunks < 1) throw new InvalidArgumentError("maxChunks", maxChunks, "a positive integer");
  if (!(maskRate > 0 && maskRate < 1)) throw new InvalidArgumentError("maskRate", maskRate, "a fraction in (0, 1)");
  const sources = opts.sources ?? PRETRAIN_SOURCES;
  for (const s of sources) if (!PRETRAIN_SOURCES.includes(s)) throw new InvalidArgumentError("sources", s, `one of ${PRETRAIN_SOURCES.join(", ")}`);
  const excluded = excludedIds(opts);
  const rng = new Rng(hashSeed(`${Math.floor(seed)}:text8:pretrain`));
  const pool = rng.shuffle(pretrainPool(sources).filter((c) => !excluded.has(c.doc)));
  const progress = opts.progress ?? silentProgress;

  // Tokenise in pool order until maxChunks usable chunks (≥ 2 distinct words) are found.
  const picked: { words: string[]; chunk: Chunk }[] = [];
  for (let i = 0; i < pool.length && picked.length < maxChunks; i++) {
    const words = tokenizeWords(pool[i].text);
    if (new Set(words).size >= 2) picked.push({ words, chunk: pool[i] });
  }
  const n = picked.length;
  if (n * dim > 2 ** 28) throw new TooLargeError(`pretraining corpus of ${n} chunks × ${dim} buckets needs ${((n * dim * 8) / 2 ** 30).toFixed(1)} GiB; lower maxChunks or dim`);
  const x = new Float32Array(n * dim);
  const targets = new Float32Array(n * dim);
  const scratch = new Float64Array(dim);
  progress.start("text pretraining corpus", n);
  picked.forEach(({ words }, i) => {
    const types = rng.shuffle([...new Set(words)].sort());
    const drop = new Set(types.slice(0, Math.min(types.length - 1, Math.max(1, Math.round(maskRate * types.length)))));
    featurizeWords(words.filter((w) => !drop.has(w)), dim, x, i * dim, scratch);
    for (const w of drop) targets[i * dim + wordBucket(w, dim)] = 1;
    if ((i + 1) % 1000 === 0) progress.tick(1000);
  });
  progress.done();
  return { x, targets, n, dim, documents: picked.map((p) => p.chunk.doc), sources: picked.map((p) => p.chunk.source) };
}
