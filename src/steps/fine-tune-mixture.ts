import { InvalidArgumentError } from "../util/errors";
import { Base } from "./base";
import { ensureMasks, storedParams, type FineTuneStepOptions } from "./fine-tune-each";
import { Model } from "./model";

/**
 * Step 7: the truth for one mixture — fine-tune θ0 on the union of the named datasets (what Merge to Mix
 * avoids doing for every mixture). Cached in the base's run store.
 *
 * @example
 * const real = await fineTuneMixture(base, ["mnist", "uci-digits"]);
 * evaluate(real, "hershey-digits", "val");
 */
export async function fineTuneMixture(
  base: Base,
  names: readonly string[],
  options: FineTuneStepOptions = {},
): Promise<Model> {
  if (!(base instanceof Base))
    throw new InvalidArgumentError("base", base, "the value of `await pretrainedBase(suite)`");
  const mask = base.maskOf(names);
  const { seed } = await ensureMasks(base, [mask], `mixture ${names.join(" + ")}`, { workers: 1, ...options });
  const ordered = base.suite.tasks.map((t) => t.name).filter((n) => names.includes(n));
  return new Model(
    base,
    "mixture",
    `θ_{${ordered.join(" + ")}}`,
    ordered,
    storedParams(base, seed, mask),
    "fine-tuned on the mixture",
  );
}
