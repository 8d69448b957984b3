/**
 * Label words: every class of every text-8 task is one word, and its concept id is "word:<word>".
 * The union over the suite is the shared output layer, the analogue of an LLM's vocabulary head:
 * each task predicts within its own words, and the whole network (head included) is merged.
 *
 * Sharing rule: two tasks share a concept only when they use the same word for the same meaning.
 * One pair qualifies: noun.communication and verb.communication are both "word:communication"
 * (glosses about telling, writing, signalling, as things or as acts). Near misses stay separate on
 * purpose: topic "science" vs genre "learned" (learned also holds government documents), topic
 * "poetry" (songs-poems) vs genre "fiction". The union has 39 words.
 */

/** Class names (label order) and label words of each text-8 task. */
export const TEXT8_LABELS: Readonly<Record<string, { readonly classes: readonly string[]; readonly words: readonly string[] }>> = {
  spam: { classes: ["ham", "spam"], words: ["ham", "spam"] },
  topic: {
    classes: ["computers", "politics", "science", "songs-poems", "work", "education"],
    words: ["computers", "politics", "science", "poetry", "work", "education"],
  },
  genre: { classes: ["press", "learned", "fiction", "essays", "leisure"], words: ["press", "learned", "fiction", "essays", "leisure"] },
  "noun-supersense": {
    classes: ["artifact", "person", "plant", "animal", "act", "communication", "location", "food"],
    words: ["artifact", "person", "plant", "animal", "act", "communication", "location", "food"],
  },
  "verb-supersense": {
    classes: ["change", "contact", "communication", "motion", "social", "possession"],
    words: ["change", "contact", "communication", "motion", "social", "possession"],
  },
  "gloss-sentiment": { classes: ["negative", "positive"], words: ["negative", "positive"] },
  era: { classes: ["1790-1899", "1900-1959", "1960-2021"], words: ["early", "midcentury", "modern"] },
  "language-id": {
    classes: ["fra", "spa", "ita", "por_PT", "ron_2006", "cat", "deu_1996", "nld"],
    words: ["french", "spanish", "italian", "portuguese", "romanian", "catalan", "german", "dutch"],
  },
};

/**
 * The concept ids ("word:<w>") of one task's classes, in label order.
 *
 * @example
 * labelConcepts("spam"); // ["word:ham", "word:spam"]
 */
export function labelConcepts(task: string): string[] {
  const def = TEXT8_LABELS[task];
  return def ? def.words.map((w) => `word:${w}`) : [];
}

/**
 * The union of all text-8 concept ids, in task order then label order, each once.
 *
 * @example
 * text8Concepts().length; // 39
 */
export function text8Concepts(): string[] {
  const out: string[] = [];
  for (const task of Object.keys(TEXT8_LABELS)) for (const c of labelConcepts(task)) if (!out.includes(c)) out.push(c);
  return out;
}
