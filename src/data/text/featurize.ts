import { InvalidArgumentError } from "../../util/errors";
import { fnv1aCodePoint } from "./hash";
import { tokenizeWords } from "./tokenize";

/**
 * The text-8 feature space: one hashed bag per text, shared by every task and language.
 *
 * - Words come from `tokenizeWords` (NFKC, lower case, Unicode letters/marks/digits).
 * - Each word w adds to bucket `fnv1a("w:" + w) % dim`.
 * - Each character trigram t of " " + w + " " (code points) adds to bucket `fnv1a("c:" + t) % dim`;
 *   trigrams never cross words, so dropping a word removes exactly its own features (used by pretraining).
 * - A bucket's value is 1 + ln(count) (sublinear, so long e-mails do not drown short glosses), and the
 *   vector is L2-normalised. A text with no words maps to the zero vector.
 */

/** Default number of hash buckets: the models are MLPs on wasm, and 4096 trains ~8x slower. */
export const DEFAULT_TEXT_DIM = 1024;

const W_PREFIX = fnv1aCodePoint(fnv1aCodePoint(0x811c9dc5, 0x77), 0x3a); // "w:"
const C_PREFIX = fnv1aCodePoint(fnv1aCodePoint(0x811c9dc5, 0x63), 0x3a); // "c:"

function checkDim(dim: number): void {
  if (!Number.isInteger(dim) || dim < 2 || dim > 1 << 24) throw new InvalidArgumentError("dim", dim, "an integer number of hash buckets in [2, 16777216]");
}

/**
 * The bucket of a (normalised) word, as used for word features and for the pretraining targets.
 *
 * @example
 * wordBucket("spam", 1024); // an integer in [0, 1024)
 */
export function wordBucket(word: string, dim: number): number {
  let h = W_PREFIX;
  for (const ch of word) h = fnv1aCodePoint(h, ch.codePointAt(0)!);
  return h % dim;
}

/** Add one word's features (the word and its trigrams) to `counts`. */
function addWord(word: string, dim: number, counts: Float64Array, touched: number[]): void {
  const cps: number[] = [0x20];
  let h = W_PREFIX;
  for (const ch of word) {
    const cp = ch.codePointAt(0)!;
    cps.push(cp);
    h = fnv1aCodePoint(h, cp);
  }
  cps.push(0x20);
  let b = h % dim;
  if (counts[b]++ === 0) touched.push(b);
  for (let i = 0; i + 3 <= cps.length; i++) {
    b = fnv1aCodePoint(fnv1aCodePoint(fnv1aCodePoint(C_PREFIX, cps[i]), cps[i + 1]), cps[i + 2]) % dim;
    if (counts[b]++ === 0) touched.push(b);
  }
}

/**
 * Featurize already-tokenised words into `out` at `offset` (dim floats, overwritten).
 * `featurizeText(t)` equals `featurizeWords(tokenizeWords(t))`.
 *
 * @example
 * const v = new Float32Array(1024);
 * featurizeWords(["hello", "world"], 1024, v);
 */
export function featurizeWords(words: readonly string[], dim: number, out: Float32Array = new Float32Array(dim), offset = 0, scratch?: Float64Array): Float32Array {
  checkDim(dim);
  if (offset < 0 || offset + dim > out.length) throw new InvalidArgumentError("offset", offset, `a row start with offset + ${dim} <= ${out.length}`);
  const counts = scratch && scratch.length >= dim ? scratch : new Float64Array(dim);
  const touched: number[] = [];
  for (const w of words) addWord(w, dim, counts, touched);
  let norm = 0;
  for (const b of touched) {
    const v = 1 + Math.log(counts[b]);
    counts[b] = v;
    norm += v * v;
  }
  out.fill(0, offset, offset + dim);
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (const b of touched) {
    out[offset + b] = counts[b] * scale;
    counts[b] = 0; // leave the scratch clean for the next text
  }
  return out;
}

/**
 * One text → one L2-normalised hashed bag of words and character trigrams.
 *
 * @example
 * const v = featurizeText("Free money!!! Click here", 1024);
 * v.length; // 1024
 */
export function featurizeText(text: string, dim: number = DEFAULT_TEXT_DIM): Float32Array {
  return featurizeWords(tokenizeWords(text), dim);
}

/**
 * Many texts → one row-major n × dim Float32Array (row i is text i).
 *
 * @example
 * const x = featurizeTexts(["ham and eggs", "buy now"], 1024);
 * x.length; // 2048
 */
export function featurizeTexts(texts: readonly string[], dim: number = DEFAULT_TEXT_DIM): Float32Array {
  checkDim(dim);
  if (!Array.isArray(texts)) throw new InvalidArgumentError("texts", texts, "an array of strings");
  const out = new Float32Array(texts.length * dim);
  const scratch = new Float64Array(dim);
  texts.forEach((t, i) => {
    if (typeof t !== "string") throw new InvalidArgumentError(`texts[${i}]`, t, "a string");
    featurizeWords(tokenizeWords(t), dim, out, i * dim, scratch);
  });
  return out;
}
