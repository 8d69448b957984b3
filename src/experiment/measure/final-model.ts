import * as path from "path";
import type { Task } from "../../data/types";
import { DEFAULT_NCM } from "../../evaluate/ncm-head";
import { featureSize, taskUnits } from "../../model/spec";
import { ParamLayout } from "../../params/layout";
import { ParamVector } from "../../params/param-vector";
import { loadParamsSync, saveParamsSync } from "../../params/safetensors";
import { writeFileAtomic } from "../../util/atomic";
import { InvalidArgumentError } from "../../util/errors";
import { sha256Hex } from "../../util/sha256";
import { toGlobalMask } from "./global-mask";
import type { Engine } from "../engine";
import { fineTuneSeed } from "../finetune-job";
import { ensureFineTunes, fineTuneKey, type FineTuneRecord } from "../finetune-pool";
import type { TargetPlan } from "../plan";
import type { FinalModel } from "../../results/selection-result";

/** File names of the exported model and its numbers, inside the selection's output folder. */
export const FINAL_MODEL_FILE = "final.safetensors";
export const FINAL_JSON_FILE = "final.json";

/**
 * Whether an exported final model is intact: the file decodes and its tensors' sha256 is the one recorded
 * in final.json. Returns what is wrong, or null.
 *
 * @example
 * finalModelProblem("runs/sel/final.safetensors", final.sha256);   // null when intact
 */
export function finalModelProblem(file: string, sha256: string): string | null {
  try {
    const { params } = loadParamsSync(file);
    const got = sha256Hex(new Uint8Array(params.data.buffer, params.data.byteOffset, params.data.byteLength));
    return got === sha256
      ? null
      : `its tensors' sha256 ${got.slice(0, 12)}… is not the ${sha256.slice(0, 12)}… recorded in ${FINAL_JSON_FILE}`;
  } catch (err) {
    return (err as Error).message;
  }
}

/** Prefix of θ0's tensors in a tangent model's file (the point it is linearized around). */
export const THETA0_PREFIX = "theta0/";

/** The metadata line of a tangent model's file: what its logits are. */
export const TANGENT_LOGITS =
  "f(x; θ0) + J(x; θ0)(θ − θ0): the network linearized around θ0 (θ0 = the theta0/ tensors, θ = the other network tensors), as tangent fine-tuning trained it";

/** How to compute the target's logits from the file, in words a Python user can follow. */
function forwardText(e: Engine, target: Task): string {
  const cls = `class = argmax over ${target.name}'s classes in order`;
  const ncm = (h: string) =>
    `logits = (${h} / ‖${h}‖) @ target_head/means.T / ${DEFAULT_NCM.temperature} + target_head/bias (nearest class mean, cosine)`;
  if (e.spec.finetune === "tangent") {
    const enc =
      "h = x (flattened input), t = 0; for i = 0 … L−1: p = h @ theta0/enc{i}/kernel + theta0/enc{i}/bias; " +
      "d = h @ (enc{i}/kernel − theta0/enc{i}/kernel) + (enc{i}/bias − theta0/enc{i}/bias) + t @ theta0/enc{i}/kernel; " +
      "h = relu(p); t = (p > 0) · d";
    if (e.spec.headRule === "refit") return `${enc}; features = h + t; ${ncm("features")}; ${cls}`;
    return `${enc}; logits = (h @ out/kernel + out/bias + t @ theta0/out/kernel)[target_units]; ${cls}`;
  }
  const enc = "h = x (flattened input); for i = 0 … L−1: h = relu(h @ enc{i}/kernel + enc{i}/bias)";
  if (e.spec.headRule === "refit") return `${enc}; ${ncm("h")}; ${cls}`;
  return `${enc}; logits = (h @ out/kernel + out/bias)[target_units]; ${cls}`;
}

/**
 * The algorithm's last step: fine-tune θ0 on the recommended mixture with the run's recipe (cached in the
 * run store like any mixture fine-tune), evaluate it on the target's validation and test splits, and write
 * OUT/final.safetensors — the network's tensors (plus, under the "refit" head rule, the target's
 * nearest-class-mean head as target_head/means and target_head/bias) with the provenance in its metadata:
 * suite, target, mixture, recipe, seeds, head rule, data hashes, the architecture and how to run it — and
 * OUT/final.json with the numbers. Both are written atomically. Under `finetune: "tangent"` the model is the
 * network linearized around θ0: the file also holds θ0's tensors (theta0/…) and its metadata says how the
 * logits follow from both (`logits`, `forward`).
 *
 * @example
 * const final = await trainFinalModel(engine, engine.plans[0], 0b101, 0);
 * final.test_acc;
 */
