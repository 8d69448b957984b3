import { TEXT8_LABELS } from "../labels";
import { readFortunes } from "../sources/fortunes";
import { fortunesSource } from "../sources/packages";
import { buildTextTask, TextLoadOptions, TextTask } from "../text-task";

/** Long fortunes (poems) are cut like e-mails, so no class is recognisable by length alone. */
const MAX_CHARS = 1000;

/**
 * Topic: Debian fortunes by file (computers, politics, science, songs-poems, work, education).
 *
 * @example
 * const task = await loadTopicTask({ sizes: { train: 1000, val: 500, test: 1000, headfitPerClass: 10 }, seed: 1 });
 */
export async function loadTopicTask(opts: TextLoadOptions): Promise<TextTask> {
  const source = fortunesSource();
  const examples = TEXT8_LABELS.topic.classes.flatMap((file, label) =>
    readFortunes(file).map((f) => ({ text: f.text.slice(0, MAX_CHARS), label, doc: f.doc })),
  );
  return buildTextTask({ name: "topic", title: "Topic (fortunes)", source, byDocument: false }, examples, opts);
}
