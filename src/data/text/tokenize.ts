/**
 * Unicode-aware tokenisation shared by the featurizer and the pretraining corpus.
 * Text is NFKC-normalised and lower-cased; a word is a run of letters, combining marks and digits,
 * optionally joined by apostrophes ("don't", "l'homme"), so accented and non-Latin scripts stay whole.
 */

const WORD_RE = /[\p{L}\p{M}\p{N}]+(?:'[\p{L}\p{M}\p{N}]+)*/gu;

/**
 * NFKC, typographic apostrophes folded to ', lower case.
 *
 * @example
 * normalizeText("L’Homme"); // "l'homme"
 */
export function normalizeText(text: string): string {
  return text.normalize("NFKC").replace(/[\u2018\u2019\u02bc]/g, "'").toLowerCase();
}

/**
 * The words of a text, normalised, in order (repeats kept).
 *
 * @example
 * tokenizeWords("Déclaration universelle, Article 1!"); // ["déclaration", "universelle", "article", "1"]
 */
export function tokenizeWords(text: string): string[] {
  return normalizeText(text).match(WORD_RE) ?? [];
}

/**
 * Split running prose into sentences at . ! ? followed by space and an upper-case letter, digit or quote.
 * Good enough for the State of the Union addresses, which have no line or paragraph breaks.
 *
 * @example
 * splitSentences("It rained. We stayed in! Did you?"); // ["It rained.", "We stayed in!", "Did you?"]
 */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?]["'\u201d)\]]?)\s+(?=["'\u201c(\[]?[\p{Lu}\p{N}])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
