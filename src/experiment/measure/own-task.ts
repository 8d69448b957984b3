import type { Engine } from "../engine";
import { singleMasks } from "../engine";
import { fineTuneKey } from "../finetune-pool";
import type { SingleRow } from "../../results/results";

/**
 * Each single fine-tune on its own task's validation split against θ0, per seed (stored): the
 * calibration's "does fine-tuning move anything" check.
 *
 * @example
 * const rows = ownTaskRows(engine);   // one SingleRow per (seed, dataset)
 */
export function ownTaskRows(e: Engine): SingleRow[] {
  const rows: SingleRow[] = [];
  for (const seed of e.spec.seeds) {
    for (const mask of singleMasks(e)) {
      const task = e.suite.tasks[Math.log2(mask)];
      const key = `${seed}/${task.name}`;
      let row = e.store.get<SingleRow>("own", key);
      if (!row) {
        e.ev.load(e.theta0);
        const b = e.ev.evaluate(task, "val");
        e.ev.load(e.store.getWeights(fineTuneKey(seed, mask), e.theta0.layout)!.params);
        const o = e.ev.evaluate(task, "val");
        row = {
          seed,
          task: task.name,
          base_val_acc: b.accuracy,
          base_val_loss: b.loss,
          own_val_acc: o.accuracy,
          own_val_loss: o.loss,
        };
        e.store.put("own", key, row);
      }
      rows.push(row);
    }
  }
  return rows;
}