export async function trainFinalModel(
  e: Engine,
  plan: TargetPlan,
  mask: number,
  seed: number,
  extra: Record<string, string> = {},
): Promise<FinalModel> {
  if (!Number.isInteger(mask) || mask < 1 || mask >= 2 ** plan.candidates.length)
    throw new InvalidArgumentError("mixture mask", mask, `a mixture of the ${plan.candidates.length} candidates`);
  const global = toGlobalMask(mask, plan.globalBits);
  const key = fineTuneKey(seed, global);
  await ensureFineTunes(e.store, e.ctx, [{ mask: global, seed }], { ...e.fineTuneOptions, label: "final fine-tune" });
  const w = e.store.getWeights(key, e.theta0.layout)!;
  const rec = e.store.get<FineTuneRecord>("finetune", key)!;
  const target = plan.target;
  const mixture = plan.candidates.filter((_, i) => (mask >> i) & 1);
  e.ev.load(w.params);
  const val = e.ev.evaluate(target, "val"),
    test = e.ev.evaluate(target, "test");

  // The exported tensors: the network, plus the target's refitted head when evaluation uses one, plus — in
  // tangent mode — θ0 (theta0/…), the point the model is linearized around.
  const extraTensors: Array<[string, number[], Float32Array]> = [];
  if (e.spec.headRule === "refit") {
    // exactly the head the evaluation above scored with (cached by the evaluator for the loaded model)
    const head = { ...e.ev.headArrays(target), f: featureSize(e.ctx.netSpec) };
    extraTensors.push(["target_head/means", [target.classes.length, head.f], head.means]);
    extraTensors.push(["target_head/bias", [target.classes.length], head.bias]);
  }
  if (e.spec.finetune === "tangent")
    for (const x of e.theta0.layout.entries)
      extraTensors.push([THETA0_PREFIX + x.name, [...x.shape], e.theta0.view(x.name)]);
  let params = w.params;
  if (extraTensors.length) {
    const layout = ParamLayout.fromShapes([
      ...params.layout.entries.map((x) => [x.name, x.shape] as const),
      ...extraTensors.map(([name, shape]) => [name, shape] as const),
    ]);
    const data = new Float32Array(layout.size);
    data.set(params.data);
    for (const [name, , values] of extraTensors) data.set(values, layout.entry(name).offset);
    params = new ParamVector(layout, data);
  }
  const dataSha = Object.fromEntries([target, ...mixture].map((t) => [t.name, e.dataHashes[t.name]] as const));
  const net = e.ctx.netSpec;
  const metadata: Record<string, string> = {
    ...extra,
    producer: "merge-to-mix select (Merge to Mix, arXiv 2505.16066)",
    suite: e.suite.name,
    target: target.name,
    mixture: JSON.stringify(mixture.map((t) => t.name)),
    candidates: JSON.stringify(plan.candidates.map((t) => t.name)),
    recipe: JSON.stringify(e.spec.recipe),
    seed: String(seed),
    finetune_seed: String(fineTuneSeed(seed, global)),
    head_rule: e.spec.headRule,
    preset: e.spec.preset,
    data_seed: String(e.spec.dataSeed),
    pretrain: JSON.stringify(e.spec.pretrain),
    data_sha256: JSON.stringify(dataSha),
    architecture: JSON.stringify({
      inputShape: target.inputShape,
      inputSize: net.inputSize,
      hidden: net.hidden,
      activation: "relu",
      outputUnits: net.units.length,
    }),
    target_classes: JSON.stringify(target.classes),
    forward: forwardText(e, target),
    ...(e.spec.finetune === "tangent" ? { finetune: "tangent", logits: TANGENT_LOGITS } : {}),
    ...(e.spec.anchorShare ? { anchor_share: String(e.spec.anchorShare) } : {}),
    val_acc: String(val.accuracy),
    val_loss: String(val.loss),
    test_acc: String(test.accuracy),
    test_loss: String(test.loss),
  };
  if (e.spec.headRule === "refit")
    metadata.target_head = JSON.stringify({
      kind: "nearest class mean",
      metric: DEFAULT_NCM.metric,
      temperature: DEFAULT_NCM.temperature,
      fitted_on: `${target.name} headfit split (${target.splits.headfit.n} examples)`,
    });
  else metadata.target_units = JSON.stringify([...taskUnits(target, net, e.spec.headRule)]);

  const file = path.join(e.out, FINAL_MODEL_FILE);
  saveParamsSync(file, params, { metadata });
  const final: FinalModel = {
    file: FINAL_MODEL_FILE,
    suite: e.suite.name,
    target: target.name,
    mixture: mixture.map((t) => t.name),
    seed,
    finetune_seed: fineTuneSeed(seed, global),
    recipe: { ...e.spec.recipe },
    head_rule: e.spec.headRule,
    ...(e.spec.finetune === "tangent" ? { finetune: "tangent" as const } : {}),
    ...(e.spec.anchorShare ? { anchor_share: e.spec.anchorShare } : {}),
    val_acc: val.accuracy,
    val_loss: val.loss,
    test_acc: test.accuracy,
    test_loss: test.loss,
    samples: rec.samples,
    steps: rec.steps,
    seconds: rec.seconds,
    sha256: sha256Hex(new Uint8Array(params.data.buffer, params.data.byteOffset, params.data.byteLength)),
    data_sha256: dataSha,
  };
  writeFileAtomic(path.join(e.out, FINAL_JSON_FILE), JSON.stringify(final, null, 1) + "\n");
  return final;
}
